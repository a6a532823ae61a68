/// How a row reads at a glance: its colour class (a theme maps it to colours, or to
/// attributes in monochrome) and its leading mark.
public enum Tone: UInt8, Sendable, Hashable {
    case plain
    /// A link error.
    case error
    /// A warning, or something that silently becomes 0 or a trap.
    case warning
    /// Imported, or fine.
    case good
    /// Weak: never diagnosed.
    case weak
    /// Nothing live uses it; context only.
    case dim
    /// A note or a hint.
    case note
}

/// The one-cell mark in front of a row.
public enum RowGlyph: UInt8, Sendable, Hashable {
    case error, importing, warning, weak, zero, dead, note, environment, exported

    /// The mark in a UTF-8 terminal, and in ASCII.
    public func character(unicode: Bool) -> Character {
        switch self {
        case .error: unicode ? "✗" : "x"
        case .importing: unicode ? "→" : ">"
        case .warning: unicode ? "⚠" : "!"
        case .weak: "~"
        case .zero: "0"
        case .dead: unicode ? "·" : "."
        case .note: unicode ? "•" : "*"
        case .environment: unicode ? "◆" : "*"
        case .exported: unicode ? "↑" : "^"
        }
    }
}

/// What a row stands for, so the detail view can find the full record.
public enum RowReference: Sendable, Hashable {
    /// Row `row` of section listing `listing` (`AppData.sectionListings`).
    case section(listing: Int, row: Int)
    /// A defined symbol of a link (`AppData.definedSymbols`).
    case definedSymbol(Int)
    /// A symbol of a linked module (`AppData.moduleSymbols`).
    case moduleSymbol(Int)
    /// An undefined symbol of the current prediction, by name.
    case undefinedSymbol(String)
    /// An entry of a linked module's import section (`AppData.moduleImports`).
    case moduleImport(Int)
    /// An entry of the predicted import section.
    case predictedImport(Int)
    /// A line wasm-ld would print.
    case diagnostic(Int)
    /// A finding of the analyses.
    case finding(Int)
    /// A row that is only its text (a load error, a note).
    case text(String)
}

/// One row of a pane: its cells already formatted, what sorting and filtering need, and a
/// reference to the record behind it. Rows are built off the UI thread (89,000 of them for a
/// large module), so that drawing, sorting and filtering never format anything.
public struct TableRow: Sendable, Hashable {
    /// Identity across reloads and policy changes, to keep the selection on the same thing.
    public var key: String
    /// One text per column of the pane's table.
    public var cells: [String]
    /// The name column's demangled text, when it differs from the raw name.
    public var demangled: String?
    /// Numeric sort values, one per column that has a `valueSlot`.
    public var values: [Int64]
    public var tone: Tone
    public var glyph: RowGlyph?
    /// Named by the allow list (the Undefined pane's `space`).
    public var allowed: Bool
    /// What the filter searches: the cells (or the search text given) and both spellings of the
    /// name, ASCII letters folded.
    public var search: [UInt8]
    public var reference: RowReference

    /// A row; `searchText` is what the filter searches when not every cell (a big pane leaves
    /// out its signatures, which would make every `i` match).
    public init(
        key: String, cells: [String], demangled: String? = nil, values: [Int64] = [], tone: Tone = .plain,
        glyph: RowGlyph? = nil, allowed: Bool = false, reference: RowReference, searchText: String? = nil
    ) {
        self.key = key
        self.cells = cells
        self.demangled = demangled
        self.values = values
        self.tone = tone
        self.glyph = glyph
        self.allowed = allowed
        self.reference = reference
        search = TextSearch.folded((searchText ?? cells.joined(separator: "\u{1}")) + "\u{1}" + (demangled ?? ""))
    }

    /// The text of cell `column`, with the demangled name when `demangle` is on.
    public func text(column: Int, nameColumn: Int?, demangle: Bool) -> String {
        if demangle, column == nameColumn, let demangled { return demangled }
        return column < cells.count ? cells[column] : ""
    }
}
