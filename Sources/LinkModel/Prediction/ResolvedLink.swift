import WasmDecoding

/// A link whose inputs are read, symbols resolved and dead code found: everything that does
/// not depend on the undefined-symbol policy. `predict(policy:)` is cheap, so a UI can flip
/// policies (or allow-list entries) without re-reading anything.
///
/// ```swift
/// let options = try LinkOptions.parse(arguments: ["a.o", "libc.a", "-o", "a.wasm"])
/// let link = try ResolvedLink.resolve(options)
/// let strict = link.predict()                       // the policy of the command line
/// let relaxed = link.predict(policy: UndefinedPolicy(.allow))
/// ```
public struct ResolvedLink: Sendable {
    /// The options as given.
    public let options: LinkOptions
    /// Where the inputs and side files were read from.
    public let locations: FileLocations
    /// Directory relative input paths are opened from (nil: the process's).
    public var workingDirectory: String? { locations.workingDirectory }
    let linker: Linker

    /// Reads the inputs and resolves the link.
    ///
    /// - Throws: `LinkModelError` for unreadable or malformed inputs and for inputs the model
    ///   does not predict (bitcode, shared libraries). Everything wasm-ld itself would report
    ///   (duplicates, undefined symbols…) is a prediction, not an error.
    /// - Parameter cache: decoded objects from earlier resolves of the same link; objects
    ///   whose linking sections did not change are taken from it instead of decoded again.
    public static func resolve(_ options: LinkOptions, workingDirectory: String? = nil,
                               cache: DecodeCache? = nil) throws(LinkModelError) -> ResolvedLink {
        try resolve(options, locations: FileLocations(workingDirectory: workingDirectory), cache: cache)
    }

    /// Reads the inputs from `locations` (a captured link's copies, say) and resolves the link.
    /// Inputs keep the names the options give them, wherever their bytes come from.
    ///
    /// - Parameter inputs: the bytes of `options.inputs`, in their order, when the caller has
    ///   opened them already (a workspace load, whose section listings and raw-byte views
    ///   show the same bytes): they are used as they are, so no input is opened twice. Nil:
    ///   each input is opened here.
    public static func resolve(_ options: LinkOptions, locations: FileLocations, inputs: [ByteStorage]? = nil,
                               cache: DecodeCache? = nil) throws(LinkModelError) -> ResolvedLink {
        var linker = Linker(options: options, locations: locations)
        linker.opened = inputs
        linker.cache = cache
        cache?.beginResolve()
        try linker.run()
        return ResolvedLink(options: options, locations: locations, linker: linker)
    }

    /// The names the `.imports` files beside archives add to every policy's allow list.
    public var sideFileAllowList: Set<String> {
        linker.inputs.reduce(into: Set<String>()) { $0.formUnion($1.importsNames) }
    }

    /// Reads the policy's allow file (relative to the working directory) if it has not been read.
    public func loadingAllowFile(_ policy: UndefinedPolicy) -> UndefinedPolicy {
        guard let allowFile = policy.allowFile, allowFile.names == nil, allowFile.failure == nil else { return policy }
        var loaded = policy
        var list = linker.openPath(allowFile.path).map(AllowList.load(path:))
            ?? AllowList(path: allowFile.path, names: nil, failure: FileLocations.missingReason)
        list.path = allowFile.path
        loaded.allowFile = list
        return loaded
    }

    /// What wasm-ld would do under `policy` (default: the options' own policy flags).
    public func predict(policy: UndefinedPolicy? = nil) -> LinkPrediction {
        let policy = loadingAllowFile(policy ?? options.policy)
        var allowList = sideFileAllowList.union(policy.extraAllowed)
        if let names = policy.allowFile?.names { allowList.formUnion(names) }
        var predictor = Predictor(linker: linker, policy: policy, allowList: allowList)
        predictor.run()
        var effective = options
        effective.apply(policy)
        // The entry actually used (files mode drops `_start` when no input defines it).
        effective.entry = linker.entry
        effective.rootsAllDefinitions = linker.rootsAllDefinitions
        return assemble(predictor, options: effective)
    }

