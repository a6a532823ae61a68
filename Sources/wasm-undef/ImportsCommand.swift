import ArgumentParser
import LinkModel
import Reporting
import SourceLocations
import TextFormatting
import Workspace

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

    @OptionGroup var sourceLines: SourceLineOptions

    func validate() throws {
        try link.requireInputs()
    }

    func run() throws {
        let (source, capture) = try link.loadSource()
        let result = try LinkArguments.load(LoadPipeline(source, stages: [.prediction, .moduleImports]), capture: capture)
        if result.kind == .module {
            return listLinkedModules(result.moduleImports, callSites: sourceLines.enabled ? try Self.callSites(of: result.inputs) : [])
        }
        let prediction = try ReportCommand.prediction(of: result)
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

    /// Linked modules have no link to predict: their own import sections, with the `env`
    /// function imports marked (what `--allow-undefined` makes of plain `extern`s).
    private func listLinkedModules(_ moduleImports: [ModuleImport], callSites: [ModuleCallSites.Result]) {
        let imports = moduleImports.map { item -> (entry: PredictedImport, envFunction: Bool) in
            let kind: PredictedImport.Kind
            switch item.entry.descriptor {
            case .function: kind = .function
            case .global: kind = .global
            case .table: kind = .table
            case .memory: kind = .memory
            case .tag: kind = .tag
            }
            return (PredictedImport(module: item.entry.module, name: item.entry.name, kind: kind, type: item.type, symbol: nil),
                    item.isEnvironmentFunction)
        }
        var out = StandardOutput()
        switch format {
        case .json:
            var json = JSONWriter(pretty: true)
            json.array { json in
                for (entry, envFunction) in imports {
                    json.object { json in
                        json.field("module", entry.module)
                        json.field("name", entry.name)
                        json.field("kind", entry.kind.rawValue)
                        json.field("signature", entry.type)
                        json.field("env_function", envFunction)
                        if sourceLines.enabled { Self.callSitesJSON(&json, callSites, entry) }
                    }
                }
            }
            out.write(json.document)
        case .text:
            var table = TextTable([.init("module"), .init("name"), .init("kind"), .init("type"), .init("note")])
            for (entry, envFunction) in imports {
                table.append([entry.module, entry.name, entry.kind.rawValue, entry.type,
                              envFunction ? "env function: a plain extern under --allow-undefined?" : ""])
            }
            out.write(tsv ? table.renderTSV() : table.render())
            if sourceLines.enabled { out.write(Self.callSitesText(callSites)) }
        }
        out.flush()
    }
}
