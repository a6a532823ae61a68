import WasmDecoding

/// The policy-dependent end of a link: the driver's option checks, the replay of resolution's
/// diagnostics, then lld's `Writer::run` up to the point where the output would be written —
/// `--export` checks, `calculateImports`, `scanRelocations` (`lld/wasm/Relocations.cpp`) and
/// the mutable-globals check.
struct Predictor {
    let linker: Linker
    let policy: UndefinedPolicy
    let allowList: Set<String>

    var options: LinkOptions { linker.options }
    var mode: UnresolvedMode { policy.mode }

    var log: ErrorHandler
    var imports: [PredictedImport] = []
    var importKeys: Set<String> = []
    var importedSymbols: [SymbolID] = []
    var importOf: [SymbolID: PredictedImport] = [:]
    var gotImports: [PredictedImport] = []
    var gotOf: [SymbolID: PredictedImport] = [:]
    /// Live references per undefined symbol (grouped by name when the prediction is assembled:
    /// a name can have signature variants), in scan order.
    var liveReferences: [SymbolID: [Reference]] = [:]
    /// What wasm-ld decided per symbol name, whether or not the error limit let the line print.
    var decidedErrors: Set<String> = []
    var decidedWarnings: Set<String> = []
    var scanned = false

    init(linker: Linker, policy: UndefinedPolicy, allowList: Set<String>) {
        self.linker = linker
        self.policy = policy
        self.allowList = allowList
        log = ErrorHandler(errorLimit: linker.options.errorLimit, fatalWarnings: linker.options.fatalWarnings)
    }

    // MARK: the run

    mutating func run() {
        guard driverChecks() else { return }
        guard !linker.stopped, log.replay(linker.events) else { return }
        writer()
    }

    /// `checkZOptions`, `readConfigs`, `createFiles`, `checkOptions`, the allow file.
    mutating func driverChecks() -> Bool {
        for diagnostic in options.driverDiagnostics {
            if diagnostic.severity == .error { log.error(diagnostic.text) } else { log.warn(diagnostic.text) }
        }
        if let value = options.invalidUnresolvedSymbolsValue {
            log.error("unknown --unresolved-symbols value: \(value)")
        }
        guard log.replay(linker.readEvents), log.checkpoint() else { return false }
        if options.outputPath == nil { log.error("no output file specified") }
        if options.importTable && options.exportTable { log.error("--import-table and --export-table may not be used together") }
        if !options.experimentalPic && mode == .importDynamic {
            log.warn("dynamic imports are not yet stable (--unresolved-symbols=import-dynamic)")
        }
        if options.bsymbolic { log.warn("-Bsymbolic is only meaningful when combined with -shared") }
        guard log.checkpoint() else { return false }
        if let allowFile = policy.allowFile, allowFile.names == nil {
            log.error("cannot open \(allowFile.path): \(allowFile.failure ?? "No such file or directory")")
        }
        return log.checkpoint()
    }

    mutating func writer() {
        for name in options.exports {
            let symbol = linker.find(name)
            if symbol == nil || !linker.symbols[symbol!].isDefined {
                let text = "symbol exported via --export not found: \(name)"
                if mode == .error { log.error(text, symbol: name) }
                if mode == .warn { log.warn(text, symbol: name) }
            }
        }
        guard log.replay(linker.featureEvents) else { return }
        calculateImports()
        scanRelocations()
        scanned = true
        guard log.checkpoint() else { return }
        checkMutableGlobals()
    }

    // MARK: imports

    func shouldImport(_ id: SymbolID) -> Bool {
        if linker.symbols[id].kind == .data { return false }
        if !linker.symbols[id].isUndefined { return false }
        if !linker.isLive(id) { return false }
        if !linker.symbols[id].isUsedInRegularObj { return false }
        if linker.symbols[id].isWeak { return false }
        if policy.importUndefined || mode == .importDynamic { return true }
        if allowList.contains(linker.symbols[id].name) { return true }
        return linker.symbols[id].isImported
    }