    /// Predictions under the three named policies (and the given allow file), as the TUI shows them.
    public func predictAll(allowFile: AllowList? = nil) -> [PolicyName: LinkPrediction] {
        var result: [PolicyName: LinkPrediction] = [:]
        for name in PolicyName.allCases { result[name] = predict(policy: UndefinedPolicy(name, allowFile: allowFile)) }
        return result
    }

    // MARK: assembling the prediction

    private func assemble(_ predictor: Predictor, options effective: LinkOptions) -> LinkPrediction {
        let log = predictor.log
        let linkOK = log.errorCount == 0
        let stoppedEarly = !predictor.scanned

        // Diagnostics per symbol.
        var diagnosticsOf: [String: [Diagnostic]] = [:]
        for (line, symbol) in zip(log.lines, log.symbols) {
            if let symbol { diagnosticsOf[symbol, default: []].append(line) }
        }

        // Live references by name. Only one symbol per name can still be undefined when the
        // relocations are scanned (signature variants are stubbed or stop the link first).
        var liveReferences: [String: [Reference]] = [:]
        for (id, references) in predictor.liveReferences {
            liveReferences[linker.symbols[id].name, default: []] += references
        }

        var undefined: [UndefinedSymbol] = []
        var unreferenced: [UndefinedSymbol] = []
        var invalidModule = false
        var seen: Set<String> = []
        for slot in linker.slots.indices {
            let id = linker.slots[slot]
            let symbol = linker.symbols[id]
            guard (symbol.isUndefined && !symbol.isLocal) || symbol.wasWeakUndefined,
                  id != linker.indirectFunctionTable || !options.importTable,
                  symbol.name != "__indirect_function_table",
                  seen.insert(symbol.name).inserted else { continue }
            var entry = describe(id, predictor: predictor, diagnostics: diagnosticsOf[symbol.name] ?? [],
                                 references: liveReferences[symbol.name] ?? [], stoppedEarly: stoppedEarly)
            if entry.outcome == .invalidIndex || (entry.outcome == .warning && entry.resolution == .invalidIndex) {
                invalidModule = true
            }
            if entry.outcome == .unreferenced {
                unreferenced.append(entry)
            } else {
                if entry.outcome == .notReached { entry.referencedBy = references(to: symbol.name).filter(\.live) }
                undefined.append(entry)
            }
        }

        return LinkPrediction(
            options: effective, policy: predictor.policy, inputs: inputSummaries(), undefined: undefined,
            unreferencedUndefined: unreferenced, imports: predictor.imports,
            diagnostics: log.lines, linkOK: linkOK, stoppedEarly: stoppedEarly,
            writesInvalidModule: linkOK && invalidModule, ignoredFlags: options.ignoredFlags)
    }

    private func describe(_ id: SymbolID, predictor: Predictor, diagnostics: [Diagnostic], references: [Reference], stoppedEarly: Bool) -> UndefinedSymbol {
        let symbol = linker.symbols[id]
        let kind = SymbolKindName(symbol.kind)
        let type = symbol.typeDescription
        let weak = symbol.isWeak || symbol.wasWeakUndefined
        let imported = predictor.importOf[id]
        let resolution: InternalResolution?
        if weak {
            resolution = symbol.kind == .function ? .weakStub : .addressZero
        } else if imported != nil {
            resolution = nil
        } else {
            switch symbol.kind {
            case .function: resolution = .trapStub
            case .data, .section: resolution = .addressZero
            case .global, .table, .tag: resolution = .invalidIndex
            }
        }

        let outcome: Outcome
        let hasError = predictor.decidedErrors.contains(symbol.name) || diagnostics.contains { $0.severity == .error }
        let hasWarning = predictor.decidedWarnings.contains(symbol.name) || diagnostics.contains { $0.severity == .warning }
        if stoppedEarly {
            outcome = diagnostics.contains { $0.severity == .error } ? .error : .notReached
        } else if hasError {
            outcome = .error
        } else if weak {
            outcome = .weakUndefined
        } else if imported != nil {
            outcome = hasWarning ? .warningImport : .import
        } else if hasWarning {
            outcome = .warning
        } else if !references.isEmpty {
            outcome = resolution == .invalidIndex ? .invalidIndex : .zero
        } else {
            outcome = .unreferenced
        }

        return UndefinedSymbol(
            name: symbol.name, displayName: linker.display(symbol.name), kind: kind, weak: weak,
            importModule: symbol.kind == .data ? nil : symbol.importModule,
            explicitImportName: symbol.importName, claimedByStubLibrary: symbol.forceImport, type: type,
            signature: symbol.kind == .function ? symbol.signature : nil, referencedBy: references,
            firstReferencedIn: symbol.file.map { linker.files[$0].name }, outcome: outcome,
            resolution: outcome == .import || outcome == .warningImport ? nil : resolution,
            predictedImport: imported, gotImport: predictor.gotOf[id],
            inAllowList: predictor.allowList.contains(symbol.name), diagnostics: diagnostics)
    }

