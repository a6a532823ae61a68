import Demangling
import Findings
import LinkModel
import Reporting
import SourceLocations
import WasmDecoding
import Workspace

/// The rows of each pane, built from the loaded data and the current prediction.
public enum Rows {
    // MARK: sections

    /// One row per section of every listing; a listing without sections (a skipped archive
    /// member, a component) gets one row saying why.
    public static func sections(_ listings: [SectionListingEntry], multipleInputs: Bool) -> [TableRow] {
        var rows: [TableRow] = []
        for (listingIndex, entry) in listings.enumerated() {
            let input = entry.displayName
            if entry.listing.sections.isEmpty {
                var cells = ["", entry.listing.note ?? "no sections", "", "", ""]
                if multipleInputs { cells.insert(input, at: 1) }
                rows.append(TableRow(
                    key: "\(input)#-", cells: cells, values: [-1, 0, 0, 0], tone: .dim,
                    reference: .text("\(input): \(entry.listing.kind), \(entry.listing.note ?? "no sections")")))
                continue
            }
            for (rowIndex, section) in entry.listing.sections.enumerated() {
                var cells = [
                    String(section.index), section.name, Format.hex(section.offset), Format.size(section.size),
                    section.count.map(Format.count) ?? "",
                ]
                if multipleInputs { cells.insert(input, at: 1) }
                rows.append(TableRow(
                    key: "\(input)#\(section.index)", cells: cells,
                    values: [Int64(section.index), Int64(section.offset), Int64(section.size), Int64(section.count ?? -1)],
                    tone: section.id == 0 ? .note : .plain, reference: .section(listing: listingIndex, row: rowIndex)))
            }
        }
        return rows
    }

    // MARK: defined

    /// `func`, `data`, … as the narrow kind columns show them.
    public static func kindText(_ kind: SymbolKindName) -> String {
        kind == .function ? "func" : kind.rawValue
    }

    static func kindText(_ kind: SymbolKind) -> String {
        kind == .function ? "func" : kind.description
    }

    /// The demangled spelling of `name`, when it is mangled.
    static func demangled(_ name: String) -> String? {
        guard let text = Demangler.demangle(name), text != name else { return nil }
        return text
    }

    /// Defined symbols of a link, in symbol-table order; `start` is the index of the first.
    public static func defined(_ symbols: [DefinedSymbol], start: Int = 0) -> [TableRow] {
        symbols.enumerated().map { offset, symbol in
            var flags = symbol.flags.filter { $0 != "exported" }
            if symbol.visibility == "hidden" { flags.insert("hidden", at: 0) }
            if symbol.exported { flags.insert("exported", at: 0) }
            if !symbol.live { flags.append("gc") }
            return TableRow(
                key: symbol.name,
                cells: [symbol.name, kindText(symbol.kind), symbol.binding, symbol.definedIn,
                        symbol.size.map { Format.size(Int($0)) } ?? "", flags.joined(separator: " ")],
                demangled: demangled(symbol.name), values: [Int64(symbol.size ?? 0)],
                tone: symbol.live ? .plain : .dim, glyph: symbol.exported ? .exported : nil,
                reference: .definedSymbol(start + offset),
                searchText: [symbol.name, kindText(symbol.kind), symbol.binding, symbol.definedIn, flags.joined(separator: " ")]
                    .joined(separator: "\u{1}"))
        }
    }

    /// A linked module's defined elements among `symbols` (imports are skipped);
    /// `start` is the index of the first in `AppData.moduleSymbols`.
    public static func moduleDefined(_ symbols: [ModuleSymbol], start: Int, multipleInputs: Bool = false,
                                     inputName: (Int) -> String) -> [TableRow] {
        var rows: [TableRow] = []
        for (offset, item) in symbols.enumerated() where item.symbol.defined {
            let symbol = item.symbol
            let exported = symbol.flags.contains("exported")
            rows.append(TableRow(
                key: "\(item.input):\(kindText(symbol.kind)):\(symbol.name)",
                cells: [symbol.name, kindText(symbol.kind), symbol.type ?? "", exported ? "exported" : ""]
                    + (multipleInputs ? [inputName(item.input)] : []),
                demangled: demangled(symbol.name), glyph: exported ? .exported : nil,
                reference: .moduleSymbol(start + offset),
                searchText: [symbol.name, kindText(symbol.kind), exported ? "exported" : ""].joined(separator: "\u{1}")))
        }
        return rows
    }

