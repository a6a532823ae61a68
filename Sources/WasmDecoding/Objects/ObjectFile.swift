/// A relocatable object (a module with a `linking` section) seen as the linker sees it:
/// symbols with names, imports and types resolved, relocations grouped by the section they
/// patch, and the chunks (function bodies, data segments) a relocation offset falls in.
///
/// The symbol table, imports, types and segment info are decoded when the object is made
/// (they are small); function bodies and relocation entries are decoded on request.
/// Every index a symbol or relocation carries is checked against what it indexes, so later
/// stages can index without checks.
/// Spec: <https://github.com/WebAssembly/tool-conventions/blob/main/Linking.md>
public struct ObjectFile: Sendable {
    public let binary: WasmBinary
    public let linking: LinkingSection
    public let symbols: [ObjectSymbol]
    public let imports: [Import]
    /// Function types, recursion groups flattened.
    public let types: [SubType]
    /// Type index of each defined function (the function section).
    public let functionTypeIndices: [UInt32]
    public let importedFunctionCount: Int
    public let importedGlobalCount: Int
    public let importedTableCount: Int
    public let importedTagCount: Int
    public let segmentInfo: [SegmentInfo]
    public let initFunctions: [InitFunction]
    public let comdats: [Comdat]

    /// Decodes the object's symbol view from a walked binary.
    /// - Throws: `DecodeError` when the binary has no `linking` section, or when a symbol's
    ///   index is outside what it refers to.
    public init(_ binary: WasmBinary) throws(DecodeError) {
        guard let linking = try binary.linkingSection() else {
            throw .malformed(at: binary.window.absoluteStart, "a relocatable object (a module with a linking section)")
        }
        self.binary = binary
        self.linking = linking
        let types = try binary.types()
        self.types = types
        let imports = try binary.importSection()?.collect() ?? []
        self.imports = imports
        functionTypeIndices = try binary.functionSection()?.collect() ?? []
        // As LLVM's object reader does ("function and code sections have inconsistent
        // lengths"): later stages index bodies by function index.
        let bodyCount = try binary.codeSection()?.count ?? 0
        guard bodyCount == functionTypeIndices.count else {
            let at = binary.section(.code)?.content.absoluteStart ?? binary.section(.function)?.header.headerOffset ?? 0
            throw .malformed(at: at, "as many function bodies as the \(functionTypeIndices.count) functions of the function section (found \(bodyCount))")
        }
        let globals = try binary.globalSection()?.collect() ?? []
        let tables = try binary.tableSection()?.collect() ?? []
        let tags = try binary.tagSection()?.collect() ?? []
        segmentInfo = try linking.segmentInfo()
        initFunctions = try linking.initFunctions()
        comdats = try linking.comdats()

        var functionImports: [Import] = [], globalImports: [Import] = [], tableImports: [Import] = [], tagImports: [Import] = []
        for entry in imports {
            switch entry.descriptor {
            case .function: functionImports.append(entry)
            case .global: globalImports.append(entry)
            case .table: tableImports.append(entry)
            case .tag: tagImports.append(entry)
            case .memory: break
            }
        }
        importedFunctionCount = functionImports.count
        importedGlobalCount = globalImports.count
        importedTableCount = tableImports.count
        importedTagCount = tagImports.count

        let segmentCount = try binary.dataSection()?.count ?? 0
        var resolver = SymbolResolver(
            types: types, functionImports: functionImports, globalImports: globalImports, tableImports: tableImports,
            tagImports: tagImports, functionTypeIndices: functionTypeIndices, globals: globals.map(\.type),
            tables: tables.map(\.type), tags: tags, sections: binary.sections.map(\.header), segmentCount: segmentCount)
        var symbols: [ObjectSymbol] = []
        if let table = try linking.symbolTable() {
            symbols.reserveCapacity(reservation(table.count))
            var iterator = table.makeIterator()
            while let info = try iterator.next() {
                symbols.append(try resolver.resolve(info, index: symbols.count))
            }
        }
        self.symbols = symbols
        try Self.checkReferences(initFunctions: initFunctions, comdats: comdats, symbolCount: symbols.count, linking: linking)
    }

    private static func checkReferences(initFunctions: [InitFunction], comdats: [Comdat], symbolCount: Int, linking: LinkingSection) throws(DecodeError) {
        for function in initFunctions where Int(function.symbolIndex) >= symbolCount {
            let offset = linking.subsections.first { $0.id == LinkingSection.SubsectionID.initFunctions.rawValue }?.offset ?? 0
            throw .malformed(at: offset, "init function symbol index \(function.symbolIndex) below the symbol count \(symbolCount)")
        }
    }

    // MARK: chunks

    /// The code section's header, if any.
    public var codeSection: SectionHeader? { binary.section(.code)?.header }
    /// The data section's header, if any.
    public var dataSection: SectionHeader? { binary.section(.data)?.header }

    /// Function bodies in order (defined function `i` has index `importedFunctionCount + i`).
    public func functionBodies() throws(DecodeError) -> [FunctionBody] {
        try binary.codeSection()?.collect() ?? []
    }

    /// Data segments in order.
    public func dataSegments() throws(DecodeError) -> [DataSegment] {
        try binary.dataSection()?.collect() ?? []
    }

    // MARK: relocations

    /// A `reloc.*` section and the section it patches.
    public struct RelocationGroup: Sendable {
        /// The `reloc.*` section itself.
        public var section: Section
        /// The section the entries patch.
        public var target: SectionHeader
        public var relocations: RelocationSection
    }