    mutating func calculateImports() {
        if let memory = options.importMemory {
            imports.append(PredictedImport(module: memory.module, name: memory.name, kind: .memory, type: "memory", symbol: nil, layoutDependent: true))
        }
        if let table = linker.indirectFunctionTable, shouldImport(table) { addImport(table) }
        for slot in linker.slots.indices {
            let symbol = linker.slots[slot]
            guard symbol != linker.indirectFunctionTable, shouldImport(symbol) else { continue }
            addImport(symbol)
        }
    }

    mutating func addImport(_ id: SymbolID) {
        let symbol = linker.symbols[id]
        let module = symbol.importModule ?? "env"
        let name = symbol.importName ?? symbol.name
        var layoutDependent = false
        let kind: PredictedImport.Kind
        let type: String
        switch symbol.kind {
        case .function:
            kind = .function
            type = symbol.signature?.description ?? "?"
        case .global:
            kind = .global
            type = symbol.globalType?.description ?? "?"
        case .tag:
            kind = .tag
            type = symbol.signature?.description ?? "?"
        case .table:
            kind = .table
            if id == linker.indirectFunctionTable {
                layoutDependent = true
                type = (symbol.tableType?.elementType ?? .funcref).description
            } else {
                type = symbol.tableType?.description ?? "?"
            }
        case .data, .section:
            return
        }
        let entry = PredictedImport(module: module, name: name, kind: kind, type: type, symbol: symbol.name, layoutDependent: layoutDependent)
        importOf[id] = entry
        importedSymbols.append(id)
        if importKeys.insert("\(kind)\u{0}\(module)\u{0}\(name)\u{0}\(type)").inserted {
            imports.append(entry)
        }
    }

    // MARK: relocation scan

    func requiresGOTAccess(_ id: SymbolID) -> Bool {
        guard mode == .importDynamic else { return false }
        let symbol = linker.symbols[id]
        if symbol.isHidden || symbol.isLocal { return false }
        if symbol.isDefined { return false }
        return true
    }

    mutating func addGOTEntry(_ id: SymbolID) {
        guard requiresGOTAccess(id), gotOf[id] == nil else { return }
        let symbol = linker.symbols[id]
        let entry = PredictedImport(
            module: symbol.kind == .function ? "GOT.func" : "GOT.mem", name: symbol.name, kind: .global,
            type: linker.is64 ? "mut i64" : "mut i32", symbol: symbol.name, layoutDependent: false)
        gotOf[id] = entry
        gotImports.append(entry)
    }

    func isAllowedUndefined(_ id: SymbolID) -> Bool {
        let symbol = linker.symbols[id]
        if symbol.isImported { return true }
        if symbol.kind == .function && policy.importUndefined { return true }
        return allowList.contains(symbol.name)
    }

    mutating func scanRelocations() {
        for fileID in linker.objectFiles {
            let file = linker.files[fileID]
            for chunk in file.functions where chunk.live { scan(chunk, in: file) }
            for chunk in file.segments where chunk.live { scan(chunk, in: file) }
            for chunk in file.customSections where chunk.live { scan(chunk, in: file) }
        }
        imports += gotImports
    }

    mutating func scan(_ chunk: Chunk, in file: LinkFile) {
        for relocation in chunk.relocations where relocation.type != .typeIndexLEB {
            guard Int(relocation.index) < file.symbols.count else { continue }
            let id = file.symbols[Int(relocation.index)]
            let type = relocation.type
            // Most relocations point at definitions: nothing to say unless TLS rules apply.
            if linker.symbols[id].isDefined {
                if options.sharedMemory && (type == .memoryAddrTLSSLEB || type == .memoryAddrTLSSLEB64) && !linker.symbols[id].isTLS {
                    let name = linker.symbols[id].name
                    decidedErrors.insert(name)
                    log.error("\(file.name): relocation \(type) cannot be used against non-TLS symbol `\(linker.display(name))`", symbol: name)
                }
                continue
            }
            scanUndefined(relocation, id: id, chunk: chunk, in: file)
        }
    }