    // MARK: undefined

    /// `func`, `weak func`, `data`.
    static func kindText(_ symbol: UndefinedSymbol) -> String {
        (symbol.weak ? "weak " : "") + kindText(symbol.kind)
    }

    /// How an outcome reads at a glance.
    static func look(_ outcome: Outcome) -> (Tone, RowGlyph) {
        switch outcome {
        case .error: (.error, .error)
        case .invalidIndex: (.error, .error)
        case .import: (.good, .importing)
        case .warningImport: (.warning, .warning)
        case .warning: (.warning, .warning)
        case .zero: (.warning, .zero)
        case .weakUndefined: (.weak, .weak)
        case .notReached: (.dim, .dead)
        case .unreferenced: (.dim, .dead)
        }
    }

    /// The prediction's undefined symbols, then those only dead code references.
    /// With `sources` that place references, a `source` column: the first use's
    /// `file:line:column` (`+N` more).
    public static func undefined(_ prediction: LinkPrediction, sources: SourceReferences? = nil) -> [TableRow] {
        let withSources = sources?.hasPositions ?? false
        return (prediction.undefined + prediction.unreferencedUndefined).map { symbol in
            let groups = Report.groupedReferences(symbol.referencedBy)
            var referenced = groups.first.map(Report.referenceText) ?? "-"
            if groups.count > 1 { referenced += " +\(groups.count - 1)" }
            if symbol.outcome == .unreferenced { referenced = "dead code only" }
            var importName = ""
            if let name = symbol.explicitImportName {
                importName = "\(symbol.importModule ?? "env").\(name)"
            } else if let module = symbol.importModule, module != "env" {
                importName = "\(module).?"
            }
            let (tone, glyph) = look(symbol.outcome)
            var cells = [symbol.name, kindText(symbol), symbol.type ?? "-", importName, referenced]
            if withSources, let sources {
                let placed = sources.references(of: symbol.name).compactMap(\.locationText)
                cells.append((placed.first ?? "-") + (placed.count > 1 ? " +\(placed.count - 1)" : ""))
            }
            cells.append(symbol.outcome == .unreferenced ? "unreferenced: nothing" : Report.outcomeText(symbol))
            return TableRow(
                key: symbol.name,
                cells: cells,
                demangled: symbol.displayName != symbol.name ? symbol.displayName : nil,
                tone: tone, glyph: glyph, allowed: symbol.inAllowList, reference: .undefinedSymbol(symbol.name))
        }
    }

    /// A linked module's imports as its undefined interface (memories are not symbols).
    public static func moduleUndefined(_ imports: [ModuleImport]) -> [TableRow] {
        var rows: [TableRow] = []
        for (index, item) in imports.enumerated() {
            let entry = item.entry
            let kind: String
            switch entry.descriptor {
            case .function: kind = "func"
            case .global: kind = "global"
            case .table: kind = "table"
            case .tag: kind = "tag"
            case .memory: continue
            }
            let environment = item.isEnvironmentFunction
            rows.append(TableRow(
                key: "\(item.input):\(entry.module).\(entry.name)",
                cells: [entry.name, kind, item.type, entry.module,
                        environment ? "from env: a plain extern? (--allow-undefined)" : "import"],
                demangled: demangled(entry.name), tone: environment ? .warning : .good,
                glyph: environment ? .environment : .importing, reference: .moduleImport(index)))
        }
        return rows
    }

    // MARK: imports

    /// The import section the link would produce.
    public static func imports(_ prediction: LinkPrediction) -> [TableRow] {
        prediction.imports.enumerated().map { index, entry in
            TableRow(
                key: "\(entry.module)\u{0}\(entry.name)\u{0}\(entry.kind.rawValue)",
                cells: ["\(entry.module).\(entry.name)", entry.kind.rawValue,
                        entry.layoutDependent ? entry.type + " (limits at layout)" : entry.type, entry.symbol ?? "-"],
                demangled: entry.symbol.flatMap(demangled).map { "\(entry.module).\($0)" },
                tone: .good, glyph: .importing, reference: .predictedImport(index))
        }
    }

