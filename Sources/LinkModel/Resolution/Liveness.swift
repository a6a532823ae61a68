/// `--gc-sections` (lld's `MarkLive.cpp`): from the roots (entry, exported and `NO_STRIP`
/// symbols, `__wasm_call_dtors`, init functions and retained segments of live files), follow
/// relocations of live chunks until nothing changes. Custom sections are never marked live.
extension Linker {
    func isLive(_ symbol: SymbolID) -> Bool {
        if symbols[symbol].isDefined {
            let kind = symbols[symbol].kind
            if kind == .global || kind == .tag || kind == .table { return symbols[symbol].elementLive }
        }
        if let chunk = symbols[symbol].chunk { return chunkIsLive(chunk) }
        return symbols[symbol].referenced
    }

    func chunkIsLive(_ chunk: ChunkRef) -> Bool {
        switch chunk.kind {
        case .function: files[chunk.file].functions[chunk.index].live
        case .segment: files[chunk.file].segments[chunk.index].live
        case .custom: files[chunk.file].customSections[chunk.index].live
        }
    }

    /// `Symbol::isExported`.
    func isExported(_ symbol: SymbolID) -> Bool {
        let s = symbols[symbol]
        guard s.isDefined, !s.isLocal else { return false }
        if options.exportAll || (options.exportDynamic && !s.isHidden) { return true }
        return s.forceExport || s.flags.contains(.exported)
    }

    /// `Symbol::markLive`.
    mutating func markLive(_ symbol: SymbolID) {
        symbols[symbol].referenced = true
        let defined = symbols[symbol].isDefined
        if let file = symbols[symbol].file, defined { files[file].live = true }
        let kind = symbols[symbol].kind
        if defined && (kind == .global || kind == .tag || kind == .table) { symbols[symbol].elementLive = true }
        if let chunk = symbols[symbol].chunk {
            switch chunk.kind {
            case .function: files[chunk.file].functions[chunk.index].live = true
            case .segment: files[chunk.file].segments[chunk.index].live = true
            case .custom: files[chunk.file].customSections[chunk.index].live = true
            }
        }
    }

    mutating func markLive() {
        guard options.gcSections else { return }
        var queue: [ChunkRef] = []

        func enqueue(_ linker: inout Linker, _ symbol: SymbolID?, _ queue: inout [ChunkRef]) {
            guard let symbol, !linker.isLive(symbol) else { return }
            let owner = linker.symbols[symbol].file
            let markImplicitDependencies = owner.map { !linker.files[$0].live } ?? false && linker.symbols[symbol].isDefined
            linker.markLive(symbol)
            if markImplicitDependencies, let file = owner {
                enqueueInitFunctions(&linker, file, &queue)
                enqueueRetainedSegments(&linker, file, &queue)
            }
            if let chunk = linker.symbols[symbol].chunk { queue.append(chunk) }
        }
        func enqueueInitFunctions(_ linker: inout Linker, _ file: FileID, _ queue: inout [ChunkRef]) {
            for index in linker.files[file].initFunctionSymbols where index < linker.files[file].symbols.count {
                let symbol = linker.files[file].symbols[index]
                if !linker.isDiscarded(symbol) { enqueue(&linker, symbol, &queue) }
            }
        }
        func enqueueRetainedSegments(_ linker: inout Linker, _ file: FileID, _ queue: inout [ChunkRef]) {
            for index in linker.files[file].segments.indices where linker.files[file].segments[index].isRetained {
                linker.files[file].segments[index].live = true
                queue.append(ChunkRef(file: file, kind: .segment, index: index))
            }
        }

        if let entry { enqueue(&self, find(entry), &queue) }
        if rootsAllDefinitions {
            for file in objectFiles where files[file].memberName == nil {
                for symbol in files[file].symbols where symbols[symbol].isDefined && !symbols[symbol].isLocal && symbols[symbol].file == file {
                    enqueue(&self, symbol, &queue)
                }
            }
        }
        for slot in slots.indices {
            let symbol = slots[slot]
            if symbols[symbol].isNoStrip || isExported(symbol) { enqueue(&self, symbol, &queue) }
        }
        if let callDtors { enqueue(&self, callDtors, &queue) }
        for file in objectFiles where files[file].live {
            enqueueInitFunctions(&self, file, &queue)
            enqueueRetainedSegments(&self, file, &queue)
        }

        while let chunk = queue.popLast() {
            let file = chunk.file
            let relocations: ArraySlice<ChunkRelocation>
            switch chunk.kind {
            case .function: relocations = files[file].functions[chunk.index].relocations
            case .segment: relocations = files[file].segments[chunk.index].relocations
            case .custom: relocations = files[file].customSections[chunk.index].relocations
            }
            for relocation in relocations where relocation.type != .typeIndexLEB {
                guard Int(relocation.index) < files[file].symbols.count else { continue }
                let symbol = files[file].symbols[Int(relocation.index)]
                switch relocation.type {
                case .tableIndexSLEB, .tableIndexSLEB64, .tableIndexI32, .tableIndexI64:
                    if symbols[symbol].isStub { continue }
                default: break
                }
                enqueue(&self, symbol, &queue)
            }
        }
    }

    /// A symbol whose chunk was dropped with its COMDAT group.
    func isDiscarded(_ symbol: SymbolID) -> Bool {
        guard let chunk = symbols[symbol].chunk else { return false }
        switch chunk.kind {
        case .function: return files[chunk.file].functions[chunk.index].discarded
        case .segment: return files[chunk.file].segments[chunk.index].discarded
        case .custom: return files[chunk.file].customSections[chunk.index].discarded
        }
    }
}
