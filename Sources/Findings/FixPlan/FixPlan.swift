import LinkModel

/// What each undefined symbol needs, as the findings explain it: only the symbols the host
/// is meant to provide become imports; a typo, a symbol a library that is not linked
/// defines, and undefined data each get their own fix instead. Every fix-it (`--fix`, the
/// TUI's `f`, the source patches) follows this one plan.
public struct FixPlan: Sendable {
    /// The fix one symbol needs.
    public enum Fate: Sendable, Hashable {
        /// The host provides it: declare it as an import from `module`.
        case hostImport(module: String)
        /// A near miss of a defined name: rename the reference.
        case nearMiss(candidate: String, definedIn: String)
        /// A library that is not on the link line defines it: link that library.
        case unlinkedLibrary(library: String, linkFlag: String)
        /// Data cannot be imported in a non-PIC link: define it.
        case undefinedData
        /// A global, table or tag: no C or Rust declaration makes it an import.
        case notDeclarable
    }

    public struct Entry: Sendable, Hashable {
        public var symbol: UndefinedSymbol
        public var fate: Fate
    }

    /// The symbols a fix-it is about (the ones `--allow-undefined` would have let through),
    /// in the prediction's order.
    public var entries: [Entry]

    /// The symbols `--allow-undefined` would import or resolve: undefined, referenced, not
    /// weak, not already explicit imports.
    public static func candidates(_ prediction: LinkPrediction) -> [UndefinedSymbol] {
        prediction.undefined.filter { symbol in
            !symbol.weak && symbol.explicitImportName == nil && !symbol.claimedByStubLibrary
                && symbol.outcome != .unreferenced && symbol.outcome != .weakUndefined
        }
    }

    /// The plan for `prediction`, with `findings` (its analysis) deciding which symbols are
    /// mistakes rather than host functions.
    public init(prediction: LinkPrediction, findings: LinkFindings) {
        entries = Self.candidates(prediction).map { symbol in
            Entry(symbol: symbol, fate: Self.fate(of: symbol, suggestions: findings.suggestions[symbol.name] ?? []))
        }
    }

    static func fate(of symbol: UndefinedSymbol, suggestions: [Suggestion]) -> Fate {
        if let library = suggestions.first(where: { $0.kind == .notLinked }) {
            return .unlinkedLibrary(library: library.definedIn, linkFlag: library.linkFlag ?? library.definedIn)
        }
        if let miss = suggestions.first(where: { $0.kind == .nearMiss }) {
            return .nearMiss(candidate: miss.name, definedIn: miss.definedIn)
        }
        switch symbol.kind {
        case .data: return .undefinedData
        case .global, .table, .tag: return .notDeclarable
        case .function: return .hostImport(module: symbol.importModule ?? "env")
        }
    }

    /// The entries whose fate is an import from the host.
    public var hostImports: [UndefinedSymbol] {
        entries.compactMap { if case .hostImport = $0.fate { return $0.symbol } else { return nil } }
    }

    /// The entries that are mistakes or cannot be imported.
    public var others: [Entry] {
        entries.filter { if case .hostImport = $0.fate { return false } else { return true } }
    }
}

extension FixPlan.Entry {
    /// What to do about a symbol that is not a host import, in one line.
    public var fixText: String {
        switch fate {
        case .hostImport(let module):
            return "imported from \"\(module)\""
        case .nearMiss(let candidate, let definedIn):
            return "did you mean `\(candidate)` (\(definedIn))? rename the reference"
        case .unlinkedLibrary(let library, let flag):
            return "defined in \(library), which is not linked: add \(flag) to the link"
                + (flag.hasPrefix("-l") ? " (Rust: #[link(name = \"\(flag.dropFirst(2))\")] on its extern block, or println!(\"cargo:rustc-link-lib=\(flag.dropFirst(2))\") in build.rs)" : "")
        case .undefinedData:
            return "define it: data cannot be imported (under --allow-undefined it becomes address 0)"
        case .notDeclarable:
            return "a \(symbol.kind.rawValue) has no C or Rust declaration form: give it an import_name in assembly, or define it"
        }
    }
}
