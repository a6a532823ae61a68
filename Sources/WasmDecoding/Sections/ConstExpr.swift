/// A constant expression (global initialisers, segment offsets), kept as its byte range,
/// with the value when it is a single `i32.const`/`i64.const`/`global.get`/`ref.func`.
/// Spec: <https://webassembly.github.io/spec/core/binary/instructions.html#expressions>
public struct ConstExpr: Sendable, Hashable {
    /// The simple value, when the expression is one instruction.
    public enum Value: Sendable, Hashable {
        case i32(Int32), i64(Int64), globalGet(UInt32), refFunc(UInt32), refNull, other
    }

    /// Absolute range, including the final `end`.
    public var range: Range<Int>
    public var value: Value

    /// Reads instructions up to the `end` that closes the expression. Knows the opcodes that
    /// may appear in constant expressions (core, extended-const, SIMD `v128.const`, GC);
    /// anything else is an error rather than a guess at its length.
    static func read(from reader: inout BinaryReader) throws(DecodeError) -> ConstExpr {
        let start = reader.offset
        var value: Value? = nil
        var instructions = 0
        while true {
            let opcodeOffset = reader.offset
            let opcode = try reader.readByte("a constant-expression opcode")
            if opcode == 0x0b {
                let end = reader.offset
                return ConstExpr(range: start..<end, value: instructions == 1 ? (value ?? .other) : .other)
            }
            instructions += 1
            switch opcode {
            case 0x41: value = .i32(try reader.readVarInt32("an i32.const immediate"))
            case 0x42: value = .i64(try reader.readVarInt64("an i64.const immediate"))
            case 0x43: try reader.skip(4, "an f32.const immediate"); value = .other
            case 0x44: try reader.skip(8, "an f64.const immediate"); value = .other
            case 0x23: value = .globalGet(try reader.readVarUInt32("a global index"))
            case 0xd0: _ = try reader.readHeapType(); value = .refNull
            case 0xd2: value = .refFunc(try reader.readVarUInt32("a function index"))
            case 0x6a, 0x6b, 0x6c, 0x7c, 0x7d, 0x7e: value = .other   // extended-const arithmetic
            case 0xfd:
                let sub = try reader.readVarUInt32("a SIMD opcode")
                guard sub == 12 else { throw .badTag(at: opcodeOffset, value: UInt64(sub), "v128.const in a constant expression") }
                try reader.skip(16, "a v128.const immediate")
                value = .other
            case 0xfb:
                let sub = try reader.readVarUInt32("a GC opcode")
                switch sub {
                case 0, 1, 6, 7: _ = try reader.readVarUInt32("a type index")           // struct.new(_default), array.new(_default)
                case 8: _ = try reader.readVarUInt32("a type index"); _ = try reader.readVarUInt32("an element count")
                case 0x1a, 0x1b, 0x1c: break                                             // any.convert_extern, extern.convert_any, ref.i31
                default: throw .badTag(at: opcodeOffset, value: UInt64(sub), "a GC instruction allowed in a constant expression")
                }
                value = .other
            default:
                throw .badTag(at: opcodeOffset, value: UInt64(opcode), "an instruction allowed in a constant expression")
            }
        }
    }
}
