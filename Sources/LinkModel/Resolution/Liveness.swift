/// `--gc-sections` (lld's `MarkLive.cpp`): from the roots (entry, exported and `NO_STRIP`
/// symbols, `__wasm_call_dtors`, init functions and retained segments of live files), follow
/// relocations of live chunks until nothing changes. Custom sections are never marked live.
extension Linker {
    func isLive(_ symbol: SymbolID) -> Bool {
        let s = symbols[symbol]
        if s.isDefined && (s.kind == .global || s.kind == .tag || s.kind == .table) { return s.elementLive }
        if let chunk = s.chunk { return files[chunk.file][chunk: chunk.kind, index: chunk.index].live }
        return s.referenced
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
        let s = symbols[symbol]
        if let file = s.file, s.isDefined { files[file].live = true }
        if s.isDefined && (s.kind == .global || s.kind == .tag || s.kind == .table) { symbols[symbol].elementLive = true }
        if let chunk = s.chunk { files[chunk.file][chunk: chunk.kind, index: chunk.index].live = true }
    }

    mutating func markLive() {
        guard options.gcSections else { return }
        var queue: [ChunkRef] = []

        func enqueue(_ linker: inout Linker, _ symbol: SymbolID?, _ queue: inout [ChunkRef]) {
            guard let symbol, !linker.isLive(symbol) else { return }
            let s = linker.symbols[symbol]
            let markImplicitDependencies = s.file.map { !linker.files[$0].live } ?? false && s.isDefined
            linker.markLive(symbol)
            if markImplicitDependencies, let file = s.file {
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
            for relocation in files[file][chunk: chunk.kind, index: chunk.index].relocations where relocation.type != .typeIndexLEB {
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
        return files[chunk.file][chunk: chunk.kind, index: chunk.index].discarded
    }
}
