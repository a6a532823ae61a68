#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import WasmDecoding

/// Reading inputs and turning objects into chunks and symbols (lld's `LinkerDriver::addFile`,
/// `ObjFile::parse`, `ObjFile::parseLazy`, `StubFile::parse`).
extension Linker {
    /// The path to open for `path` as given; nil when the file is not available (a captured
    /// link that has no copy of it).
    func openPath(_ path: String) -> String? {
        locations.location(of: path)
    }

    /// Reads every input in order: objects, archives (with their `.imports` side file), `#STUB`
    /// libraries. Members are registered lazily; nothing is resolved yet.
    mutating func readInputs() throws(LinkModelError) {
        for (inputIndex, input) in options.inputs.enumerated() {
            let storage = try inputBytes(inputIndex)
            let kind = InputKind.classify(storage.window, name: input.path)
            var loaded = LoadedInput(path: input.path, kind: .object, storage: storage)
            switch kind {
            case .archive:
                loaded.kind = .archive
                let archive: Archive
                do {
                    archive = try Archive(storage.window)
                } catch {
                    throw .malformed(input.path, path: input.path, error)
                }
                loaded.archive = archive
                let importsPath = LinkOptions.importsSideFile(of: input.path)
                if let location = openPath(importsPath), case .success(let text) = TextFile.read(location) {
                    loaded.importsFile = importsPath
                    loaded.importsNames = AllowList.names(in: text)
                }
                try readMembers(of: archive, input: input, inputIndex: inputIndex, into: &loaded)
            case .object:
                let id = addLinkFile(LinkFile(
                    id: files.count, kind: .object, name: input.path, inputIndex: inputIndex, memberName: nil,
                    lazy: input.lazy, live: !input.lazy || !options.gcSections, window: storage.window))
                try prepareObject(id)
                loaded.files.append(id)
            case .stubLibrary:
                loaded.kind = .stubLibrary
                var file = LinkFile(id: files.count, kind: .stubLibrary, name: input.path, inputIndex: inputIndex,
                                    memberName: nil, lazy: false, live: true)
                file.stubDependencies = Self.parseStubLibrary(String(decoding: storage.window.bytes, as: UTF8.self))
                loaded.files.append(addLinkFile(file))
            case .llvmBitcode:
                throw .notModelled("the LLVM bitcode input \(input.path) (LTO)")
            case .module:
                let binary = try? WasmBinary(storage.window)
                if binary?.customSection(named: "dylink.0") != nil || binary?.customSection(named: "dylink") != nil {
                    throw .notModelled("the shared library input \(input.path)")
                }
                throw .notRelocatable(input.path, path: input.path)
            case .component:
                throw .notModelled("the component \(input.path)")
            case .rustMetadata, .unknown:
                throw .unknownFileType(input.path, path: input.path)
            }
            inputs.append(loaded)
        }
    }

    /// The bytes of input `index`: as the caller opened them, or opened here (the one way
    /// inputs are opened: `InputFile.open`).
    func inputBytes(_ index: Int) throws(LinkModelError) -> ByteStorage {
        if let opened, index < opened.count { return opened[index] }
        let input = options.inputs[index]
        guard let location = openPath(input.path) else { throw .unreadable(input.path, FileLocations.missingReason) }
        do {
            return try InputFile.open(path: location, name: input.path).storage
        } catch {
            throw LinkModelError(error)
        }
    }

    /// Walks an object's sections and checks its architecture, as wasm-ld does when it opens
    /// every input (archive members included) before resolving anything.
    mutating func prepareObject(_ id: FileID) throws(LinkModelError) {
        guard let window = files[id].window else { return }
        let walked: WasmBinary
        do {
            walked = try WasmBinary(window)
        } catch {
            throw malformed(id, error)
        }
        files[id].binary = walked
        checkArchitecture(id, walked)
    }

