import BackgroundThreads
import Findings
import LinkModel
import WasmDecoding

/// The one way wasm-undef loads its inputs, for every front end: open each input once,
/// walk its sections, decide link or module (`InspectionKind.of`), then for a link resolve,
/// predict and look for findings, for linked modules read their imports and names, handing
/// each typed `LoadStage` to the observer as it completes.
///
/// The bytes each input is opened with (`InputFile.open`: read into memory when a session
/// keeps them, mapped otherwise) are the ones the section walk, the link model and the TUI's
/// raw-byte views all use: no input is opened twice.
///
/// A load through a `ReuseStore` (a session: the TUI, `--watch`) decodes again only what
/// changed since the store's last load; a load without one (a one-shot command) computes no
/// fingerprints and keeps nothing.
///
/// ```swift
/// let pipeline = LoadPipeline(LoadSource(options: options), stages: [.prediction, .findings])
/// let result = try pipeline.run().get()          // the CLI: stages ignored
/// pipeline.run { stage in post(stage) }           // the TUI: each stage as it completes
/// ```
public struct LoadPipeline: Sendable {
    public var source: LoadSource
    public var stages: LoadStages
    /// What earlier loads of the same session decoded; nil for a one-shot load.
    public var reuse: ReuseStore?
    /// Names per `moduleSymbols` stage: the TUI's Defined pane of a large module fills in steps.
    public var batchSize: Int

    public init(_ source: LoadSource, stages: LoadStages, reuse: ReuseStore? = nil, batchSize: Int = 8192) {
        self.source = source
        self.stages = stages
        self.reuse = reuse
        self.batchSize = max(1, batchSize)
    }

    /// Loads the inputs on the calling thread, calling `observe` with each stage (on this
    /// thread, in order), and returns everything it produced.
    @discardableResult
    public func run(_ observe: (LoadStage) -> Void = { _ in }) -> LoadResult {
        let clock = ContinuousClock()
        let started = clock.now
        var load = Load(reloading: reuse?.hasLoaded ?? false)
        reuse?.beginLoad()
        self.load(&load, observe)
        if load.result.failure?.isIncomplete != true {
            load.result.statistics.milliseconds = started.duration(to: clock.now).milliseconds
            observe(.statistics(load.result.statistics))
        }
        observe(.finished)
        return load.result
    }

    /// One load in progress.
    private struct Load {
        var result = LoadResult()
        /// A later load of a session (fault mapped pages in at once: every section is digested).
        let reloading: Bool
        /// Linked modules' binaries, by input, with their fingerprints in a session.
        var modules: [(input: Int, binary: WasmBinary, fingerprints: [SectionFingerprint]?)] = []

        init(reloading: Bool) {
            self.reloading = reloading
        }

        /// Stops the load with `failure` (the first one counts).
        mutating func fail(_ failure: LoadFailure, _ observe: (LoadStage) -> Void) {
            if result.failure == nil { result.failure = failure }
            observe(failure.isIncomplete ? .incomplete(failure) : .failed(failure))
        }
    }

    private func load(_ load: inout Load, _ observe: (LoadStage) -> Void) {
        observe(.progress(.opening(inputs: source.options.inputs.count)))
        for input in source.options.inputs {
            do throws(LoadFailure) {
                load.result.inputs.append(try open(input.path, reloading: load.reloading, observe))
            } catch {
                return load.fail(error, observe)
            }
        }
        // Walk every input before showing anything of this load, so an input caught
        // mid-write leaves what the last load showed in place.
        let kind = InspectionKind.of(load.result.inputs.map(\.kind))
        var walkFailure: LoadFailure?
        if stages.contains(.sections) || kind == .module {
            observe(.progress(.walkingSections))
            for index in load.result.inputs.indices {
                do throws(LoadFailure) {
                    try walk(index, kind: kind, into: &load)
                } catch {
                    if error.isIncomplete { return load.fail(error, observe) }
                    walkFailure = walkFailure ?? error
                }
            }
        }
        load.result.kind = kind
        observe(.opened(load.result.inputs, kind: kind))
        if stages.contains(.sections) { observe(.sections(load.result.sections)) }

        switch kind {
        case .link: resolve(&load, observe)
        case .module: readModules(&load, observe)
        }
        // A section walk that failed: for a link the link model reads the same inputs and
        // has said what it cannot use; otherwise nothing else will.
        if let walkFailure, load.result.failure == nil, kind == .module || !stages.contains(.prediction) {
            load.fail(walkFailure, observe)
        }
    }

