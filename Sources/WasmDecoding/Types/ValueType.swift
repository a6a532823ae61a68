/// A heap type: an abstract one, or a concrete type index (GC / function references).
/// Spec: <https://webassembly.github.io/spec/core/binary/types.html#heap-types>
public enum HeapType: Sendable, Hashable {
    case abstract(AbstractHeapType)
    case concrete(UInt32)
}

/// The abstract heap types of the core spec, the GC proposal and exception handling.
public enum AbstractHeapType: UInt8, Sendable, Hashable, CaseIterable {
    case noexn = 0x74, nofunc = 0x73, noextern = 0x72, none = 0x71
    case func_ = 0x70, extern = 0x6f, any = 0x6e, eq = 0x6d, i31 = 0x6c
    case exn = 0x69, `struct` = 0x6b, array = 0x6a

    /// The text-format name (`func`, `extern`, …).
    public var name: String {
        switch self {
        case .noexn: "noexn"
        case .nofunc: "nofunc"
        case .noextern: "noextern"
        case .none: "none"
        case .func_: "func"
        case .extern: "extern"
        case .any: "any"
        case .eq: "eq"
        case .i31: "i31"
        case .exn: "exn"
        case .struct: "struct"
        case .array: "array"
        }
    }
}

/// A reference type: nullable or not, over a heap type.
/// Spec: <https://webassembly.github.io/spec/core/binary/types.html#reference-types>
public struct RefType: Sendable, Hashable, CustomStringConvertible {
    public var nullable: Bool
    public var heapType: HeapType

    public init(nullable: Bool, heapType: HeapType) {
        self.nullable = nullable
        self.heapType = heapType
    }

    public static let funcref = RefType(nullable: true, heapType: .abstract(.func_))
    public static let externref = RefType(nullable: true, heapType: .abstract(.extern))

    /// `funcref`, `externref`, `(ref null $3)` …
    public var description: String {
        switch heapType {
        case .abstract(let abstract) where nullable: return abstract.name + "ref"
        case .abstract(let abstract): return "(ref \(abstract.name))"
        case .concrete(let index): return nullable ? "(ref null \(index))" : "(ref \(index))"
        }
    }
}

/// A value type.
/// Spec: <https://webassembly.github.io/spec/core/binary/types.html#value-types>
public enum ValueType: Sendable, Hashable, CustomStringConvertible {
    case i32, i64, f32, f64, v128
    case ref(RefType)

    /// `i32`, `funcref`, …
    public var description: String {
        switch self {
        case .i32: "i32"
        case .i64: "i64"
        case .f32: "f32"
        case .f64: "f64"
        case .v128: "v128"
        case .ref(let ref): ref.description
        }
    }
}

extension BinaryReader {
    /// A heap type (`s33`: negative = abstract, otherwise a type index).
    mutating func readHeapType() throws(DecodeError) -> HeapType {
        let start = offset
        if let byte = peekByte(), byte >= 0x40, byte < 0x80 {
            index += 1
            guard let abstract = AbstractHeapType(rawValue: byte) else {
                throw .badTag(at: start, value: UInt64(byte), "a heap type")
            }
            return .abstract(abstract)
        }
        let value = try readVarInt33("a heap type")
        guard value >= 0, value <= Int64(UInt32.max) else { throw .badTag(at: start, value: UInt64(bitPattern: value), "a heap type") }
        return .concrete(UInt32(value))
    }

    /// A reference type (short forms like `funcref`, or `ref`/`ref null` + heap type).
    mutating func readRefType() throws(DecodeError) -> RefType {
        let start = offset
        let byte = try readByte("a reference type")
        switch byte {
        case 0x63: return RefType(nullable: true, heapType: try readHeapType())
        case 0x64: return RefType(nullable: false, heapType: try readHeapType())
        default:
            guard let abstract = AbstractHeapType(rawValue: byte) else {
                throw .badTag(at: start, value: UInt64(byte), "a reference type")
            }
            return RefType(nullable: true, heapType: .abstract(abstract))
        }
    }

    /// A value type.
    mutating func readValueType() throws(DecodeError) -> ValueType {
        let start = offset
        guard let byte = peekByte() else { throw .unexpectedEnd(at: start, needed: 1, "a value type") }
        switch byte {
        case 0x7f: index += 1; return .i32
        case 0x7e: index += 1; return .i64
        case 0x7d: index += 1; return .f32
        case 0x7c: index += 1; return .f64
        case 0x7b: index += 1; return .v128
        default:
            do {
                return .ref(try readRefType())
            } catch {
                throw .badTag(at: start, value: UInt64(byte), "a value type")
            }
        }
    }
}