    /// An archive's members: every member for `--whole-archive`; otherwise a lazy file for each
    /// member that defines something. The names a lazy member defines come from the archive's
    /// symbol index when it has one (llvm-ar's index lists exactly the defined non-local
    /// symbols of each member, in member order), so members that are never loaded are never
    /// decoded; without an index every member's symbol table is read, as wasm-ld does.
    mutating func readMembers(of archive: Archive, input: LinkInput, inputIndex: Int, into loaded: inout LoadedInput) throws(LinkModelError) {
        var indexNames: [Int: [String]] = [:]
        if !input.wholeArchive && !archive.index.isEmpty {
            let headerOffsets = Set(archive.members.map(\.headerOffset))
            if archive.index.allSatisfy({ headerOffsets.contains($0.memberHeaderOffset) }) {
                for entry in archive.index { indexNames[entry.memberHeaderOffset, default: []].append(entry.name) }
            }
        }
        let useIndex = !indexNames.isEmpty
        files.reserveCapacity(files.count + archive.members.count)
        for member in archive.members {
            let name = "\(input.path)(\(member.name))"
            switch Self.quickKind(member.data) {
            case .wasm:
                if useIndex {
                    guard let names = indexNames[member.headerOffset] else { continue }
                    var file = LinkFile(id: files.count, kind: .object, name: name, inputIndex: inputIndex, memberName: member.name,
                                        lazy: true, live: !options.gcSections, window: member.data)
                    file.lazyNames = names
                    loaded.files.append(addLinkFile(file))
                    continue
                }
                let id = addLinkFile(LinkFile(
                    id: files.count, kind: .object, name: name, inputIndex: inputIndex, memberName: member.name,
                    lazy: !input.wholeArchive, live: input.wholeArchive || !options.gcSections, window: member.data))
                try prepareObject(id)
                guard let binary = files[id].binary else { continue }
                if !binary.isRelocatable {
                    // A wasm module without a linking section defines nothing wasm-ld can see
                    // (rustc's wrapped lib.rmeta); a dylink module is a shared library.
                    if binary.customSection(named: "dylink.0") != nil || binary.customSection(named: "dylink") != nil {
                        throw .notModelled("the shared library member \(name)")
                    }
                    if input.wholeArchive { throw .notRelocatable(name, path: input.path) }
                    files[id].lazyNames = []
                }
                loaded.files.append(id)
            case .bitcode:
                throw .notModelled("the LLVM bitcode member \(name) (LTO)")
            case .other:
                // Raw `lib.rmeta` of older rlibs included (newer rustc wraps it in a wasm module).
                readEvents.append(.warning("\(input.path): archive member '\(member.name)' is neither Wasm object file nor LLVM bitcode"))
            }
        }
    }

    enum QuickKind { case wasm, bitcode, other }

    /// wasm-ld's `identify_magic`, on the first bytes only.
    static func quickKind(_ window: ByteWindow) -> QuickKind {
        // Once per archive member: the four bytes as one number, no copy.
        guard window.count >= 4 else { return .other }
        let head = window.withUnsafeBytes { UInt32(bigEndian: $0.loadUnaligned(as: UInt32.self)) }
        switch head {
        case 0x0061_736d: return .wasm
        case 0x4243_c0de, 0xdec0_170b: return .bitcode
        default: return .other
        }
    }

    mutating func addLinkFile(_ file: LinkFile) -> FileID {
        var file = file
        file.path = options.inputs[file.inputIndex].path
        files.append(file)
        return file.id
    }

