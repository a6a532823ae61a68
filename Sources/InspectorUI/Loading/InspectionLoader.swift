import Findings
import LinkModel
import WasmDecoding
import Workspace

/// Reads what an `InspectionSource` names, in stages, posting each stage as it completes so
/// the panes fill while the rest is still being read. Runs on a background thread; `post`
/// is called on that thread, in order.
///
/// This is the seam reload goes through: the run loop calls `load` again for `r`. A loader
/// `InspectionLoader` keeps what it decoded, so each later load decodes only what changed.
public protocol InspectionLoading: Sendable {
    func load(_ source: InspectionSource, post: @escaping @Sendable (LoadUpdate) -> Void)
}

/// Reads the inputs in stages; every later load through the same loader (`r`, a change on
/// disk) decodes again only what changed, through its `ReuseStore`.
public struct InspectionLoader: InspectionLoading {
    /// Rows per `moduleSymbols` update: the Defined pane of a large module fills in steps.
    public var batchSize: Int
    /// What earlier loads decoded (section rows, objects, module symbols).
    public let reuse: ReuseStore
    /// Inputs up to this size are read into memory instead of mapped, so a build rewriting
    /// one in place can never pull a page from under a view of it.
    public var readLimit = 64 << 20

    public init(batchSize: Int = 8192, reuse: ReuseStore = ReuseStore()) {
        self.batchSize = max(1, batchSize)
        self.reuse = reuse
    }

    public func load(_ source: InspectionSource, post: @escaping @Sendable (LoadUpdate) -> Void) {
        let started = LinkSession.now()
        var statistics = ReloadStatistics()
        post(.progress("opening \(Format.plural(source.inputPaths.count, "input"))", fraction: nil))
        var inputs: [OpenedInput] = []
        var openError: String?
        for path in source.inputPaths {
            do throws(InputError) {
                let file: InputFile
                if path == "-", let descriptor = source.standardInput {
                    file = try readStandardInput(descriptor, post: post)
                } else {
                    guard let location = source.openPath(path) else {
                        throw InputError(path: path, reason: .notModelled("cannot open: not in the captured files"))
                    }
                    file = try open(location, as: path)
                }
                inputs.append(OpenedInput(path: path, kind: file.kind, file: file))
            } catch {
                // Missing (a build between writing and renaming it): maybe incomplete.
                if case .file = error.reason {
                    post(.incomplete(error.description))
                    post(.finished)
                    return
                }
                inputs.append(OpenedInput(path: path, kind: .unknown, file: nil))
                if openError == nil { openError = error.description }
            }
        }

        // Walk every input before showing anything of this load, so an input caught
        // mid-write leaves the previous view in place.
        post(.progress("walking sections", fraction: nil))
        var listings: [SectionListingEntry] = []
        var binaries: [(input: Int, member: String?, binary: WasmBinary, fingerprints: [SectionFingerprint])] = []
        var listingError: String?
        for (index, input) in inputs.enumerated() {
            guard let file = input.file else { continue }
            do throws(DecodeError) {
                let walked = try reuse.listings(of: file, path: input.path, statistics: &statistics)
                listings += walked.listings.map { SectionListingEntry(input: index, listing: $0) }
                binaries += walked.binaries.map { (index, $0.member, $0.binary, $0.fingerprints) }
            } catch {
                let message = InputError(path: input.path, reason: .decode(error)).description
                if error.isUnexpectedEnd {
                    post(.incomplete(message))
                    post(.finished)
                    return
                }
                if listingError == nil { listingError = message }
            }
        }
        let kind: InspectionKind = !inputs.isEmpty && inputs.allSatisfy { $0.kind == .module } ? .module : .link
        post(.inputs(inputs, kind: kind))
        let multiple = Set(listings.map { "\($0.input)/\($0.listing.member ?? "")" }).count > 1
        post(.sections(listings, rows: Rows.sections(listings, multipleInputs: multiple), multipleInputs: multiple))

        switch kind {
        case .link: loadLink(source, statistics: &statistics, post: post)
        case .module: loadModules(inputs, binaries: binaries.map { ($0.input, $0.binary, $0.fingerprints) }, post: post)
        }
        if kind == .module, let message = openError ?? listingError { post(.failed(message)) }
        statistics.milliseconds = (LinkSession.now() - started) * 1000
        post(.statistics(statistics))
        post(.finished)
    }

    /// Reads a module from a pipe through the push parser, showing its sections as they
    /// arrive; later loads reuse what was read.
    private func readStandardInput(_ descriptor: Int32, post: @escaping @Sendable (LoadUpdate) -> Void) throws(InputError) -> InputFile {
        if let file = reuse.standardInput { return file }
        var announced = false
        let file = try StandardInput.read(descriptor: descriptor) { stream in
            guard let binary = stream.binary() else { return }
            if !announced {
                announced = true
                post(.inputs([OpenedInput(path: "-", kind: .module, file: nil)], kind: .module))
            }
            var ignored = ReloadStatistics()
            let listing = reuse.listing(binary, binary.fingerprints(), path: "-", member: nil, statistics: &ignored)
            let entries = [SectionListingEntry(input: 0, listing: listing)]
            post(.sections(entries, rows: Rows.sections(entries, multipleInputs: false), multipleInputs: false))
            post(.progress("reading standard input: \(Format.size(stream.bytesReceived)), "
                           + "\(Format.plural(stream.sections.count, "section"))", fraction: nil))
        }
        reuse.standardInput = file
        return file
    }

