import ArgumentParser
import TextFormatting
import WasmDecoding

/// `wasm-undef symbols FILE...`: one row per symbol.
struct SymbolsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "symbols",
        abstract: "List the symbols of objects, archive members and modules.",
        discussion: """
            Objects and archive members: their linking symbol table. Linked modules: imports \
            (undefined) and the functions, globals, tables and tags that exports or the name \
            section name (defined).
            """
    )

    @Argument(help: "Wasm modules, objects or archives.")
    var files: [String]

    @Flag(help: "Only defined symbols.")
    var defined = false

    @Flag(help: "Only undefined symbols.")
    var undefined = false

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Flag(help: "Tab-separated values instead of aligned columns (text format).")
    var tsv = false

    func validate() throws {
        if defined && undefined { throw ValidationError("--defined and --undefined exclude each other") }
    }

    func run() throws {
        var rows: [ListedSymbol] = []
        for path in files {
            rows += try SymbolListing.symbols(of: try InputFile(path: path))
        }
        if defined { rows.removeAll { !$0.defined } }
        if undefined { rows.removeAll { $0.defined } }
        var out = StandardOutput()
        switch format {
        case .json: out.write(Self.json(rows))
        case .text:
            let table = Self.table(rows)
            out.write(tsv ? table.renderTSV() : table.render())
        }
        out.flush()
    }

    static func table(_ rows: [ListedSymbol]) -> TextTable {
        var table = TextTable([.init("input"), .init("kind"), .init("def"), .init("binding"), .init("visibility"),
                               .init("flags"), .init("name"), .init("import / placement")])
        for row in rows {
            let input = row.member.map { "\(row.input)(\($0))" } ?? row.input
            var detail = ""
            if let module = row.importModule, let name = row.importName {
                detail = "\(module).\(name)"
            } else if let placement = row.placement {
                detail = "segment \(placement.segment) +\(placement.offset) size \(placement.size)"
            }
            table.append([input, row.kind.description, row.defined ? "D" : "U", row.binding.description,
                          row.visibility.description, row.flags.joined(separator: ","), row.name, detail])
        }
        return table
    }

    static func json(_ rows: [ListedSymbol]) -> String {
        var writer = JSONWriter()
        writer.object { root in
            root.field("schema", "wasm-undef.symbols/1")
            root.array("symbols") { symbols in
                for row in rows {
                    symbols.object { entry in
                        entry.field("input", row.input)
                        entry.field("member", row.member)
                        entry.field("name", row.name)
                        entry.field("kind", row.kind.description)
                        entry.field("defined", row.defined)
                        entry.field("binding", row.binding.description)
                        entry.field("visibility", row.visibility.description)
                        entry.field("flags", strings: row.flags)
                        entry.field("import_module", row.importModule)
                        entry.field("import_name", row.importName)
                        if let placement = row.placement {
                            entry.object("data") { data in
                                data.field("segment", Int(placement.segment))
                                data.field("offset", Int(clamping: placement.offset))
                                data.field("size", Int(clamping: placement.size))
                            }
                        }
                        entry.field("type", row.type)
                    }
                }
            }
        }
        return writer.document
    }
}
