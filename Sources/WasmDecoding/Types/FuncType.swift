/// A function signature.
/// Spec: <https://webassembly.github.io/spec/core/binary/types.html#function-types>
public struct FuncType: Sendable, Hashable, CustomStringConvertible {
    public var params: [ValueType]
    public var results: [ValueType]

    public init(params: [ValueType], results: [ValueType]) {
        self.params = params
        self.results = results
    }

    /// wasm-ld's spelling: `(i32, i32) -> i32`, `() -> void`.
    public var description: String {
        let parameters = "(" + params.map(\.description).joined(separator: ", ") + ")"
        let result: String
        switch results.count {
        case 0: result = "void"
        case 1: result = results[0].description
        default: result = "(" + results.map(\.description).joined(separator: ", ") + ")"
        }
        return parameters + " -> " + result
    }
}

/// One entry of the type section. Only function types matter to linking; GC struct and
/// array types are decoded far enough to keep the type indices right.
public enum CompositeType: Sendable, Hashable {
    case function(FuncType)
    case structure(fieldCount: Int)
    case array
}

/// A type-section entry with the subtyping wrapper of the GC proposal flattened away.
/// Spec: <https://webassembly.github.io/spec/core/binary/types.html#recursive-types>
public struct SubType: Sendable, Hashable {
    public var isFinal: Bool
    public var supertypes: [UInt32]
    public var composite: CompositeType
    /// Absolute offset of the entry.
    public var offset: Int

    /// The function signature, if this is a function type.
    public var functionType: FuncType? {
        if case .function(let type) = composite { return type }
        return nil
    }
}

/// Limits of a memory or table: `flags` bit 0 has-max, bit 1 shared, bit 2 64-bit.
/// Spec: <https://webassembly.github.io/spec/core/binary/types.html#limits>
public struct Limits: Sendable, Hashable, CustomStringConvertible {
    public var minimum: UInt64
    public var maximum: UInt64?
    public var shared: Bool
    public var is64: Bool

    public init(minimum: UInt64, maximum: UInt64? = nil, shared: Bool = false, is64: Bool = false) {
        self.minimum = minimum
        self.maximum = maximum
        self.shared = shared
        self.is64 = is64
    }

    /// `1`, `1..16`, `1..16 shared`, `i64 1`.
    public var description: String {
        var text = is64 ? "i64 " : ""
        text += String(minimum)
        if let maximum { text += ".." + String(maximum) }
        if shared { text += " shared" }
        return text
    }
}

/// A table type.
/// Spec: <https://webassembly.github.io/spec/core/binary/types.html#table-types>
public struct TableType: Sendable, Hashable, CustomStringConvertible {
    public var elementType: RefType
    public var limits: Limits
    public var description: String { "\(elementType) \(limits)" }
}

/// A memory type.
/// Spec: <https://webassembly.github.io/spec/core/binary/types.html#memory-types>
public struct MemoryType: Sendable, Hashable, CustomStringConvertible {
    public var limits: Limits
    public var description: String { "memory \(limits)" }
}

/// A global type.
/// Spec: <https://webassembly.github.io/spec/core/binary/types.html#global-types>
public struct GlobalType: Sendable, Hashable, CustomStringConvertible {
    public var valueType: ValueType
    public var mutable: Bool
    /// `i32`, `mut i32`.
    public var description: String { mutable ? "mut \(valueType)" : valueType.description }
}

/// A tag type: an attribute (0 = exception) and a function type index.
public struct TagType: Sendable, Hashable {
    public var attribute: UInt8
    public var typeIndex: UInt32
}

extension BinaryReader {
    mutating func readLimits(_ what: StaticString) throws(DecodeError) -> Limits {
        let flagsOffset = offset
        let flags = try readByte(what)
        guard flags & ~0x0f == 0 else { throw .badTag(at: flagsOffset, value: UInt64(flags), "limits flags") }
        let is64 = flags & 0x04 != 0
        let minimum = is64 ? try readVarUInt64("a minimum") : UInt64(try readVarUInt32("a minimum"))
        var maximum: UInt64? = nil
        if flags & 0x01 != 0 {
            maximum = is64 ? try readVarUInt64("a maximum") : UInt64(try readVarUInt32("a maximum"))
        }
        return Limits(minimum: minimum, maximum: maximum, shared: flags & 0x02 != 0, is64: is64)
    }

    mutating func readTableType() throws(DecodeError) -> TableType {
        let element = try readRefType()
        return TableType(elementType: element, limits: try readLimits("table limits"))
    }

    mutating func readMemoryType() throws(DecodeError) -> MemoryType {
        MemoryType(limits: try readLimits("memory limits"))
    }

    mutating func readGlobalType() throws(DecodeError) -> GlobalType {
        let valueType = try readValueType()
        let mutOffset = offset
        let mutability = try readByte("a global mutability")
        guard mutability <= 1 else { throw .badTag(at: mutOffset, value: UInt64(mutability), "a global mutability 0 or 1") }
        return GlobalType(valueType: valueType, mutable: mutability == 1)
    }

    mutating func readTagType() throws(DecodeError) -> TagType {
        let attributeOffset = offset
        let attribute = try readByte("a tag attribute")
        guard attribute == 0 else { throw .badTag(at: attributeOffset, value: UInt64(attribute), "tag attribute 0") }
        return TagType(attribute: attribute, typeIndex: try readVarUInt32("a tag type index"))
    }

    mutating func readFuncTypeBody() throws(DecodeError) -> FuncType {
        let paramCount = try readCount("parameters")
        var params: [ValueType] = []
        params.reserveCapacity(reservation(paramCount))
        for _ in 0..<paramCount { params.append(try readValueType()) }
        let resultCount = try readCount("results")
        var results: [ValueType] = []
        results.reserveCapacity(reservation(resultCount))
        for _ in 0..<resultCount { results.append(try readValueType()) }
        return FuncType(params: params, results: results)
    }

    /// A storage type of a GC field: a value type or a packed i8/i16.
    mutating func skipStorageType() throws(DecodeError) {
        if let byte = peekByte(), byte == 0x78 || byte == 0x77 {
            index += 1
        } else {
            _ = try readValueType()
        }
    }

    mutating func readCompositeType() throws(DecodeError) -> CompositeType {
        let formOffset = offset
        let form = try readByte("a type form")
        switch form {
        case 0x60: return .function(try readFuncTypeBody())
        case 0x5f:
            let fields = try readCount(minimumItemSize: 2, "struct fields")
            for _ in 0..<fields {
                try skipStorageType()
                _ = try readByte("a field mutability")
            }
            return .structure(fieldCount: Int(fields))
        case 0x5e:
            try skipStorageType()
            _ = try readByte("a field mutability")
            return .array
        default:
            throw .badTag(at: formOffset, value: UInt64(form), "a type form (0x60 func, 0x5f struct, 0x5e array)")
        }
    }

    mutating func readSubType() throws(DecodeError) -> SubType {
        let start = offset
        guard let byte = peekByte() else { throw .unexpectedEnd(at: start, needed: 1, "a type") }
        if byte == 0x50 || byte == 0x4f {
            index += 1
            let count = try readCount("supertypes")
            var supertypes: [UInt32] = []
            for _ in 0..<count { supertypes.append(try readVarUInt32("a supertype index")) }
            return SubType(isFinal: byte == 0x4f, supertypes: supertypes, composite: try readCompositeType(), offset: start)
        }
        return SubType(isFinal: true, supertypes: [], composite: try readCompositeType(), offset: start)
    }
}
