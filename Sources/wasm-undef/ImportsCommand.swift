import ArgumentParser
import LinkModel
import Reporting
import TextFormatting

/// `wasm-undef imports`: the import section wasm-ld would write.
struct ImportsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "imports",
        abstract: "Predict the import section wasm-ld would write for a link.",
        discussion: """
            Same inputs as `report`. Exit status: 0 wasm-ld would succeed, 1 it would fail \
            (the imports are then what it would have written), 2 usage error or unreadable input.
            """
    )

    @OptionGroup var link: LinkArguments

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Flag(help: "Tab-separated values instead of aligned columns (text format).")
    var tsv = false

    func validate() throws {
        try link.requireInputs()
    }

    func run() throws {
        let (resolved, policy) = try link.resolve()
        let prediction = resolved.predict(policy: policy)
        var out = StandardOutput()
        switch format {
        case .json:
            var json = JSONWriter(pretty: true)
            json.array { json in
                for entry in prediction.imports {
                    json.object { json in
                        json.field("module", entry.module)
                        json.field("name", entry.name)
                        json.field("kind", entry.kind.rawValue)
                        json.field("signature", entry.type)
                        json.field("symbol", entry.symbol)
                    }
                }
            }
            out.write(json.document)
        case .text:
            let table = Report.importsTable(prediction.imports)
            out.write(tsv ? table.renderTSV() : table.render())
        }
        out.flush()
        if !prediction.linkOK { throw ExitCode(1) }
    }
}
