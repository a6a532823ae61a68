import Workspace

/// Turns the stages of a load (`LoadStage`, from `Workspace.LoadPipeline`) into the reducer's
/// updates, building each pane's rows as they come. It is a pure function of the stages (no
/// I/O): the run loop calls it on the loader's thread, so the UI thread only swaps rows in.
public struct LoadUpdates: Sendable {
    /// File names of the inputs, for the Defined pane of several modules.
    private var inputNames: [String] = []
    /// Module symbols posted so far in this load (the index of the next one).
    private var moduleSymbolCount = 0

    public init() {}

    /// The update for one stage.
    public mutating func update(for stage: LoadStage) -> LoadUpdate {
        switch stage {
        case .progress(let progress):
            let (text, fraction) = Self.describe(progress)
            return .progress(text, fraction: fraction)
        case .opened(let inputs, let kind):
            inputNames = inputs.map { $0.path.split(separator: "/").last.map(String.init) ?? $0.path }
            moduleSymbolCount = 0
            return .inputs(inputs, kind: kind)
        case .sections(let listings):
            let multiple = Set(listings.map { "\($0.input)/\($0.listing.member ?? "")" }).count > 1
            return .sections(listings, rows: Rows.sections(listings, multipleInputs: multiple), multipleInputs: multiple)
        case .resolved(let link, let policy, let prediction):
            return .resolved(link, allowFile: policy.allowFile, prediction: prediction)
        case .defined(let symbols):
            return .defined(symbols, rows: Rows.defined(symbols))
        case .findings(let context, let findings, let policy):
            return .findingsContext(context, findings: findings, policy: policy)
        case .moduleImports(let imports):
            return .moduleImports(imports)
        case .moduleSymbols(let batch):
            let names = inputNames
            let rows = Rows.moduleDefined(batch, start: moduleSymbolCount, multipleInputs: names.count > 1,
                                          inputName: { names.indices.contains($0) ? names[$0] : "" })
            moduleSymbolCount += batch.count
            return .moduleSymbols(batch, definedRows: rows)
        case .failed(let failure):
            return .failed(failure.message)
        case .incomplete(let failure):
            return .incomplete(failure.message)
        case .statistics(let statistics):
            return .statistics(statistics)
        case .finished:
            return .finished
        }
    }

    /// The progress line's text and how far along.
    static func describe(_ progress: LoadProgress) -> (String, Double?) {
        switch progress {
        case .opening(let inputs): ("opening \(Format.plural(inputs, "input"))", nil)
        case .readingStandardInput(let bytes, let sections):
            ("reading standard input: \(Format.size(bytes)), \(Format.plural(sections, "section"))", nil)
        case .walkingSections: ("walking sections", nil)
        case .resolving: ("resolving the link", nil)
        case .listingDefinedSymbols: ("listing defined symbols", nil)
        case .findings: ("looking for near misses and libraries not linked", nil)
        case .readingImports(let path): ("reading the imports of \(path)", nil)
        case .readingNames(let path, let done, let expected):
            done == 0 ? ("reading names of \(path)", 0)
                : ("reading names of \(path): \(Format.count(done))", min(1, Double(done) / Double(max(1, expected))))
        }
    }
}