    // MARK: opening

    /// Opens one input (standard input once per session).
    private func open(_ path: String, reloading: Bool, _ observe: (LoadStage) -> Void) throws(LoadFailure) -> OpenedInput {
        if path == "-", let file = reuse?.standardInput {
            return OpenedInput(path: path, kind: file.kind, file: file)
        }
        var announced = false
        let showsSections = stages.contains(.sections)
        let file = try InputOpener.open(path, locations: source.locations, keep: reuse != nil, populate: reloading,
                                        standardInput: source.standardInput) { stream in
            // Standard input: its sections as they arrive.
            guard showsSections, let binary = stream.binary() else { return }
            if !announced {
                announced = true
                observe(.opened([OpenedInput(path: path, kind: .module, file: nil)], kind: .module))
            }
            var ignored = ReloadStatistics()
            let rows = (try? self.rows(binary, statistics: &ignored).rows) ?? []
            let kind: InputKind = binary.isRelocatable ? .object : .module
            let listing = SectionListing(path: StandardInput.displayName, member: nil, kind: kind, note: nil, sections: rows)
            observe(.sections([SectionListingEntry(input: 0, listing: listing)]))
            observe(.progress(.readingStandardInput(bytes: stream.bytesReceived, sections: stream.sections.count)))
        }
        if path == "-" { reuse?.standardInput = file }
        return OpenedInput(path: path, kind: file.kind, file: file)
    }

    // MARK: sections

    /// Lists the sections of input `index` (keeping a linked module's binary for its imports
    /// and names).
    private func walk(_ index: Int, kind: InspectionKind, into load: inout Load) throws(LoadFailure) {
        let input = load.result.inputs[index]
        guard let file = input.file else { return }
        let name = input.name
        let listsSections = stages.contains(.sections)
        var statistics = load.result.statistics
        var modules: [(input: Int, binary: WasmBinary, fingerprints: [SectionFingerprint]?)] = []
        do throws(DecodeError) {
            let listings = try SectionListing.walk(file, path: name) { (member, binary) throws(DecodeError) in
                guard listsSections else {
                    if member == nil { modules.append((index, binary, nil)) }
                    return []
                }
                let (rows, fingerprints) = try rows(binary, statistics: &statistics)
                if member == nil, kind == .module { modules.append((index, binary, fingerprints)) }
                return rows
            }
            if listsSections { load.result.sections += listings.map { SectionListingEntry(input: index, listing: $0) } }
        } catch {
            throw LoadFailure(InputError(path: name, reason: .decode(error)), incomplete: error.isUnexpectedEnd)
        }
        load.result.statistics = statistics
        load.modules += modules
    }

    /// A binary's section rows: through the store in a session (decoding only new sections),
    /// decoded in a one-shot load.
    private func rows(_ binary: WasmBinary, statistics: inout ReloadStatistics)
        throws(DecodeError) -> (rows: [SectionListing.Row], fingerprints: [SectionFingerprint]?) {
        guard let reuse else {
            let rows = try SectionListing.rows(binary)
            statistics.sectionsDecoded += rows.count
            return (rows, nil)
        }
        let fingerprints = binary.fingerprints(work: AllCores())
        return (try reuse.rows(binary, fingerprints, statistics: &statistics), fingerprints)
    }

    // MARK: a link

