/// One row of the `symbols` listing: a symbol of an object, or for a linked module an
/// import (its undefined interface) or a defined function/global/table/tag named by its
/// exports or name section.
public struct ListedSymbol: Sendable, Hashable {
    public var input: String
    /// Archive member, nil outside archives.
    public var member: String?
    public var name: String
    public var kind: SymbolKind
    public var defined: Bool
    public var binding: SymbolBinding
    public var visibility: SymbolVisibility
    /// `exported`, `explicit_name`, `no_strip`, `tls`, `absolute`, …
    public var flags: [String]
    public var importModule: String?
    public var importName: String?
    /// Segment, offset and size of a defined data symbol.
    public var placement: SymbolInfo.DataPlacement?
    /// Signature or type, when known.
    public var type: String?
    /// Absolute range of the entry the row was decoded from.
    public var entryRange: Range<Int>

    public init(input: String, member: String?, name: String, kind: SymbolKind, defined: Bool, binding: SymbolBinding,
                visibility: SymbolVisibility, flags: [String], importModule: String? = nil, importName: String? = nil,
                placement: SymbolInfo.DataPlacement? = nil, type: String? = nil, entryRange: Range<Int>) {
        self.input = input
        self.member = member
        self.name = name
        self.kind = kind
        self.defined = defined
        self.binding = binding
        self.visibility = visibility
        self.flags = flags
        self.importModule = importModule
        self.importName = importName
        self.placement = placement
        self.type = type
        self.entryRange = entryRange
    }
}

/// Builds `symbols` rows from inputs, one at a time, so a listing of 100,000 names can be
/// written as it is decoded instead of being held in memory.
public enum SymbolListing {
    /// Every symbol of `file`, collected.
    public static func symbols(of file: InputFile, withTypes: Bool = true) throws(InputError) -> [ListedSymbol] {
        var rows: [ListedSymbol] = []
        try visit(file, withTypes: withTypes) { rows.append($0) }
        return rows
    }

    /// Calls `body` with every symbol of `file`: an object's symbol table (its relocations
    /// checked first, as a linker would), each wasm member of an archive, or a linked module's
    /// imports and named or exported functions, globals, tables and tags. Non-wasm archive
    /// members are skipped (the `sections` listing shows them). `withTypes: false` skips
    /// rendering signatures, which text listings do not show.
    /// `withNames: false` leaves the names of a module's defined elements empty without
    /// decoding them (a measuring pass that only needs the other columns). An archive's
    /// members are decoded through `work` (on every core, when it spreads them); their rows
    /// still come out in member order.
    public static func visit(_ file: InputFile, withTypes: Bool = true, withNames: Bool = true, work: any ParallelWork = InOrder(),
                             _ body: (ListedSymbol) -> Void) throws(InputError) {
        try file.decode { (window) throws(DecodeError) in
            switch file.kind {
            case .object:
                let object = try ObjectFile(try WasmBinary(window))
                try object.checkRelocations()
                rows(object: object, input: file.path, member: nil).forEach(body)
            case .module:
                try visit(module: try WasmBinary(window), input: file.path, member: nil, withTypes: withTypes, withNames: withNames, body)
            case .archive:
                let members = try Archive(window).members.filter(\.hasWasmMagic)
                let path = file.path
                try work.forEach(members, transform: { member in
                    Result { () throws(DecodeError) in try rows(member: member, input: path, withTypes: withTypes, withNames: withNames) }
                }, consume: { (rows) throws(DecodeError) in
                    try rows.get().forEach(body)
                })
            case .component:
                return
            default:
                _ = try WasmBinary(window)        // reports why the bytes are not a binary
            }
        }
    }

    /// Rows for one archive member: an object's symbol table (relocations checked), a module's
    /// symbols, nothing for a component.
    static func rows(member: ArchiveMember, input: String, withTypes: Bool, withNames: Bool) throws(DecodeError) -> [ListedSymbol] {
        let binary = try member.binary()
        if binary.isComponent { return [] }
        do throws(DecodeError) {
            if binary.isRelocatable {
                let object = try member.object(from: binary)
                try object.checkRelocations()
                return rows(object: object, input: input, member: member.name)
            }
            var rows: [ListedSymbol] = []
            try visit(module: binary, input: input, member: member.name, withTypes: withTypes, withNames: withNames) { rows.append($0) }
            return rows
        } catch {
            throw error.inMember(member.location)
        }
    }