    private func inputSummaries() -> [InputSummary] {
        var used: [Int: [String]] = [:]
        for file in linker.objectFiles {
            if let member = linker.files[file].memberName { used[linker.files[file].inputIndex, default: []].append(member) }
        }
        return linker.inputs.enumerated().map { index, input in
            InputSummary(path: input.path, kind: input.kind, membersUsed: used[index] ?? [],
                         memberCount: input.archive?.members.count ?? 0, importsFile: input.importsFile)
        }
    }

    /// Every relocation against `name` in the loaded objects, live or not, in wasm-ld's scan
    /// order (for symbols a prediction lists as unreferenced, whose `referencedBy` is empty).
    public func references(to name: String) -> [Reference] {
        var result: [Reference] = []
        for fileID in linker.objectFiles {
            let file = linker.files[fileID]
            for chunks in [file.functions, file.segments, file.customSections] {
                for chunk in chunks {
                    for relocation in chunk.relocations where relocation.type != .typeIndexLEB && Int(relocation.index) < file.symbols.count {
                        guard linker.symbols[file.symbols[Int(relocation.index)]].name == name else { continue }
                        result.append(Predictor.reference(chunk, in: file, relocation: relocation, live: chunk.live))
                    }
                }
            }
        }
        return result
    }

    /// Defined global symbols after resolution, in symbol-table order (they do not depend on
    /// the policy, so they are not part of a prediction).
    public func definedSymbols() -> [DefinedSymbol] {
        var result: [DefinedSymbol] = []
        for slot in linker.slots.indices {
            let id = linker.slots[slot]
            let symbol = linker.symbols[id]
            guard symbol.isDefined, !symbol.isLocal, !symbol.isStub else { continue }
            result.append(DefinedSymbol(
                name: symbol.name, kind: SymbolKindName(symbol.kind), binding: symbol.flags.binding.description,
                visibility: symbol.flags.visibility.description, flags: symbol.flags.names,
                definedIn: linker.fileName(symbol.file), size: symbol.kind == .data ? symbol.size : nil,
                exported: linker.isExported(id) && linker.isLive(id), live: linker.isLive(id), type: symbol.typeDescription))
        }
        return result
    }
}

extension ResolvedLink {
    /// The names the link's archives define in members it did not load, each with its member
    /// (`libc.a(printf.o)`): what `-lc` offers that this link did not need. Near-miss
    /// candidates: `prinft` is a typo of `printf` even when nothing else calls printf.
    public func unloadedArchiveSymbols() -> [(name: String, definedIn: String)] {
        linker.slots.compactMap { id in
            let symbol = linker.symbols[id]
            return symbol.isLazy ? (symbol.name, linker.fileName(symbol.file)) : nil
        }
    }
}

/// One-call entry points.
public enum LinkModel {
    /// Parses a wasm-ld command line, reads its inputs and predicts the link under the policy
    /// the command line gives.
    public static func predict(arguments: [String], workingDirectory: String? = nil) throws(LinkModelError) -> LinkPrediction {
        let locations = FileLocations(workingDirectory: workingDirectory)
        let options = try LinkOptions.parse(arguments: arguments, files: locations.fileAccess)
        return try ResolvedLink.resolve(options, locations: locations).predict()
    }
}
