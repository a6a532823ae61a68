import ArgumentParser
import LinkModel
import Reporting
import SourceLocations
import TextFormatting
import WasmDecoding

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
        if link.linkerArguments.isEmpty, link.capture == nil, !link.files.isEmpty,
           try link.files.allSatisfy({ try openInput($0).kind == .module }) {
            return try listLinkedModules()
        }
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

    /// Linked modules have no link to predict: their own import sections, with the `env`
    /// function imports marked (what `--allow-undefined` makes of plain `extern`s).
    private func listLinkedModules() throws {
        var imports: [(entry: PredictedImport, envFunction: Bool)] = []
        var callSites: [ModuleCallSites.Result] = []
        for path in link.files {
            let file = try openInput(path)
            try file.decode { (window) throws(DecodeError) in
                let binary = try WasmBinary(window)
                if sourceLines.enabled { callSites.append(try ModuleCallSites.find(in: binary, input: path)) }
                let types = try binary.types()
                try binary.importSection()?.forEach { entry in
                    let kind: PredictedImport.Kind
                    var type = ""
                    switch entry.descriptor {
                    case .function(let index):
                        kind = .function
                        type = Int(index) < types.count ? types[Int(index)].functionType?.description ?? "type \(index)" : "type \(index)"
                    case .global(let global): kind = .global; type = global.description
                    case .table(let table): kind = .table; type = table.description
                    case .memory(let memory): kind = .memory; type = memory.description
                    case .tag(let tag):
                        kind = .tag
                        type = Int(tag.typeIndex) < types.count ? types[Int(tag.typeIndex)].functionType?.description ?? "" : ""
                    }
                    imports.append((PredictedImport(module: entry.module, name: entry.name, kind: kind, type: type, symbol: nil),
                                    kind == .function && entry.module == "env"))
                }
            }
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
