import LinkModel
import WasmDecoding

/// Whether the inputs form a link (objects and archives: the policies apply) or are linked
/// modules (their import section is the undefined interface).
///
/// The rule, the same for every front end: the inputs are **linked modules when every input
/// file is one** (a `.wasm` without a `linking` section). Anything else is a link, and a
/// linked module among its inputs is what wasm-ld says it is: an input it cannot link
/// ("not a relocatable wasm file"), reported by the link model. Archive members do not
/// count: an rlib's wasm-wrapped `lib.rmeta` is a module member of a library wasm-ld links.
public enum InspectionKind: Sendable, Hashable {
    case link
    case module

    /// The kind of a load of inputs of these kinds (see the rule above).
    public static func of(_ kinds: [InputKind]) -> InspectionKind {
        !kinds.isEmpty && kinds.allSatisfy { $0 == .module } ? .module : .link
    }
}

/// One input as opened for the section listings, the link model and the raw-byte views: the
/// same bytes for all three.
public struct OpenedInput: Sendable {
    /// The path as given.
    public var path: String
    public var kind: InputKind
    /// The opened file; nil when it could not be opened.
    public var file: InputFile?

    public init(path: String, kind: InputKind, file: InputFile?) {
        self.path = path
        self.kind = kind
        self.file = file
    }

    /// The input's name in listings and messages: the path as given, `<stdin>` for `-`.
    public var name: String { path == "-" ? StandardInput.displayName : path }
}

/// A section listing (one file, or one archive member) and the input it belongs to.
public struct SectionListingEntry: Sendable {
    /// Index in the load's inputs.
    public var input: Int
    public var listing: SectionListing

    public init(input: Int, listing: SectionListing) {
        self.input = input
        self.listing = listing
    }

    /// `app.o`, `libc.a(printf.o)`.
    public var displayName: String {
        let file = listing.path.split(separator: "/").last.map(String.init) ?? listing.path
        return listing.member.map { "\(file)(\($0))" } ?? file
    }
}

/// A symbol of a linked module (an import, or an element its exports or name section name).
public struct ModuleSymbol: Sendable {
    /// Index in the load's inputs.
    public var input: Int
    public var symbol: ListedSymbol

    public init(input: Int, symbol: ListedSymbol) {
        self.input = input
        self.symbol = symbol
    }
}

/// An entry of a linked module's import section.
public struct ModuleImport: Sendable {
    /// Index in the load's inputs.
    public var input: Int
    public var entry: Import
    /// Signature or type, as the listings spell it: `(i32) -> i32`, `mut i32`, `funcref 1`.
    public var type: String

    public init(input: Int, entry: Import, type: String) {
        self.input = input
        self.entry = entry
        self.type = type
    }

    /// An import entry with its type spelled from the module's `types`.
    public init(input: Int, entry: Import, types: [SubType]) {
        self.init(input: input, entry: entry, type: Self.typeText(entry.descriptor, types: types))
    }

    /// A function imported from `env`: what `--allow-undefined` makes of a plain `extern`
    /// declaration (an explicit import can look the same; only the objects can tell).
    public var isEnvironmentFunction: Bool {
        if case .function = entry.descriptor { return entry.module == "env" }
        return false
    }

    /// `(i32) -> i32`, `mut i32`, `funcref 1`, `memory 1`; `type N` for a type index that
    /// names no function type.
    static func typeText(_ descriptor: Import.Descriptor, types: [SubType]) -> String {
        func function(_ index: UInt32) -> String {
            Int(index) < types.count ? types[Int(index)].functionType?.description ?? "type \(index)" : "type \(index)"
        }
        switch descriptor {
        case .function(let index): return function(index)
        case .tag(let tag): return function(tag.typeIndex)
        case .global(let global): return global.description
        case .table(let table): return table.description
        case .memory(let memory): return "\(memory)"
        }
    }
}

/// Counts of a load: sections and objects decoded versus reused from the previous load.
public struct ReloadStatistics: Sendable, Hashable, CustomStringConvertible {
    public var sectionsDecoded = 0
    public var sectionsReused = 0
    public var objectsDecoded = 0
    public var objectsReused = 0
    /// Wall time of the load, in milliseconds.
    public var milliseconds = 0.0

    public init() {}

    /// `12 sections decoded, 340 reused; 1 object decoded, 45 reused; 3.1 ms`.
    public var description: String {
        let time = (milliseconds * 10).rounded() / 10
        return counts + "; \(time) ms"
    }

    /// The counts without the time: `12 sections decoded, 340 reused; 1 object decoded, 45 reused`.
    public var counts: String {
        "\(sectionsDecoded) sections decoded, \(sectionsReused) reused; "
            + "\(objectsDecoded) object\(objectsDecoded == 1 ? "" : "s") decoded, \(objectsReused) reused"
    }
}
