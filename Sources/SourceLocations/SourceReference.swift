import LinkModel
import WasmDecoding

/// One use of an undefined symbol placed in the source: the relocation (or, in a linked
/// module, the `call`) and the file, line and column DWARF gives its code address.
/// What the report's `references` list and the TUI's detail view show.
public struct SourceReference: Sendable, Hashable {
    /// The input as wasm-ld names it: `a.o`, `libhostapp.rlib(hostapp.x.rcgu.o)`.
    public var input: String
    /// The archive member, if any.
    public var member: String?
    /// The enclosing function, demangled: DWARF's qualified name (`hostapp::run`) when the
    /// input has debug info, else the demangled symbol of the function.
    public var function: String?
    /// `code`, `data` or a custom section's name.
    public var section: String
    /// Offset in the code section's content (the DWARF address); nil outside code.
    public var codeOffset: Int?
    /// File, line and column; nil without debug info for this address.
    public var position: SourcePosition?
    /// The crate of the input, when it is a Rust library member (`hostapp`).
    public var crate: String?

    public init(input: String, member: String?, function: String?, section: String, codeOffset: Int?,
                position: SourcePosition?, crate: String? = nil) {
        self.input = input
        self.member = member
        self.function = function
        self.section = section
        self.codeOffset = codeOffset
        self.position = position
        self.crate = crate
    }

    /// `src/lib.rs:42:9` (no column when the compiler gave none), or nil.
    public var locationText: String? {
        guard let position else { return nil }
        return "\(position.file):\(position.line)" + (position.column > 0 ? ":\(position.column)" : "")
    }
}

/// The source references of a link's undefined symbols.
public struct SourceReferences: Sendable {
    /// By symbol name (mangled), one entry per reference in the prediction's order.
    public var bySymbol: [String: [SourceReference]]
    /// Inputs with references but no line table: "build with debug info for source lines".
    public var inputsWithoutDebugInfo: [String]
    /// Inputs whose DWARF could not be read, with the error (their references keep their
    /// function names).
    public var unreadable: [(input: String, error: DecodeError)]
    /// The crates of the references' Rust libraries, by name.
    public var crates: [String: CrateOrigin]
    /// Declarations DWARF gives for the symbols (`DW_AT_declaration` with a file and line;
    /// clang emits them for called functions when optimising), by symbol name.
    public var declarations: [String: [DwarfDeclaration]] = [:]

    public init(bySymbol: [String: [SourceReference]] = [:], inputsWithoutDebugInfo: [String] = [],
                unreadable: [(input: String, error: DecodeError)] = [], crates: [String: CrateOrigin] = [:]) {
        self.bySymbol = bySymbol
        self.inputsWithoutDebugInfo = inputsWithoutDebugInfo
        self.unreadable = unreadable
        self.crates = crates
    }

    /// The references of `symbol`, empty when none were located.
    public func references(of symbol: String) -> [SourceReference] { bySymbol[symbol] ?? [] }

    /// Whether any reference has a file and line.
    public var hasPositions: Bool { bySymbol.values.contains { $0.contains { $0.position != nil } } }
}
