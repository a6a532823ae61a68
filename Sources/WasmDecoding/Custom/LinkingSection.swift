/// An entry of the `WASM_SYMBOL_TABLE` subsection, as encoded: names of undefined symbols
/// without `EXPLICIT_NAME` are not in it (they come from the import); `ObjectFile` resolves
/// them.
public struct SymbolInfo: SectionItem, Hashable {
    /// Size and alignment of a common data symbol.
    public struct CommonPlacement: Sendable, Hashable {
        public var size: UInt64
        public var alignment: UInt8
    }

    /// Where a defined data symbol lives.
    public struct DataPlacement: Sendable, Hashable {
        public var segment: UInt32
        public var offset: UInt64
        public var size: UInt64
    }

    public var kind: SymbolKind
    public var flags: SymbolFlags
    /// Function/global/tag/table index, or the section index of a section symbol.
    public var index: UInt32?
    /// The name stored in the table, if any.
    public var name: String?
    /// Segment, offset and size of a defined data symbol.
    public var placement: DataPlacement?
    /// Size and log2 alignment of a common data symbol (binding 3, LLVM 23+).
    public var common: CommonPlacement?
    /// Absolute range of the encoded entry.
    public var range: Range<Int>

    public static var minimumEncodedSize: Int { 2 }

    public static func read(from reader: inout BinaryReader) throws(DecodeError) -> SymbolInfo {
        let start = reader.offset
        let rawKind = try reader.readByte("a symbol kind")
        guard let kind = SymbolKind(rawValue: rawKind) else {
            throw .badTag(at: start, value: UInt64(rawKind), "a symbol kind from 0 to 5")
        }
        let flags = SymbolFlags(rawValue: try reader.readVarUInt32("symbol flags"))
        var info = SymbolInfo(kind: kind, flags: flags, index: nil, name: nil, placement: nil, common: nil, range: start..<start)
        switch kind {
        case .function, .global, .tag, .table:
            info.index = try reader.readVarUInt32("a symbol's element index")
            if !flags.isUndefined || flags.contains(.explicitName) {
                info.name = try reader.readName("a symbol name")
            }
        case .data:
            info.name = try reader.readName("a symbol name")
            if flags.binding == .common {
                let size = try reader.readVarUInt64("a common symbol size")
                info.common = CommonPlacement(size: size, alignment: try reader.readByte("a common symbol alignment"))
            } else if !flags.isUndefined {
                let segment = try reader.readVarUInt32("a data segment index")
                let offset = try reader.readVarUInt64("a data symbol offset")
                let size = try reader.readVarUInt64("a data symbol size")
                info.placement = DataPlacement(segment: segment, offset: offset, size: size)
            }
        case .section:
            info.index = try reader.readVarUInt32("a section index")
        }
        info.range = start..<reader.offset
        return info
    }
}

/// `WASM_SEGMENT_INFO` entry: a data segment's name, alignment and flags.
public struct SegmentInfo: SectionItem, Hashable {
    public var name: String
    /// log2 of the alignment.
    public var alignment: UInt32
    /// 1 = STRINGS, 2 = TLS, 4 = RETAIN.
    public var flags: UInt32

    public static var minimumEncodedSize: Int { 3 }
    public var isTLS: Bool { flags & 2 != 0 }
    public var isRetained: Bool { flags & 4 != 0 }

    public static func read(from reader: inout BinaryReader) throws(DecodeError) -> SegmentInfo {
        let name = try reader.readName("a segment name")
        let alignment = try reader.readVarUInt32("a segment alignment")
        return SegmentInfo(name: name, alignment: alignment, flags: try reader.readVarUInt32("segment flags"))
    }
}

/// `WASM_INIT_FUNCS` entry: a constructor and its priority.
public struct InitFunction: SectionItem, Hashable {
    public var priority: UInt32
    public var symbolIndex: UInt32

    public static var minimumEncodedSize: Int { 2 }