    /// A linked module's own import section, `env` functions marked.
    public static func moduleImports(_ imports: [ModuleImport]) -> [TableRow] {
        imports.enumerated().map { index, item in
            let entry = item.entry
            let environment = item.isEnvironmentFunction
            return TableRow(
                key: "\(item.input):\(entry.module).\(entry.name):\(entry.descriptor.kind)",
                cells: ["\(entry.module).\(entry.name)", "\(entry.descriptor.kind)", item.type,
                        environment ? "plain extern? (--allow-undefined)" : ""],
                tone: environment ? .warning : .plain, glyph: environment ? .environment : .importing,
                reference: .moduleImport(index))
        }
    }

    // MARK: findings

    /// The lines wasm-ld would print, then the analyses' findings, then notes on the link.
    public static func findings(_ prediction: LinkPrediction, findings: LinkFindings, analysing: Bool) -> [TableRow] {
        var rows: [TableRow] = []
        for (index, line) in prediction.diagnostics.enumerated() {
            let first = line.text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? line.text
            rows.append(TableRow(
                key: "diagnostic:\(index):\(line.text)", cells: [line.severity.rawValue, "wasm-ld", first],
                tone: line.severity == .error ? .error : .warning, glyph: line.severity == .error ? .error : .warning,
                reference: .diagnostic(index)))
        }
        for (index, finding) in findings.findings.enumerated() {
            let tone: Tone
            let glyph: RowGlyph
            switch finding.severity {
            case .error: (tone, glyph) = (.error, .error)
            case .warning: (tone, glyph) = (.warning, .warning)
            case .note: (tone, glyph) = (.note, .note)
            }
            rows.append(TableRow(
                key: "finding:\(finding.category.rawValue):\(finding.symbol):\(finding.message)",
                cells: [finding.severity.rawValue, finding.category.rawValue, finding.message],
                tone: tone, glyph: glyph, reference: .finding(index)))
        }
        if analysing {
            rows.append(TableRow(key: "analysing", cells: ["", "", "looking for near misses and libraries not linked…"],
                                 tone: .dim, reference: .text("The analyses are still running.")))
        }
        if prediction.writesInvalidModule {
            let text = "wasm-ld exits 0 but the module it writes is invalid (index 0xFFFFFFFF)"
            rows.append(TableRow(key: "invalid-module", cells: ["error", "result", text], tone: .error, glyph: .error,
                                 reference: .text(text)))
        }
        if !prediction.ignoredFlags.isEmpty {
            let text = "flags not modelled: " + prediction.ignoredFlags.joined(separator: " ")
            rows.append(TableRow(key: "ignored-flags", cells: ["note", "options", text], tone: .note, glyph: .note,
                                 reference: .text(text)))
        }
        return rows
    }

    /// A linked module's findings: its `env` function imports, the ones to check when the
    /// objects are linked again without `--allow-undefined`.
    public static func moduleFindings(_ imports: [ModuleImport]) -> [TableRow] {
        let environment = imports.enumerated().filter { $0.element.isEnvironmentFunction }
        var rows: [TableRow] = []
        let summary: String
        if environment.isEmpty {
            summary = "no function is imported from env: nothing here looks like a plain extern that --allow-undefined imported"
        } else {
            summary = "\(Format.plural(environment.count, "function")) imported from env: what --allow-undefined makes of plain extern declarations; open the objects (or capture the link) to see which would fail without it"
        }
        rows.append(TableRow(key: "module-summary", cells: ["note", "linked module", summary], tone: .note, glyph: .note,
                             reference: .text(summary)))
        for (index, item) in environment {
            let text = "env.\(item.entry.name) \(item.type): an extern without import_name would be an error under wasm-ld's default policy"
            rows.append(TableRow(key: "env:\(item.entry.name)", cells: ["note", "env import", text], tone: .warning,
                                 glyph: .environment, reference: .moduleImport(index)))
        }
        return rows
    }

    /// The row that says why loading stopped.
    public static func loadError(_ message: String) -> TableRow {
        TableRow(key: "load-error", cells: ["error", "input", message], tone: .error, glyph: .error, reference: .text(message))
    }
}