    /// The relocation rules for a symbol that is not defined (`scanRelocations` and
    /// `reportUndefined` in lld's Relocations.cpp).
    mutating func scanUndefined(_ relocation: ChunkRelocation, id: SymbolID, chunk: Chunk, in file: LinkFile) {
        let symbol = linker.symbols[id]
        let type = relocation.type
        if symbol.isUndefined && !symbol.isWeak {
            liveReferences[id, default: []].append(Self.reference(chunk, in: file, relocation: relocation, live: true))
        }
        var shownName: String? = nil
        func shown(_ predictor: Predictor) -> String {
            if let shownName { return shownName }
            let text = predictor.linker.display(symbol.name)
            shownName = text
            return text
        }

        switch type {
        case .globalIndexLEB, .globalIndexI32:
            if symbol.kind != .global { addGOTEntry(id) }
        case .memoryAddrTLSSLEB, .memoryAddrTLSSLEB64:
            decidedErrors.insert(symbol.name)
            log.error("\(file.name): relocation \(type) cannot be used against an undefined symbol `\(shown(self))`", symbol: symbol.name)
            if options.sharedMemory && !symbol.isTLS {
                log.error("\(file.name): relocation \(type) cannot be used against non-TLS symbol `\(shown(self))`", symbol: symbol.name)
            }
        default:
            break
        }

        if symbol.isUndefined && mode == .importDynamic {
            switch type {
            case .tableIndexSLEB, .tableIndexSLEB64, .memoryAddrSLEB, .memoryAddrLEB, .memoryAddrSLEB64, .memoryAddrLEB64:
                decidedErrors.insert(symbol.name)
                log.error("\(file.name): relocation \(type) cannot be used against symbol `\(shown(self))`; recompile with -fPIC", symbol: symbol.name)
            case .tableIndexI32, .tableIndexI64, .memoryAddrI32, .memoryAddrI64:
                addGOTEntry(id)
            case .tableIndexRelSLEB, .tableIndexRelSLEB64, .memoryAddrRelSLEB, .memoryAddrRelSLEB64:
                decidedErrors.insert(symbol.name)
                log.error("\(file.name): relocation \(type) is not supported against an undefined symbol `\(shown(self))`", symbol: symbol.name)
            default:
                break
            }
        }

        if symbol.isUndefined && !symbol.isWeak && !isAllowedUndefined(id) {
            switch mode {
            case .error:
                decidedErrors.insert(symbol.name)
                log.error("\(file.name): undefined symbol: \(shown(self))", symbol: symbol.name)
            case .warn:
                decidedWarnings.insert(symbol.name)
                log.warn("\(file.name): undefined symbol: \(shown(self))", symbol: symbol.name)
            case .ignore, .importDynamic:
                break
            }
        }
    }

    static func reference(_ chunk: Chunk, in file: LinkFile, relocation: ChunkRelocation, live: Bool) -> Reference {
        let section: String
        switch chunk.kind {
        case .function: section = "code"
        case .segment: section = "data"
        case .custom: section = chunk.name
        }
        return Reference(
            input: file.name, path: file.path, member: file.memberName, function: chunk.name.isEmpty ? nil : chunk.name,
            section: section, relocation: relocation.type.description, live: live, offset: Int(relocation.offset))
    }

    // MARK: after the scan

    mutating func checkMutableGlobals() {
        guard !linker.allowsMutableGlobals else { return }
        var seen: Set<SymbolID> = []
        for id in importedSymbols where seen.insert(id).inserted {
            let symbol = linker.symbols[id]
            if symbol.kind == .global, symbol.globalType?.mutable == true {
                decidedErrors.insert(symbol.name)
                log.error("mutable global imported but 'mutable-globals' feature not present in inputs: `\(linker.display(symbol.name))`. Use --no-check-features to suppress.", symbol: symbol.name)
            }
        }
        for slot in linker.slots.indices {
            let id = linker.slots[slot]
            let symbol = linker.symbols[id]
            guard symbol.kind == .global, linker.isExported(id), linker.isLive(id) else { continue }
            if symbol.synthetic != nil && symbol.globalType?.mutable == true && !symbol.forceExport { continue }
            log.error("mutable global exported but 'mutable-globals' feature not present in inputs: `\(linker.display(symbol.name))`. Use --no-check-features to suppress.", symbol: symbol.name)
        }
    }
}