    /// Rows for a relocatable object's symbol table, in table order.
    public static func rows(object: ObjectFile, input: String, member: String?) -> [ListedSymbol] {
        object.symbols.map { symbol in
            ListedSymbol(
                input: input, member: member, name: symbol.name, kind: symbol.kind, defined: symbol.isDefined,
                binding: symbol.binding, visibility: symbol.visibility, flags: symbol.flags.names,
                importModule: symbol.importModule, importName: symbol.importName, placement: symbol.placement,
                type: symbol.typeDescription, entryRange: symbol.entryRange)
        }
    }

    /// Rows for a linked module, collected.
    public static func rows(module binary: WasmBinary, input: String, member: String?) throws(DecodeError) -> [ListedSymbol] {
        var rows: [ListedSymbol] = []
        try visit(module: binary, input: input, member: member, withTypes: true) { rows.append($0) }
        return rows
    }

    /// A linked module's symbols: imports (undefined) first; then per kind (function,
    /// global, table, tag) the defined elements the name section names, in its order, and
    /// the exported ones it does not name. Exported elements have global binding, the others
    /// local. Names of out-of-range or repeated indices are ignored.
    public static func visit(module binary: WasmBinary, input: String, member: String?, withTypes: Bool,
                             withNames: Bool = true, _ body: (ListedSymbol) -> Void) throws(DecodeError) {
        let types = withTypes ? try binary.types() : []
        func signature(_ index: UInt32) -> String? {
            Int(index) < types.count ? types[Int(index)].functionType?.description : nil
        }
        var imported: [ExternalKind: Int] = [:]
        try binary.importSection()?.forEach { entry in
            imported[entry.descriptor.kind, default: 0] += 1
            let kind: SymbolKind
            var type: String? = nil
            switch entry.descriptor {
            case .function(let typeIndex): kind = .function; type = signature(typeIndex)
            case .global(let global): kind = .global; type = global.description
            case .table(let table): kind = .table; type = table.description
            case .tag(let tag): kind = .tag; type = signature(tag.typeIndex)
            case .memory: return
            }
            body(ListedSymbol(
                input: input, member: member, name: entry.name, kind: kind, defined: false, binding: .global,
                visibility: .default, flags: [], importModule: entry.module, importName: entry.name,
                type: withTypes ? type : nil, entryRange: entry.range))
        }
        var exports: [ExternalKind: [UInt32: Export]] = [:]
        try binary.exportSection()?.forEach { entry in
            if exports[entry.kind]?[entry.index] == nil { exports[entry.kind, default: [:]][entry.index] = entry }
        }
        let functionTypes = try binary.functionSection()?.collect() ?? []
        let globals = withTypes ? try binary.globalSection()?.collect() ?? [] : []
        let names = try binary.nameSection()
        let definedCounts: [ExternalKind: Int] = [
            .function: functionTypes.count,
            .global: try binary.globalSection()?.count ?? 0,
            .table: try binary.tableSection()?.count ?? 0,
            .tag: try binary.tagSection()?.count ?? 0,
        ]
        let kinds: [(ExternalKind, SymbolKind, NameSection.Kind)] = [
            (.function, .function, .function), (.global, .global, .global), (.table, .table, .table), (.tag, .tag, .tag),
        ]
        for (external, kind, nameKind) in kinds {
            let importCount = imported[external] ?? 0
            let total = importCount + (definedCounts[external] ?? 0)
            let kindExports = exports[external] ?? [:]
            var listed = [Bool](repeating: false, count: total)
            func emit(index: UInt32, name: String, range: Range<Int>) {
                let element = Int(index)
                guard element >= importCount, element < total, !listed[element] else { return }
                listed[element] = true
                let export = kindExports[index]
                var type: String? = nil
                if withTypes {
                    let local = element - importCount
                    if external == .function { type = signature(functionTypes[local]) }
                    if external == .global, local < globals.count { type = globals[local].type.description }
                }
                body(ListedSymbol(
                    input: input, member: member, name: name, kind: kind, defined: true,
                    binding: export == nil ? .local : .global, visibility: .default,
                    flags: export == nil ? [] : ["exported"], type: type, entryRange: export?.range ?? range))
            }
            if withNames {
                try names?.nameMap(nameKind)?.forEach { association in
                    emit(index: association.index, name: association.name, range: 0..<0)
                }
            } else {
                try names?.nameIndices(nameKind)?.forEach { entry in emit(index: entry.index, name: "", range: 0..<0) }
            }
            for export in kindExports.values.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
                emit(index: export.index, name: export.name, range: export.range)
            }
        }
    }
}
