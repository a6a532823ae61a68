import ArgumentParser
import Demangling
import TextFormatting
import WasmDecoding
import Workspace

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

    @Argument(help: "Wasm modules, objects or archives; - reads one from standard input.")
    var files: [String]

    @Flag(help: "Only defined symbols.")
    var defined = false

    @Flag(help: "Only undefined symbols.")
    var undefined = false

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Flag(help: "Tab-separated values instead of aligned columns (text format).")
    var tsv = false

    @Flag(help: "Show C++ and Rust names demangled (JSON: adds a demangled field).")
    var demangle = false

    func validate() throws {
        if defined && undefined { throw ValidationError("--defined and --undefined exclude each other") }
    }

    static let columns: [TextTable.Column] = [
        .init("input"), .init("kind"), .init("def"), .init("binding"), .init("visibility"), .init("flags"),
        .init("import / placement"), .init("name"),
    ]

    func run() throws {
        let inputs = try files.map { try openInput($0) }
        let demangle = self.demangle
        let name: (ListedSymbol) -> String = { demangle ? (Demangler.demangle($0.name) ?? $0.name) : $0.name }
        var out = StandardOutput()
        switch format {
        case .json:
            var writer = JSONWriter()
            writer.object { root in
                root.field("schema", "wasm-undef.symbols/1")
                root.array("symbols") { symbols in
                    // Streamed: each row is written as it is decoded.
                    forEachRow(inputs, withTypes: true) { row in
                        Self.json(row, demangled: demangle ? Demangler.demangle(row.name) : nil, into: &symbols)
                        if symbols.output.utf8.count >= 1 << 16 { out.write(symbols.takeOutput()) }
                    }
                }
            }
            out.write(writer.document)
        case .text where tsv:
            out.write(Self.columns.map(\.title).joined(separator: "\t") + "\n")
            forEachRow(inputs, withTypes: false) { row in
                out.write(Self.cells(row, name: name(row)).joined(separator: "\t") + "\n")
            }
        case .text:
            // Two passes: measure the columns, then write. A linked module's rows are decoded
            // again in the second pass (the first skips their names), so a 100 MB module is
            // never held in memory; objects and archives are small, and their rows are kept.
            var layout = TextTable.Layout(Self.columns)
            var inputCell = InputCell()
            var kept: [[ListedSymbol]] = []
            for input in inputs {
                var rows: [ListedSymbol] = []
                forEachRow([input], withTypes: false, withNames: input.kind != .module) { row in
                    Self.forEachCell(row, input: inputCell.text(for: row), name: nil) { layout.measure($0, column: $1) }
                    if input.kind != .module { rows.append(row) }
                }
                kept.append(rows)
            }
            var text = TextBuffer()
            layout.appendHeader(to: &text)
            func write(_ row: ListedSymbol) {
                var cursor = layout.beginLine(to: &text)
                Self.forEachCell(row, input: inputCell.text(for: row), name: name(row)) { cell, _ in layout.cell(cell, &cursor, to: &text) }
                layout.endLine(cursor, to: &text)
                if text.count >= 1 << 16 { out.write(&text) }
            }
            for (input, rows) in zip(inputs, kept) {
                if input.kind == .module {
                    forEachRow([input], withTypes: false, write)
                } else {
                    rows.forEach(write)
                }
            }
            out.write(&text)
        }
        out.flush()
    }

    /// Decoding errors surface in the first pass, before anything is printed.
    private func forEachRow(_ inputs: [InputFile], withTypes: Bool, withNames: Bool = true, _ body: (ListedSymbol) -> Void) {
        // Read the flags once: ArgumentParser's property wrappers are slow to read per row.
        let onlyDefined = defined, onlyUndefined = undefined
        for input in inputs {
            do {
                // An archive's members are decoded on every core.
                try SymbolListing.visit(input, withTypes: withTypes, withNames: withNames, work: AllCores()) { row in
                    if onlyDefined && !row.defined || onlyUndefined && row.defined { return }
                    body(row)
                }
            } catch {
                CommandLineRunner.fail(ToolError(error))
            }
        }
    }

    /// The row's cells in column order, escaped, without building an array.
    /// `name: nil` leaves the name column out (the measuring pass: it is never padded).
    static func forEachCell(_ row: ListedSymbol, input: String, name: String?, _ body: (String, Int) -> Void) {
        body(input, 0)
        body(row.kind.description, 1)
        body(row.defined ? "D" : "U", 2)
        body(row.binding.description, 3)
        body(row.visibility.description, 4)
        body(row.flags.isEmpty ? "" : row.flags.joined(separator: ","), 5)
        if let module = row.importModule, let name = row.importName {
            body(TerminalSafe.escape("\(module).\(name)"), 6)
        } else if let placement = row.placement {
            body("segment \(placement.segment) +\(placement.offset) size \(placement.size)", 6)
        } else {
            body("", 6)
        }
        if let name { body(TerminalSafe.escape(name), 7) }
    }

    /// The escaped `input(member)` cell, remembered while consecutive rows share it.
    struct InputCell {
        private var input = "", member: String? = nil, cell = ""
        mutating func text(for row: ListedSymbol) -> String {
            if row.input != input || row.member != member || cell.isEmpty {
                input = row.input
                member = row.member
                cell = TerminalSafe.escape(row.member.map { "\(row.input)(\($0))" } ?? row.input)
            }
            return cell
        }
    }

    static func cells(_ row: ListedSymbol, name: String) -> [String] {
        var cells: [String] = []
        var inputCell = InputCell()
        forEachCell(row, input: inputCell.text(for: row), name: name) { cell, _ in cells.append(cell) }
        return cells
    }

    static func json(_ row: ListedSymbol, demangled: String?, into symbols: inout JSONWriter) {
        symbols.object { entry in
            entry.field("input", row.input)
            entry.field("member", row.member)
            entry.field("name", row.name)
            if let demangled { entry.field("demangled", demangled) }
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
