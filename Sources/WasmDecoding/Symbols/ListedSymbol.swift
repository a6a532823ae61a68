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

/// Builds `symbols` rows from inputs.
public enum SymbolListing {
    /// Every symbol of `file`: an object's symbol table, each wasm member of an archive, or a
    /// linked module's imports, exports and named functions. Non-wasm archive members are
    /// skipped (the `sections` listing shows them).
    public static func symbols(of file: InputFile) throws(InputError) -> [ListedSymbol] {
        try file.decode { (window) throws(DecodeError) -> [ListedSymbol] in
            switch file.kind {
            case .object:
                return rows(object: try ObjectFile(try WasmBinary(window)), input: file.path, member: nil)
            case .module:
                return try rows(module: try WasmBinary(window), input: file.path, member: nil)
            case .archive:
                var result: [ListedSymbol] = []
                for member in try Archive(window).members {
                    switch member.kind {
                    case .object: result += rows(object: try member.object(), input: file.path, member: member.name)
                    case .module:
                        do throws(DecodeError) {
                            result += try rows(module: try member.binary(), input: file.path, member: member.name)
                        } catch {
                            throw error.inMember(member.location)
                        }
                    default: continue
                    }
                }
                return result
            case .component:
                return []
            default:
                _ = try WasmBinary(window)        // reports why the bytes are not a binary
                return []
            }
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

    /// Rows for a linked module: imports (undefined), then defined functions, globals,
    /// tables and tags that an export or the name section names.
    public static func rows(module binary: WasmBinary, input: String, member: String?) throws(DecodeError) -> [ListedSymbol] {
        let types = try binary.types()
        func signature(_ index: UInt32) -> String? {
            Int(index) < types.count ? types[Int(index)].functionType?.description : nil
        }
        var rows: [ListedSymbol] = []
        var importedCounts: [ExternalKind: Int] = [:]
        try binary.importSection()?.forEach { entry in
            importedCounts[entry.descriptor.kind, default: 0] += 1
            let kind: SymbolKind
            let type: String?
            switch entry.descriptor {
            case .function(let typeIndex): kind = .function; type = signature(typeIndex)
            case .global(let global): kind = .global; type = global.description
            case .table(let table): kind = .table; type = table.description
            case .tag(let tag): kind = .tag; type = signature(tag.typeIndex)
            case .memory: return
            }
            rows.append(ListedSymbol(
                input: input, member: member, name: entry.name, kind: kind, defined: false, binding: .global,
                visibility: .default, flags: [], importModule: entry.module, importName: entry.name, type: type,
                entryRange: entry.range))
        }

        struct Key: Hashable { var kind: ExternalKind; var index: UInt32 }
        var exported: [Key: Export] = [:]
        var order: [Key] = []
        try binary.exportSection()?.forEach { entry in
            let key = Key(kind: entry.kind, index: entry.index)
            if exported[key] == nil { exported[key] = entry; order.append(key) }
        }
        var named: [Key: (name: String, range: Range<Int>)] = [:]
        if let names = try binary.nameSection() {
            for (kind, nameKind) in [(ExternalKind.function, NameSection.Kind.function), (.global, .global), (.table, .table), (.tag, .tag)] {
                try names.nameMap(nameKind)?.forEach { association in
                    let key = Key(kind: kind, index: association.index)
                    guard association.index >= UInt32(importedCounts[kind] ?? 0) else { return }
                    if named[key] == nil {
                        named[key] = (association.name, 0..<0)
                        if exported[key] == nil { order.append(key) }
                    }
                }
            }
        }
        let functionTypes = try binary.functionSection()?.collect() ?? []
        let globals = try binary.globalSection()?.collect() ?? []
        for key in order where key.kind != .memory {
            let export = exported[key]
            let kind: SymbolKind
            var type: String? = nil
            let local = Int(key.index) - (importedCounts[key.kind] ?? 0)
            switch key.kind {
            case .function:
                kind = .function
                if local >= 0, local < functionTypes.count { type = signature(functionTypes[local]) }
            case .global:
                kind = .global
                if local >= 0, local < globals.count { type = globals[local].type.description }
            case .table: kind = .table
            case .tag: kind = .tag
            case .memory: continue
            }
            let name = named[key]?.name ?? export?.name ?? ""
            rows.append(ListedSymbol(
                input: input, member: member, name: name, kind: kind, defined: local >= 0,
                binding: export == nil ? .local : .global, visibility: .default, flags: export == nil ? [] : ["exported"],
                type: type, entryRange: export?.range ?? named[key]?.range ?? 0..<0))
        }
        return rows
    }
}