    /// The relocation sections, each with its target.
    /// - Throws: when a target index is not a section of this object.
    public func relocationGroups() throws(DecodeError) -> [RelocationGroup] {
        try binary.relocationSections().map { (pair) throws(DecodeError) -> RelocationGroup in
            let index = Int(pair.relocations.targetSectionIndex)
            guard index < binary.sections.count else {
                throw .malformed(at: pair.relocations.offset, "a relocation target section index below \(binary.sections.count) (found \(index))")
            }
            return RelocationGroup(section: pair.section, target: binary.sections[index].header, relocations: pair.relocations)
        }
    }

    /// Every entry of `group`, each checked: a symbol index inside the symbol table (a type
    /// index inside the type section for `R_WASM_TYPE_INDEX_LEB`) and a patched field inside
    /// the target section.
    public func relocations(in group: RelocationGroup) throws(DecodeError) -> [Relocation] {
        let targetSize = group.target.contentRange.count
        var result: [Relocation] = []
        result.reserveCapacity(reservation(group.relocations.entries.count))
        var iterator = group.relocations.entries.makeIterator()
        while let entry = try iterator.next() {
            let limit = entry.type.refersToSymbol ? symbols.count : types.count
            guard Int(entry.index) < limit else {
                throw .malformed(at: entry.entryOffset, "a relocation \(entry.type.refersToSymbol ? "symbol" : "type") index below \(limit) (found \(entry.index))")
            }
            guard Int(entry.offset) + entry.type.patchSize <= targetSize else {
                throw .malformed(at: entry.entryOffset, "a relocation offset inside \(group.target.displayName) (\(targetSize) bytes; found 0x\(String(entry.offset, radix: 16)))")
            }
            result.append(entry)
        }
        return result
    }

    /// Decodes and checks every relocation of every group, as wasm-ld and llvm-nm do when they
    /// load an object: the listings call it so that an object a linker would reject is not
    /// listed as if it were sound.
    public func checkRelocations() throws(DecodeError) {
        for group in try relocationGroups() {
            _ = try relocations(in: group)
        }
    }
}

/// Fills in names and types of symbol-table entries, checking every index.
private struct SymbolResolver {
    let types: [SubType]
    let functionImports: [Import]
    let globalImports: [Import]
    let tableImports: [Import]
    let tagImports: [Import]
    let functionTypeIndices: [UInt32]
    let globals: [GlobalType]
    let tables: [TableType]
    let tags: [TagType]
    let sections: [SectionHeader]
    let segmentCount: Int

    init(types: [SubType], functionImports: [Import], globalImports: [Import], tableImports: [Import], tagImports: [Import],
         functionTypeIndices: [UInt32], globals: [GlobalType], tables: [TableType], tags: [TagType],
         sections: [SectionHeader], segmentCount: Int) {
        self.types = types
        self.functionImports = functionImports
        self.globalImports = globalImports
        self.tableImports = tableImports
        self.tagImports = tagImports
        self.functionTypeIndices = functionTypeIndices
        self.globals = globals
        self.tables = tables
        self.tags = tags
        self.sections = sections
        self.segmentCount = segmentCount
    }

    func functionType(_ index: UInt32) -> FuncType? {
        Int(index) < types.count ? types[Int(index)].functionType : nil
    }

    mutating func resolve(_ info: SymbolInfo, index: Int) throws(DecodeError) -> ObjectSymbol {
        var symbol = ObjectSymbol(
            index: index, kind: info.kind, flags: info.flags, name: info.name ?? "", elementIndex: info.index,
            importModule: nil, importName: nil, type: nil, placement: info.placement, entryRange: info.range)
        let at = info.range.lowerBound
        switch info.kind {
        case .function, .global, .table, .tag:
            let element = Int(info.index ?? 0)
            let imported: [Import]
            let definedCount: Int
            switch info.kind {
            case .function: imported = functionImports; definedCount = functionTypeIndices.count
            case .global: imported = globalImports; definedCount = globals.count
            case .table: imported = tableImports; definedCount = tables.count
            default: imported = tagImports; definedCount = tags.count
            }
            if info.flags.isUndefined {
                guard element < imported.count else {
                    throw .malformed(at: at, "an undefined \(info.kind) symbol to name one of the \(imported.count) \(info.kind) imports (index \(element))")
                }
                let entry = imported[element]
                symbol.importModule = entry.module
                symbol.importName = entry.name
                if info.name == nil { symbol.name = entry.name }
                switch entry.descriptor {
                case .function(let typeIndex): symbol.type = functionType(typeIndex).map { .function($0) }
                case .global(let type): symbol.type = .global(type)
                case .table(let type): symbol.type = .table(type)
                case .tag(let tag): symbol.type = functionType(tag.typeIndex).map { .tag($0) }
                case .memory: break
                }
            } else {
                let local = element - imported.count
                guard element >= imported.count, local < definedCount else {
                    throw .malformed(at: at, "a defined \(info.kind) symbol to name one of the \(definedCount) defined \(info.kind)s (index \(element), \(imported.count) imported)")
                }
                switch info.kind {
                case .function: symbol.type = functionType(functionTypeIndices[local]).map { .function($0) }
                case .global: symbol.type = .global(globals[local])
                case .table: symbol.type = .table(tables[local])
                default: symbol.type = functionType(tags[local].typeIndex).map { .tag($0) }
                }
            }
        case .data:
            if let placement = info.placement, !info.flags.contains(.absolute) {
                guard Int(placement.segment) < segmentCount else {
                    throw .malformed(at: at, "a data symbol segment index below \(segmentCount) (found \(placement.segment))")
                }
            }
        case .section:
            let section = Int(info.index ?? 0)
            guard section < sections.count else {
                throw .malformed(at: at, "a section symbol to name one of the \(sections.count) sections (index \(section))")
            }
            symbol.name = sections[section].name ?? sections[section].id.llvmName
        }
        return symbol
    }
}