    /// Reads small inputs into memory and maps large ones.
    private func open(_ location: String, as path: String) throws(InputError) -> InputFile {
        guard let fingerprint = FileFingerprint(path: location), fingerprint.size <= Int64(readLimit) else {
            // A reload digests every section: fault the pages in at once.
            return try InputFile(path: location, populate: reuse.hasLoaded)
        }
        do {
            return InputFile(path: location, storage: try ByteStorage.read(path: location))
        } catch {
            throw InputError(path: path, reason: .file(error))
        }
    }

    private func loadLink(_ source: InspectionSource, statistics: inout ReloadStatistics, post: @escaping @Sendable (LoadUpdate) -> Void) {
        post(.progress("resolving the link", fraction: nil))
        let resolved: ResolvedLink
        if let given = source.resolved {
            resolved = given
        } else {
            do {
                resolved = try ResolvedLink.resolve(source.options, locations: source.locations, cache: reuse.decodeCache)
            } catch {
                post(.failed(error.message))
                return
            }
            let decoded = reuse.decodeCache.lastStatistics
            statistics.objectsDecoded = decoded.objectsDecoded
            statistics.objectsReused = decoded.objectsReused
        }
        let policy = resolved.loadingAllowFile(resolved.options.policy)
        let prediction = resolved.predict(policy: policy)
        post(.resolved(resolved, allowFile: policy.allowFile, prediction: prediction))

        post(.progress("listing defined symbols", fraction: nil))
        let defined = resolved.definedSymbols()
        post(.defined(defined, rows: Rows.defined(defined)))

        post(.progress("looking for near misses and libraries not linked", fraction: nil))
        let context = reuse.findings(for: resolved, searchFolders: source.searchFolders.map(source.searchPath))
        post(.findingsContext(context, findings: context.analyze(prediction), policy: prediction.policy))
    }

    private func loadModules(_ inputs: [OpenedInput], binaries walked: [(Int, WasmBinary, [SectionFingerprint])],
                             post: @escaping @Sendable (LoadUpdate) -> Void) {
        var imports: [ModuleImport] = []
        var binaries: [(Int, WasmBinary, [SectionFingerprint])] = []
        for (index, binary, fingerprints) in walked {
            post(.progress("reading the imports of \(inputs[index].path)", fraction: nil))
            do throws(DecodeError) {
                let types = try binary.types()
                try binary.importSection()?.forEach { entry in
                    imports.append(ModuleImport(input: index, entry: entry, type: Self.typeText(entry.descriptor, types: types)))
                }
                binaries.append((index, binary, fingerprints))
            } catch {
                post(.moduleImports(imports))
                post(.failed(InputError(path: inputs[index].path, reason: .decode(error)).description))
                return
            }
        }
        post(.moduleImports(imports))

        var symbolCount = 0
        let names = inputs.map { $0.path.split(separator: "/").last.map(String.init) ?? $0.path }
        for (index, binary, fingerprints) in binaries {
            let path = inputs[index].path
            let key = ReuseStore.moduleSymbolKey(fingerprints)
            let expected = max(1, (try? binary.functionSection()?.count ?? 0) ?? 0)
            var batch: [ModuleSymbol] = []
            var done = 0
            func flush() {
                guard !batch.isEmpty else { return }
                let rows = Rows.moduleDefined(batch, start: symbolCount, multipleInputs: binaries.count > 1, inputName: { names[$0] })
                symbolCount += batch.count
                post(.moduleSymbols(batch, definedRows: rows))
                post(.progress("reading names of \(path): \(Format.count(done))", fraction: min(1, Double(done) / Double(expected))))
                batch.removeAll(keepingCapacity: true)
            }
            post(.progress("reading names of \(path)", fraction: 0))
            if let remembered = reuse.moduleSymbols(path: path, member: nil, key: key) {
                // Unchanged since the last load: no decoding.
                for symbol in remembered {
                    batch.append(ModuleSymbol(input: index, symbol: symbol))
                    done += 1
                    if batch.count >= batchSize { flush() }
                }
                flush()
                continue
            }
            var all: [ListedSymbol] = []
            do throws(DecodeError) {
                try SymbolListing.visit(module: binary, input: path, member: nil, withTypes: true) { symbol in
                    batch.append(ModuleSymbol(input: index, symbol: symbol))
                    all.append(symbol)
                    done += 1
                    if batch.count >= batchSize { flush() }
                }
                flush()
                reuse.remember(moduleSymbols: all, path: path, member: nil, key: key)
            } catch {
                flush()
                post(.failed(InputError(path: path, reason: .decode(error)).description))
                return
            }
        }
    }

    /// `(i32) -> i32`, `mut i32`, `funcref 1`, `memory 1`.
    static func typeText(_ descriptor: Import.Descriptor, types: [SubType]) -> String {
        switch descriptor {
        case .function(let index):
            return Int(index) < types.count ? types[Int(index)].functionType?.description ?? "type \(index)" : "type \(index)"
        case .tag(let tag):
            let index = tag.typeIndex
            return Int(index) < types.count ? types[Int(index)].functionType?.description ?? "type \(index)" : "type \(index)"
        case .global(let global): return global.description
        case .table(let table): return table.description
        case .memory(let memory): return "\(memory)"
        }
    }
}
