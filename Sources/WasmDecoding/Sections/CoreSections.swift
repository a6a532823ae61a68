// The items of the standard sections. Each is a value decoded from one vector entry; the
// section readers are `SectionVector`s of these, so nothing is decoded until iterated.

/// Kinds of imports and exports.
public enum ExternalKind: UInt8, Sendable, Hashable, CustomStringConvertible {
    case function = 0, table, memory, global, tag

    public var description: String {
        switch self {
        case .function: "func"
        case .table: "table"
        case .memory: "memory"
        case .global: "global"
        case .tag: "tag"
        }
    }
}

/// An entry of the import section.
/// Spec: <https://webassembly.github.io/spec/core/binary/modules.html#import-section>
public struct Import: SectionItem, Hashable {
    /// What is imported, with its type.
    public enum Descriptor: Sendable, Hashable {
        case function(typeIndex: UInt32)
        case table(TableType)
        case memory(MemoryType)
        case global(GlobalType)
        case tag(TagType)

        public var kind: ExternalKind {
            switch self {
            case .function: .function
            case .table: .table
            case .memory: .memory
            case .global: .global
            case .tag: .tag
            }
        }
    }

    public var module: String
    public var name: String
    public var descriptor: Descriptor
    /// Absolute range of the encoded entry.
    public var range: Range<Int>

    public static var minimumEncodedSize: Int { 4 }

    public static func read(from reader: inout BinaryReader) throws(DecodeError) -> Import {
        let start = reader.offset
        let module = try reader.readName("an import module name")
        let name = try reader.readName("an import field name")
        let kindOffset = reader.offset
        let kind = try reader.readByte("an import kind")
        let descriptor: Descriptor
        switch kind {
        case 0: descriptor = .function(typeIndex: try reader.readVarUInt32("a type index"))
        case 1: descriptor = .table(try reader.readTableType())
        case 2: descriptor = .memory(try reader.readMemoryType())
        case 3: descriptor = .global(try reader.readGlobalType())
        case 4: descriptor = .tag(try reader.readTagType())
        default: throw .badTag(at: kindOffset, value: UInt64(kind), "an import kind from 0 to 4")
        }
        return Import(module: module, name: name, descriptor: descriptor, range: start..<reader.offset)
    }
}

/// An entry of the export section.
/// Spec: <https://webassembly.github.io/spec/core/binary/modules.html#export-section>
public struct Export: SectionItem, Hashable {
    public var name: String
    public var kind: ExternalKind
    public var index: UInt32
    public var range: Range<Int>

    public static var minimumEncodedSize: Int { 3 }

    public static func read(from reader: inout BinaryReader) throws(DecodeError) -> Export {
        let start = reader.offset
        let name = try reader.readName("an export name")
        let kindOffset = reader.offset
        let rawKind = try reader.readByte("an export kind")
        guard let kind = ExternalKind(rawValue: rawKind) else {
            throw .badTag(at: kindOffset, value: UInt64(rawKind), "an export kind from 0 to 4")
        }
        let index = try reader.readVarUInt32("an export index")
        return Export(name: name, kind: kind, index: index, range: start..<reader.offset)
    }
}

/// An entry of the type section.
extension SubType: SectionItem {
    public static func read(from reader: inout BinaryReader) throws(DecodeError) -> SubType {
        try reader.readSubType()
    }
}

/// A recursion group of the type section (GC); a plain function type is a group of one.
/// Spec: <https://webassembly.github.io/spec/core/binary/types.html#recursive-types>
public struct RecGroup: SectionItem, Hashable {
    public var types: [SubType]

    public static func read(from reader: inout BinaryReader) throws(DecodeError) -> RecGroup {
        if reader.peekByte() == 0x4e {
            _ = try reader.readByte()
            let count = try reader.readCount("types in a recursion group")
            var types: [SubType] = []
            types.reserveCapacity(reservation(count))
            for _ in 0..<count { types.append(try reader.readSubType()) }
            return RecGroup(types: types)
        }
        return RecGroup(types: [try reader.readSubType()])
    }
}

/// An entry of the table section.
/// Spec: <https://webassembly.github.io/spec/core/binary/modules.html#table-section>
public struct TableEntry: SectionItem, Hashable {
    public var type: TableType
    /// The initialiser of the function-references form (`0x40 0x00 tabletype expr`).
    public var initializer: ConstExpr?

    public static var minimumEncodedSize: Int { 2 }

    public static func read(from reader: inout BinaryReader) throws(DecodeError) -> TableEntry {
        if reader.peekByte() == 0x40 {
            _ = try reader.readByte()
            let reservedOffset = reader.offset
            let reserved = try reader.readByte("a reserved byte")
            guard reserved == 0 else { throw .badTag(at: reservedOffset, value: UInt64(reserved), "0x00 after 0x40 in a table") }
            let type = try reader.readTableType()
            return TableEntry(type: type, initializer: try ConstExpr.read(from: &reader))
        }
        return TableEntry(type: try reader.readTableType(), initializer: nil)
    }
}

/// Spec: <https://webassembly.github.io/spec/core/binary/modules.html#memory-section>
extension MemoryType: SectionItem {
    public static var minimumEncodedSize: Int { 2 }
    public static func read(from reader: inout BinaryReader) throws(DecodeError) -> MemoryType {
        try reader.readMemoryType()
    }
}