    private func resolve(_ load: inout Load, _ observe: (LoadStage) -> Void) {
        guard stages.contains(.prediction) else { return }
        // The search folders' libraries are indexed on another core while the link resolves.
        let libraries = stages.contains(.findings) ? scanLibraries() : nil
        observe(.progress(.resolving))
        let resolved: ResolvedLink
        do {
            resolved = try ResolvedLink.resolve(source.options, locations: source.locations,
                                                inputs: load.result.inputs.compactMap { $0.file?.storage },
                                                cache: reuse?.decodeCache)
        } catch {
            return load.fail(LoadFailure(error), observe)
        }
        if let decoded = reuse?.decodeCache.lastStatistics {
            load.result.statistics.objectsDecoded = decoded.objectsDecoded
            load.result.statistics.objectsReused = decoded.objectsReused
        }
        let policy = resolved.loadingAllowFile(resolved.options.policy)
        let prediction = resolved.predict(policy: policy)
        load.result.resolved = resolved
        load.result.policy = policy
        load.result.prediction = prediction
        observe(.resolved(resolved, policy: policy, prediction: prediction))

        if stages.contains(.definedSymbols) {
            observe(.progress(.listingDefinedSymbols))
            load.result.definedSymbols = resolved.definedSymbols()
            observe(.defined(load.result.definedSymbols))
        }
        if let libraries {
            observe(.progress(.findings))
            let scan = libraries.join()
            reuse?.libraries = scan
            let context = FindingsContext(resolved: resolved, libraries: scan.index)
            let findings = context.analyze(prediction)
            load.result.findingsContext = context
            load.result.findings = findings
            observe(.findings(context, findings: findings, policy: prediction.policy))
        }
    }

    /// Starts indexing the libraries of the link's search folders on another core (reusing the
    /// session's last scan when none of their files changed).
    private func scanLibraries() -> BackgroundThread<LibraryFolders.Scan> {
        let options = source.options, folders = source.searchFolders.map(source.searchPath), previous = reuse?.libraries
        return BackgroundThread(awayFromCaller: true) {
            LibraryFolders.scan(options: options, searchFolders: folders, reusing: previous)
        }
    }

    // MARK: linked modules

    private func readModules(_ load: inout Load, _ observe: (LoadStage) -> Void) {
        var readable: [(input: Int, binary: WasmBinary, fingerprints: [SectionFingerprint]?)] = []
        if stages.contains(.moduleImports) || stages.contains(.moduleSymbols) {
            for module in load.modules {
                let path = load.result.inputs[module.input].name
                observe(.progress(.readingImports(path: path)))
                do throws(DecodeError) {
                    let types = try module.binary.types()
                    try module.binary.importSection()?.forEach { entry in
                        load.result.moduleImports.append(ModuleImport(input: module.input, entry: entry, types: types))
                    }
                    readable.append(module)
                } catch {
                    observe(.moduleImports(load.result.moduleImports))
                    return load.fail(LoadFailure(InputError(path: path, reason: .decode(error))), observe)
                }
            }
            observe(.moduleImports(load.result.moduleImports))
        }
        guard stages.contains(.moduleSymbols) else { return }
        for module in readable {
            let path = load.result.inputs[module.input].name
            do throws(DecodeError) {
                try readNames(module, path: path, observe)
            } catch {
                return load.fail(LoadFailure(InputError(path: path, reason: .decode(error))), observe)
            }
        }
    }

    /// A module's named and exported elements, in batches (taken from the session's last
    /// load when the sections they come from did not change).
    private func readNames(_ module: (input: Int, binary: WasmBinary, fingerprints: [SectionFingerprint]?), path: String,
                           _ observe: (LoadStage) -> Void) throws(DecodeError) {
        let expected = max(1, (try? module.binary.functionSection()?.count ?? 0) ?? 0)
        var batch: [ModuleSymbol] = []
        var done = 0
        func add(_ symbol: ListedSymbol) {
            batch.append(ModuleSymbol(input: module.input, symbol: symbol))
            done += 1
            if batch.count >= batchSize { flush() }
        }
        func flush() {
            guard !batch.isEmpty else { return }
            observe(.moduleSymbols(batch))
            observe(.progress(.readingNames(path: path, done: done, expected: expected)))
            batch.removeAll(keepingCapacity: true)
        }
        observe(.progress(.readingNames(path: path, done: 0, expected: expected)))
        let key = module.fingerprints.map(ReuseStore.moduleSymbolKey)
        if let key, let remembered = reuse?.moduleSymbols(path: path, key: key) {
            // Unchanged since the last load: no decoding.
            remembered.forEach(add)
            return flush()
        }
        var all: [ListedSymbol] = []
        defer { flush() }
        try SymbolListing.visit(module: module.binary, input: path, member: nil, withTypes: true) { symbol in
            add(symbol)
            if reuse != nil { all.append(symbol) }
        }
        if let key { reuse?.remember(moduleSymbols: all, path: path, key: key) }
    }
}
