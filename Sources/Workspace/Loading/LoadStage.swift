import Findings
import LinkModel
import WasmDecoding

/// One step of a load, handed to the observer as soon as it is done, in this order:
/// `opened`, `sections`, then for a link `resolved`, `defined`, `findings`, or for linked
/// modules `moduleImports` and `moduleSymbols` batches; `failed` or `incomplete` where it
/// stops; `statistics` and `finished` last. Progress comes in between. A front end shows what
/// it wants as it arrives (the TUI fills its panes); the CLI ignores the stages and reads the
/// `LoadResult`.
public enum LoadStage: Sendable {
    /// What the load is doing now.
    case progress(LoadProgress)
    /// The inputs are open and classified, and link or module is decided. While standard
    /// input is still arriving this comes early, once it is known to be a module.
    case opened([OpenedInput], kind: InspectionKind)
    /// The section listings of every input (and, while standard input is arriving, of what
    /// has arrived so far).
    case sections([SectionListingEntry])
    /// Link: resolved; the allow file read; the prediction under the options' own policy.
    case resolved(ResolvedLink, policy: UndefinedPolicy, prediction: LinkPrediction)
    /// Link: the defined symbols.
    case defined([DefinedSymbol])
    /// Link: the analyses' index, and its findings for the `resolved` prediction.
    case findings(FindingsContext, findings: LinkFindings, policy: UndefinedPolicy)
    /// Linked modules: every import entry.
    case moduleImports([ModuleImport])
    /// Linked modules: more named or exported elements (appended to the earlier batches).
    case moduleSymbols([ModuleSymbol])
    /// The load stopped, or (for linked modules) could not read everything.
    case failed(LoadFailure)
    /// An input could not be read whole (missing, or ending inside a section): a build may
    /// still be writing it. Nothing of this load was shown.
    case incomplete(LoadFailure)
    /// What this load decoded and what it reused from the previous one.
    case statistics(ReloadStatistics)
    /// Nothing more will come.
    case finished
}

/// What a load is doing, for a progress line.
public enum LoadProgress: Sendable, Hashable {
    case opening(inputs: Int)
    /// Standard input is arriving: bytes and complete sections so far.
    case readingStandardInput(bytes: Int, sections: Int)
    case walkingSections
    case resolving
    case listingDefinedSymbols
    case findings
    case readingImports(path: String)
    /// A module's names: `done` of about `expected` (its functions).
    case readingNames(path: String, done: Int, expected: Int)
}

/// Why a load stopped. Its message is the one line the CLI prints after `wasm-undef: error: `.
public struct LoadFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    /// The input concerned (as named), when there is one.
    public var path: String?
    /// The input was missing or ended inside a section: a build may still be writing it.
    public var isIncomplete: Bool

    public init(message: String, path: String? = nil, isIncomplete: Bool = false) {
        self.message = message
        self.path = path
        self.isIncomplete = isIncomplete
    }

    init(_ error: LinkModelError) {
        self.init(message: error.message, path: error.path)
    }

    init(_ error: InputError, incomplete: Bool = false) {
        self.init(message: error.description, path: error.path, isIncomplete: incomplete)
    }

    public var description: String { message }
}

/// Everything a load produced, for front ends that use the result rather than the stages.
/// Linked modules' symbols arrive only as `moduleSymbols` stages (a module of a million
/// names is not kept twice).
public struct LoadResult: Sendable {
    public var inputs: [OpenedInput] = []
    /// Nil when the inputs could not be opened.
    public var kind: InspectionKind?
    public var sections: [SectionListingEntry] = []
    /// Link: the resolved link, the policy predicted under (its allow file read) and the
    /// prediction.
    public var resolved: ResolvedLink?
    public var policy: UndefinedPolicy?
    public var prediction: LinkPrediction?
    public var definedSymbols: [DefinedSymbol] = []
    public var findingsContext: FindingsContext?
    public var findings: LinkFindings?
    public var moduleImports: [ModuleImport] = []
    /// Where the load stopped (the first failure).
    public var failure: LoadFailure?
    public var statistics = ReloadStatistics()

    public init() {}

    /// The result, or its failure thrown.
    public func get() throws(LoadFailure) -> LoadResult {
        if let failure { throw failure }
        return self
    }
}
