import Findings
import LinkModel
import WasmDecoding
import Workspace

/// Whether the inputs form a link (objects and archives: the policies apply) or are linked
/// modules (their import section is the undefined interface).
public enum InspectionKind: Sendable, Hashable {
    case link
    case module
}

/// One input as opened for the Sections pane and the raw-byte views.
public struct OpenedInput: Sendable {
    /// The path as given.
    public var path: String
    public var kind: InputKind
    /// The mapped file; nil when it could not be opened.
    public var file: InputFile?

    public init(path: String, kind: InputKind, file: InputFile?) {
        self.path = path
        self.kind = kind
        self.file = file
    }
}

/// A section listing (one file, or one archive member) and the input it belongs to.
public struct SectionListingEntry: Sendable {
    /// Index in `AppData.inputs`.
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
    /// Index in `AppData.inputs`.
    public var input: Int
    public var symbol: ListedSymbol

    public init(input: Int, symbol: ListedSymbol) {
        self.input = input
        self.symbol = symbol
    }
}

/// An entry of a linked module's import section.
public struct ModuleImport: Sendable {
    /// Index in `AppData.inputs`.
    public var input: Int
    public var entry: Import
    /// Signature or type, as the listings spell it.
    public var type: String

    public init(input: Int, entry: Import, type: String) {
        self.input = input
        self.entry = entry
        self.type = type
    }

    /// A function imported from `env`: what `--allow-undefined` makes of a plain `extern`
    /// declaration (an explicit import can look the same; only the objects can tell).
    public var isEnvironmentFunction: Bool {
        if case .function = entry.descriptor { return entry.module == "env" }
        return false
    }
}

/// Everything the loader has read so far. It arrives in stages (`LoadUpdate`) and is only
/// replaced, never edited, on the UI thread.
public struct AppData: Sendable {
    /// Unknown until the inputs are classified.
    public var kind: InspectionKind?
    public var inputs: [OpenedInput] = []
    public var sectionListings: [SectionListingEntry] = []
    /// Link: the resolved link (policy-independent); predictions come from it.
    public var link: ResolvedLink?
    /// Link: the allow file of the options, read.
    public var allowFile: AllowList?
    /// Link: defined symbols after resolution.
    public var definedSymbols: [DefinedSymbol] = []
    /// Link: the analyses' index (near misses, libraries on the search paths); arrives last.
    public var findingsContext: FindingsContext?
    /// Module: imports and named or exported elements.
    public var moduleSymbols: [ModuleSymbol] = []
    /// Module: the import sections.
    public var moduleImports: [ModuleImport] = []
    /// Why loading stopped, if it did (`FILE: at offset 0x…: expected …`).
    public var loadError: String?
    /// What the last load decoded and reused.
    public var statistics: ReloadStatistics?

    public init() {}
}

/// One step of loading, posted from the loader's thread to the UI thread in order.
public enum LoadUpdate: Sendable {
    /// What the loader is doing now (the progress line), and how far along when known.
    case progress(String, fraction: Double?)
    /// The inputs are open and classified.
    case inputs([OpenedInput], kind: InspectionKind)
    /// The section listings of every input, and their rows.
    case sections([SectionListingEntry], rows: [TableRow], multipleInputs: Bool)
    /// Link: resolved; the allow file read; the prediction under the options' own policy
    /// (made on the loader's thread, so the first prediction never holds up the UI).
    case resolved(ResolvedLink, allowFile: AllowList?, prediction: LinkPrediction)
    /// Link: the defined symbols and their rows.
    case defined([DefinedSymbol], rows: [TableRow])
    /// Module: the import entries.
    case moduleImports([ModuleImport])
    /// Module: more symbols and their rows (appended; `defined` rows go to the Defined pane).
    case moduleSymbols([ModuleSymbol], definedRows: [TableRow])
    /// Link: the analyses' index, and its findings for the prediction under `policy` (the
    /// `resolved` one).
    case findingsContext(FindingsContext, findings: LinkFindings, policy: UndefinedPolicy)
    /// Loading stopped with this message.
    case failed(String)
    /// An input could not be read whole (missing, or ending inside a section): a build may
    /// still be writing it. A reload keeps what it showed and waits for the next change.
    case incomplete(String)
    /// What this load decoded and what it reused from the previous one.
    case statistics(ReloadStatistics)
    /// Nothing more will come.
    case finished
}
