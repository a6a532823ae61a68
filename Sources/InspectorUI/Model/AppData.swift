import Findings
import LinkModel
import SourceLocations
import WasmDecoding
import Workspace

/// Everything the loader has read so far. It arrives in stages (`LoadUpdate`) and is only
/// replaced, never edited, on the UI thread.
public struct AppData: Sendable {
    /// Unknown until the inputs are classified.
    public var kind: InspectionKind?
    public var inputs: [OpenedInput] = []
    public var sectionListings: [SectionListingEntry] = []
    /// Link: the resolved link (policy-independent); predictions come from it.
    public var link: ResolvedLink?
    /// Link: where each reference to an undefined symbol is in the source (DWARF), once placed.
    public var sources: SourceReferences?
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
    /// Link: the undefined symbols' references placed in the source (after the rest).
    case sourceLines(SourceReferences)
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