    /// `#STUB` lines `sym: dep, dep`; `#` lines are comments.
    static func parseStubLibrary(_ text: String) -> [(name: String, dependencies: [String])] {
        var result: [(name: String, dependencies: [String])] = []
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.trimmingWhitespace()
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            let name = parts[0].trimmingCharacters(" ")
            var dependencies: [String] = []
            if parts.count > 1 {
                dependencies = parts[1].split(separator: ",").map { $0.trimmingCharacters(" ") }.filter { !$0.isEmpty }
            }
            result.removeAll { $0.name == name }
            result.append((name, dependencies))
        }
        return result
    }

    // MARK: adding files to the symbol table

    /// `SymbolTable::addFile`.
    mutating func addFile(_ id: FileID) throws(LinkModelError) {
        switch files[id].kind {
        case .stubLibrary:
            stubFiles.append(id)
        case .object:
            if files[id].lazy {
                try parseLazy(id)
            } else {
                try parseObject(id)
                objectFiles.append(id)
            }
        }
        if let error = pendingError { throw error }
    }

    /// Loads a lazy file (`LazySymbol::extract`). Decode errors are kept in `pendingError`
    /// (the symbol-table functions that extract cannot throw) and surface at the next check.
    mutating func extract(_ file: FileID?) {
        guard let file, files[file].lazy, pendingError == nil else { return }
        files[file].lazy = false
        do {
            try parseObject(file)
            objectFiles.append(file)
        } catch {
            pendingError = error
        }
    }

    /// The object's walked binary (walked now if it was registered from the archive index).
    mutating func binary(of file: FileID) throws(LinkModelError) -> WasmBinary {
        if files[file].binary == nil {
            try prepareObject(file)
            if let fatal = readEvents.last, case .fatal = fatal {
                // An architecture mismatch found on extraction ends the link here.
                events.append(fatal)
                readEvents.removeLast()
                stopped = true
            }
        }
        guard let binary = files[file].binary else { throw .unknownFileType(files[file].name, path: files[file].name) }
        return binary
    }

    func malformed(_ file: FileID, _ error: DecodeError) -> LinkModelError {
        let input = options.inputs[files[file].inputIndex].path
        var located = error
        if let member = files[file].memberName, let window = files[file].window {
            located = error.inMember(DecodeError.MemberLocation(name: member, dataOffset: window.absoluteStart))
        }
        return .malformed(files[file].name, path: input, located)
    }

    /// `ObjFile::parseLazy`: registers the file's defined non-local symbols as lazy.
    mutating func parseLazy(_ file: FileID) throws(LinkModelError) {
        var names: [String]
        if let known = files[file].lazyNames {
            names = known
        } else {
            let binary = try binary(of: file)
            do {
                names = try Self.lazyDefinitions(binary)
            } catch {
                throw malformed(file, error)
            }
        }
        for name in names {
            addLazy(name, file: file)
            if !files[file].lazy { break }
        }
    }

    /// Defined, non-local symbol names of an object, without decoding anything else.
    static func lazyDefinitions(_ binary: WasmBinary) throws(DecodeError) -> [String] {
        guard let linking = try binary.linkingSection(), let table = try linking.symbolTable() else { return [] }
        var names: [String] = []
        var iterator = table.makeIterator()
        while let info = try iterator.next() {
            if info.flags.isUndefined || info.flags.isLocal || info.kind == .section { continue }
            if let name = info.name { names.append(name) }
        }
        return names
    }

    /// `InputFile::checkArch`: wasm64 objects need `-mwasm64`, and the reverse.
    mutating func checkArchitecture(_ file: FileID, _ binary: WasmBinary) {
        var objectIs64 = false
        if let imports = try? binary.importSection() {
            var iterator = imports.makeIterator()
            while let entry = try? iterator.next() {
                if case .memory(let memory) = entry.descriptor, memory.limits.is64 { objectIs64 = true }
            }
        }
        if objectIs64 && options.is64 == nil {
            readEvents.append(.fatal("\(files[file].name): must specify -mwasm64 to process wasm64 object files"))
        } else if (options.is64 ?? false) != objectIs64 {
            readEvents.append(.fatal("\(files[file].name): wasm32 object file can't be linked in wasm64 mode"))
        }
    }

    /// `ObjFile::parse`: chunks with their relocations, COMDAT decisions, then every symbol.
    mutating func parseObject(_ id: FileID) throws(LinkModelError) {
        let binary = try binary(of: id)
        let decoded: DecodedObject
        do throws(DecodeError) {
            if let cache {
                decoded = try cache.decoded(name: files[id].name, binary: binary)
            } else {
                decoded = try DecodedObject(binary)
            }
        } catch {
            throw malformed(id, error)
        }
        let object = decoded.object, bodies = decoded.bodies, dataSegments = decoded.dataSegments
        let relocationsBySection = decoded.relocationsBySection, features = decoded.features

        // COMDAT groups: the first object to bring a group keeps it.
        let keptComdats = object.comdats.map { addComdat($0.name) }
        var functionComdat: [Int: Int] = [:], segmentComdat: [Int: Int] = [:], sectionComdat: [Int: Int] = [:]
        for (index, comdat) in object.comdats.enumerated() {
            for member in comdat.members {
                switch member.kind {
                case .function: functionComdat[Int(member.index) - object.importedFunctionCount] = index
                case .data: segmentComdat[Int(member.index)] = index
                case .section: sectionComdat[Int(member.index)] = index
                default: break
                }
            }
        }
        func discarded(_ comdat: Int?) -> Bool { comdat.map { !keptComdats[$0] } ?? false }

        var isCalledDirectly = [Bool](repeating: false, count: object.symbols.count)
        for relocations in relocationsBySection.values {
            for relocation in relocations where relocation.type == .functionIndexLEB {
                isCalledDirectly[Int(relocation.index)] = true
            }
        }

        let live = !options.gcSections
        let codeStart = object.codeSection?.contentRange.lowerBound ?? 0
        let dataStart = object.dataSection?.contentRange.lowerBound ?? 0

        // Function names for referenced_by: the first symbol naming each defined function.
        var functionNames = [String](repeating: "", count: bodies.count)
        for symbol in object.symbols where symbol.kind == .function && symbol.isDefined {
            let local = Int(symbol.elementIndex ?? 0) - object.importedFunctionCount
            if local >= 0, local < functionNames.count, functionNames[local].isEmpty { functionNames[local] = symbol.name }
        }

        var file = files[id]
        file.object = object
        file.features = features
        file.functions = Self.chunks(
            ranges: bodies.map { ($0.sizeOffset - codeStart)..<($0.range.upperBound - codeStart) },
            relocations: object.codeSection.flatMap { relocationsBySection[$0.index] } ?? [],
            kind: .function, names: functionNames, live: live)
        for index in file.functions.indices { file.functions[index].discarded = discarded(functionComdat[index]) }

        file.segments = Self.chunks(
            ranges: dataSegments.map { ($0.dataRange.lowerBound - dataStart)..<($0.dataRange.upperBound - dataStart) },
            relocations: object.dataSection.flatMap { relocationsBySection[$0.index] } ?? [],
            kind: .segment, names: object.segmentInfo.map(\.name), live: live)
        for index in file.segments.indices {
            file.segments[index].discarded = discarded(segmentComdat[index])
            file.segments[index].size = dataSegments[index].dataRange.count
            if index < object.segmentInfo.count {
                let info = object.segmentInfo[index]
                file.segments[index].isTLS = info.isTLS || info.name.hasPrefix(".tdata") || info.name.hasPrefix(".tbss")
                file.segments[index].isRetained = info.isRetained
            }
        }

        var customIndexBySection: [Int: Int] = [:]
        for section in binary.sections where section.header.id == .custom {
            customIndexBySection[section.header.index] = file.customSections.count
            var chunk = Chunk(kind: .custom, index: file.customSections.count, name: section.header.name ?? "",
                              relocations: ArraySlice((relocationsBySection[section.header.index] ?? []).map { ChunkRelocation(type: $0.type, index: $0.index, offset: $0.offset) }),
                              live: live)
            chunk.discarded = discarded(sectionComdat[section.header.index])
            file.customSections.append(chunk)
        }
        file.initFunctionSymbols = object.initFunctions.map { Int($0.symbolIndex) }
        files[id] = file

        // Symbols, in symbol-table order.
        var fileSymbols: [SymbolID] = []
        fileSymbols.reserveCapacity(object.symbols.count)
        symbols.reserveCapacity(symbols.count + object.symbols.count)
        slots.reserveCapacity(slots.count + object.symbols.count)
        slotOfName.reserveCapacity(slotOfName.count + object.symbols.count)
        var tableSymbolCount = 0
        for symbol in object.symbols {
            if symbol.kind == .table { tableSymbolCount += 1 }
            if symbol.isDefined, let defined = createDefined(symbol, file: id, object: object, customIndexBySection: customIndexBySection) {
                fileSymbols.append(defined)
                continue
            }
            fileSymbols.append(createUndefined(symbol, file: id, isCalledDirectly: isCalledDirectly[symbol.index]))
        }
        files[id].symbols = fileSymbols
        addLegacyIndirectFunctionTableIfNeeded(id, object: object, tableSymbolCount: tableSymbolCount)
    }

    /// Splits a section's relocations over its chunks by offset.
    static func chunks(ranges: [Range<Int>], relocations: [Relocation], kind: Chunk.Kind, names: [String], live: Bool) -> [Chunk] {
        // LLVM requires relocation offsets in non-decreasing order.
        let all = relocations.map { ChunkRelocation(type: $0.type, index: $0.index, offset: $0.offset) }
        var result: [Chunk] = []
        result.reserveCapacity(ranges.count)
        var next = 0
        for (index, range) in ranges.enumerated() {
            while next < relocations.count, Int(relocations[next].offset) < range.lowerBound { next += 1 }
            let start = next
            while next < relocations.count, Int(relocations[next].offset) < range.upperBound { next += 1 }
            result.append(Chunk(kind: kind, index: index, name: index < names.count ? names[index] : "",
                                relocations: all[start..<next], live: live))
        }
        return result
    }

    mutating func createDefined(_ symbol: ObjectSymbol, file: FileID, object: ObjectFile, customIndexBySection: [Int: Int]) -> SymbolID? {
        let flags = symbol.flags
        switch symbol.kind {
        case .function:
            let local = Int(symbol.elementIndex ?? 0) - object.importedFunctionCount
            let chunk = ChunkRef(file: file, kind: .function, index: local)
            if symbol.isLocal {
                return newSymbol(LinkSymbol(name: symbol.name, kind: .function, state: .defined, flags: flags, file: file,
                                            signature: symbol.signature, chunk: chunk))
            }
            if files[file].functions[local].discarded { return nil }
            return addDefinedFunction(symbol.name, flags: flags, file: file, chunk: chunk, signature: symbol.signature)
        case .data:
            var flags = flags
            var chunk: ChunkRef? = nil
            if let placement = symbol.placement, Int(placement.segment) < files[file].segments.count {
                chunk = ChunkRef(file: file, kind: .segment, index: Int(placement.segment))
                if !flags.contains(.tls) && files[file].segments[Int(placement.segment)].isTLS { flags.insert(.tls) }
            }
            if symbol.isLocal {
                return newSymbol(LinkSymbol(name: symbol.name, kind: .data, state: .defined, flags: flags, file: file,
                                            chunk: chunk, size: symbol.placement?.size))
            }
            if let chunk, files[file].segments[chunk.index].discarded { return nil }
            return addDefinedData(symbol.name, flags: flags, file: file, chunk: chunk, size: symbol.placement?.size ?? 0)
        case .global:
            var type: GlobalTypeInfo? = nil
            if case .global(let global) = symbol.type { type = GlobalTypeInfo(global) }
            if symbol.isLocal {
                return newSymbol(LinkSymbol(name: symbol.name, kind: .global, state: .defined, flags: flags, file: file,
                                            globalType: type, elementLive: !options.gcSections))
            }
            return addDefinedGlobal(symbol.name, flags: flags, file: file, type: type)
        case .section:
            let section = Int(symbol.elementIndex ?? 0)
            guard let index = customIndexBySection[section] else {
                return newSymbol(LinkSymbol(name: symbol.name, kind: .section, state: .defined, flags: flags, file: file))
            }
            if files[file].customSections[index].discarded { return nil }
            return newSymbol(LinkSymbol(name: symbol.name, kind: .section, state: .defined, flags: flags, file: file,
                                        chunk: ChunkRef(file: file, kind: .custom, index: index)))
        case .tag:
            var signature: FuncType? = nil
            if case .tag(let type) = symbol.type { signature = type }
            if symbol.isLocal {
                return newSymbol(LinkSymbol(name: symbol.name, kind: .tag, state: .defined, flags: flags, file: file,
                                            signature: signature, elementLive: !options.gcSections))
            }
            return addDefinedTag(symbol.name, flags: flags, file: file, signature: signature)
        case .table:
            var type: TableType? = nil
            if case .table(let table) = symbol.type { type = table }
            if symbol.isLocal {
                return newSymbol(LinkSymbol(name: symbol.name, kind: .table, state: .defined, flags: flags, file: file,
                                            tableType: type, elementLive: !options.gcSections))
            }
            return addDefinedTable(symbol.name, flags: flags, file: file, type: type)
        }
    }

    mutating func createUndefined(_ symbol: ObjectSymbol, file: FileID, isCalledDirectly: Bool) -> SymbolID {
        var flags = symbol.flags
        flags.insert(.undefined)
        // LLVM's reader records an import name only for EXPLICIT_NAME symbols.
        let importName = symbol.hasExplicitImportName ? symbol.importName : nil
        let importModule = symbol.importModule
        if symbol.isLocal {
            var local = LinkSymbol(name: symbol.name, kind: symbol.kind, state: .undefined, flags: flags, file: file,
                                   signature: symbol.signature, importName: importName, importModule: importModule,
                                   isCalledDirectly: isCalledDirectly, referenced: !options.gcSections)
            if case .global(let type) = symbol.type { local.globalType = GlobalTypeInfo(type) }
            if case .table(let type) = symbol.type { local.tableType = type }
            if case .tag(let type) = symbol.type { local.signature = type }
            return newSymbol(local)
        }
        switch symbol.kind {
        case .function:
            return addUndefinedFunction(symbol.name, importName: importName, importModule: importModule, flags: flags,
                                        file: file, signature: symbol.signature, isCalledDirectly: isCalledDirectly)
        case .data, .section:
            return addUndefinedData(symbol.name, flags: flags, file: file)
        case .global:
            var type: GlobalTypeInfo? = nil
            if case .global(let global) = symbol.type { type = GlobalTypeInfo(global) }
            return addUndefinedGlobal(symbol.name, importName: importName, importModule: importModule, flags: flags, file: file, type: type)
        case .table:
            var type: TableType? = nil
            if case .table(let table) = symbol.type { type = table }
            return addUndefinedTable(symbol.name, importName: importName, importModule: importModule, flags: flags, file: file, type: type)
        case .tag:
            var signature: FuncType? = nil
            if case .tag(let tag) = symbol.type { signature = tag }
            return addUndefinedTag(symbol.name, importName: importName, importModule: importModule, flags: flags, file: file, signature: signature)
        }
    }

    /// MVP objects (no table symbols) that import `__indirect_function_table`: lld makes up
    /// the table symbol, always live.
    mutating func addLegacyIndirectFunctionTableIfNeeded(_ id: FileID, object: ObjectFile, tableSymbolCount: Int) {
        let tableImports = object.imports.filter { if case .table = $0.descriptor { return true } else { return false } }
        guard tableSymbolCount == 0, tableImports.count == 1, tableImports[0].name == "__indirect_function_table",
              case .table(let type) = tableImports[0].descriptor else { return }
        let symbol = addUndefinedTable("__indirect_function_table", importName: tableImports[0].name, importModule: tableImports[0].module,
                                       flags: [.undefined, .noStrip], file: id, type: type)
        files[id].symbols.append(symbol)
        markLive(symbol)
    }
}

extension Substring {
    func trimmingCharacters(_ character: Character) -> String {
        var slice = self
        while slice.first == character { slice.removeFirst() }
        while slice.last == character { slice.removeLast() }
        return String(slice)
    }
}

extension FileError {
    /// `No such file or directory`: the strerror text wasm-ld prints.
    var reasonText: String { String(cString: strerror(errno)) }
}