/// Spec: <https://webassembly.github.io/exception-handling/core/binary/modules.html#tag-section>
extension TagType: SectionItem {
    public static var minimumEncodedSize: Int { 2 }
    public static func read(from reader: inout BinaryReader) throws(DecodeError) -> TagType {
        try reader.readTagType()
    }
}

/// An entry of the global section.
/// Spec: <https://webassembly.github.io/spec/core/binary/modules.html#global-section>
public struct Global: SectionItem, Hashable {
    public var type: GlobalType
    public var initializer: ConstExpr

    public static var minimumEncodedSize: Int { 3 }

    public static func read(from reader: inout BinaryReader) throws(DecodeError) -> Global {
        let type = try reader.readGlobalType()
        return Global(type: type, initializer: try ConstExpr.read(from: &reader))
    }
}

/// One function body of the code section: only where it is. Bodies are never decoded
/// (listing symbols must not depend on knowing every opcode).
/// Spec: <https://webassembly.github.io/spec/core/binary/modules.html#code-section>
public struct FunctionBody: SectionItem, Hashable {
    /// Absolute offset of the body's size field.
    public var sizeOffset: Int
    /// Absolute range of the body (locals and instructions).
    public var range: Range<Int>

    public static func read(from reader: inout BinaryReader) throws(DecodeError) -> FunctionBody {
        let sizeOffset = reader.offset
        let body = try reader.readSizedWindow("a function body")
        return FunctionBody(sizeOffset: sizeOffset, range: body.absoluteRange)
    }
}

/// An entry of the data section.
/// Spec: <https://webassembly.github.io/spec/core/binary/modules.html#data-section>
public struct DataSegment: SectionItem, Hashable {
    public enum Mode: Sendable, Hashable {
        case active(memory: UInt32, offset: ConstExpr)
        case passive
    }

    public var mode: Mode
    /// Absolute range of the segment's bytes.
    public var dataRange: Range<Int>
    /// Absolute range of the whole entry.
    public var range: Range<Int>

    public static func read(from reader: inout BinaryReader) throws(DecodeError) -> DataSegment {
        let start = reader.offset
        let flags = try reader.readVarUInt32("data segment flags")
        let mode: Mode
        switch flags {
        case 0: mode = .active(memory: 0, offset: try ConstExpr.read(from: &reader))
        case 1: mode = .passive
        case 2:
            let memory = try reader.readVarUInt32("a memory index")
            mode = .active(memory: memory, offset: try ConstExpr.read(from: &reader))
        default: throw .badTag(at: start, value: UInt64(flags), "data segment flags 0, 1 or 2")
        }
        let bytes = try reader.readSizedWindow("data segment bytes")
        return DataSegment(mode: mode, dataRange: bytes.absoluteRange, range: start..<reader.offset)
    }
}

/// An entry of the element section (all eight encodings).
/// Spec: <https://webassembly.github.io/spec/core/binary/modules.html#element-section>
public struct ElementSegment: SectionItem, Hashable {
    public enum Mode: Sendable, Hashable {
        case active(table: UInt32, offset: ConstExpr)
        case passive
        case declarative
    }

    public var mode: Mode
    public var elementType: RefType
    /// Function indices (encodings 0–3) or nil when the items are expressions.
    public var functionIndices: [UInt32]?
    /// Number of items.
    public var itemCount: Int
    public var range: Range<Int>

    public static func read(from reader: inout BinaryReader) throws(DecodeError) -> ElementSegment {
        let start = reader.offset
        let flags = try reader.readVarUInt32("element segment flags")
        guard flags <= 7 else { throw .badTag(at: start, value: UInt64(flags), "element segment flags from 0 to 7") }
        let usesExpressions = flags & 4 != 0
        var mode: Mode
        if flags & 1 == 0 {
            let table = flags & 2 != 0 ? try reader.readVarUInt32("a table index") : 0
            mode = .active(table: table, offset: try ConstExpr.read(from: &reader))
        } else {
            mode = flags & 2 != 0 ? .declarative : .passive
        }
        var elementType = RefType.funcref
        if flags & 3 != 0 {
            if usesExpressions {
                elementType = try reader.readRefType()
            } else {
                let kindOffset = reader.offset
                let kind = try reader.readByte("an element kind")
                guard kind == 0 else { throw .badTag(at: kindOffset, value: UInt64(kind), "element kind 0 (funcref)") }
            }
        }
        let count = Int(try reader.readCount(usesExpressions ? "element expressions" : "element function indices"))
        if usesExpressions {
            for _ in 0..<count { _ = try ConstExpr.read(from: &reader) }
            return ElementSegment(mode: mode, elementType: elementType, functionIndices: nil, itemCount: count, range: start..<reader.offset)
        }
        var indices: [UInt32] = []
        indices.reserveCapacity(reservation(count))
        for _ in 0..<count { indices.append(try reader.readVarUInt32("a function index")) }
        return ElementSegment(mode: mode, elementType: elementType, functionIndices: indices, itemCount: count, range: start..<reader.offset)
    }
}