    public static func read(from reader: inout BinaryReader) throws(DecodeError) -> InitFunction {
        let priority = try reader.readVarUInt32("an init priority")
        return InitFunction(priority: priority, symbolIndex: try reader.readVarUInt32("an init function symbol index"))
    }
}

/// `WASM_COMDAT_INFO` entry: a named group whose members are kept or dropped together.
public struct Comdat: SectionItem, Hashable {
    public enum MemberKind: UInt32, Sendable, Hashable {
        case data = 0, function, global, tag, table, section
    }

    public struct Member: Sendable, Hashable {
        public var kind: MemberKind
        public var index: UInt32
    }

    public var name: String
    public var flags: UInt32
    public var members: [Member]

    public static var minimumEncodedSize: Int { 3 }

    public static func read(from reader: inout BinaryReader) throws(DecodeError) -> Comdat {
        let name = try reader.readName("a comdat name")
        let flagsOffset = reader.offset
        let flags = try reader.readVarUInt32("comdat flags")
        guard flags == 0 else { throw .badTag(at: flagsOffset, value: UInt64(flags), "comdat flags 0") }
        let count = try reader.readCount(minimumItemSize: 2, "comdat members")
        var members: [Member] = []
        members.reserveCapacity(Int(count))
        for _ in 0..<count {
            let kindOffset = reader.offset
            let rawKind = try reader.readVarUInt32("a comdat member kind")
            guard let kind = MemberKind(rawValue: rawKind) else {
                throw .badTag(at: kindOffset, value: UInt64(rawKind), "a comdat member kind from 0 to 5")
            }
            members.append(Member(kind: kind, index: try reader.readVarUInt32("a comdat member index")))
        }
        return Comdat(name: name, flags: flags, members: members)
    }
}

/// The `linking` custom section (version 2): segment info, init functions, comdats and the
/// symbol table, each decoded only when asked for.
///
/// <https://github.com/WebAssembly/tool-conventions/blob/main/Linking.md>
public struct LinkingSection: Sendable {
    public enum SubsectionID: UInt8, Sendable {
        case segmentInfo = 5, initFunctions = 6, comdatInfo = 7, symbolTable = 8
    }

    public let version: UInt32
    public let subsections: [Subsection]

    public init(_ content: ByteWindow) throws(DecodeError) {
        var reader = content.reader()
        let versionOffset = reader.offset
        version = try insidePayload { () throws(DecodeError) -> UInt32 in try reader.readVarUInt32("a linking section version") }
        guard version == 2 else {
            throw .unsupported(at: versionOffset, "linking section version 2 (found \(version))")
        }
        subsections = try readSubsections(reader.rest, "linking")
    }

    private func subsection(_ id: SubsectionID) -> Subsection? {
        subsections.first { $0.id == id.rawValue }
    }

    /// The symbol table; empty if absent.
    public func symbolTable() throws(DecodeError) -> SectionVector<SymbolInfo>? {
        try subsection(.symbolTable).map { (s) throws(DecodeError) in try SectionVector(s.payload, "symbols") }
    }

    public func segmentInfo() throws(DecodeError) -> [SegmentInfo] {
        try subsection(.segmentInfo).map { (s) throws(DecodeError) in try SectionVector<SegmentInfo>(s.payload, "segment infos").collect() } ?? []
    }

    public func initFunctions() throws(DecodeError) -> [InitFunction] {
        try subsection(.initFunctions).map { (s) throws(DecodeError) in try SectionVector<InitFunction>(s.payload, "init functions").collect() } ?? []
    }

    public func comdats() throws(DecodeError) -> [Comdat] {
        try subsection(.comdatInfo).map { (s) throws(DecodeError) in try SectionVector<Comdat>(s.payload, "comdats").collect() } ?? []
    }

    /// Number of symbols, read from the count alone.
    public func symbolCount() throws(DecodeError) -> Int {
        try symbolTable()?.count ?? 0
    }
}
