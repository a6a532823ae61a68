/// A direct call found in a function body.
public struct CallSite: Sendable, Hashable {
    /// The called function's index.
    public var callee: UInt32
    /// Absolute offset of the call's function-index operand (where an object's
    /// `R_WASM_FUNCTION_INDEX_LEB` points, one byte after the opcode).
    public var operandOffset: Int
    /// `return_call` rather than `call`.
    public var isTailCall: Bool
}

/// Walks the instructions of function bodies to find their direct calls (`call`,
/// `return_call`): what locates the uses of an imported function in a linked module.
///
/// Only ever run on demand, on the bodies that need it: listings never decode code. Every
/// instruction of the core spec and of the proposals toolchains emit (sign extension,
/// saturating truncation, bulk memory, reference types, SIMD and relaxed SIMD, threads,
/// exception handling old and new, tail calls, typed function references, GC) has its
/// immediates skipped by encoding; an opcode outside them is a `DecodeError` at its offset.
/// <https://webassembly.github.io/spec/core/binary/instructions.html>
public enum CallScanner {
    /// The direct calls of one body (its locals are skipped first).
    public static func calls(in body: FunctionBody, of window: ByteWindow) throws(DecodeError) -> [CallSite] {
        var reader = window.slice(absolute: body.range).reader()
        return try insidePayload { () throws(DecodeError) -> [CallSite] in
            let groups = try reader.readCount(minimumItemSize: 2, "local declarations")
            for _ in 0..<groups {
                _ = try reader.readVarUInt32("a local count")
                _ = try reader.readValueType()
            }
            var calls: [CallSite] = []
            while !reader.isAtEnd {
                try step(&reader, calls: &calls)
            }
            return calls
        }
    }

    private static func memarg(_ reader: inout BinaryReader) throws(DecodeError) {
        let align = try reader.readVarUInt32("a memory alignment")
        if align & 0x40 != 0 { _ = try reader.readVarUInt32("a memory index") }
        _ = try reader.readVarUInt64("a memory offset")
    }

    private static func index(_ reader: inout BinaryReader, _ count: Int = 1) throws(DecodeError) {
        for _ in 0..<count { _ = try reader.readVarUInt32("an index") }
    }

    private static func step(_ reader: inout BinaryReader, calls: inout [CallSite]) throws(DecodeError) {
        let at = reader.offset
        let opcode = try reader.readByte("an opcode")
        switch opcode {
        case 0x10, 0x12:
            let operand = reader.offset
            calls.append(CallSite(callee: try reader.readVarUInt32("a function index"), operandOffset: operand, isTailCall: opcode == 0x12))
        case 0x00, 0x01, 0x05, 0x0a, 0x0b, 0x0f, 0x19, 0x1a, 0x1b, 0x45...0xc4, 0xd1, 0xd3, 0xd4:
            break
        case 0x02, 0x03, 0x04, 0x06:
            _ = try reader.readVarInt33("a block type")
        case 0x07, 0x08, 0x09, 0x0c, 0x0d, 0x14, 0x15, 0x18, 0x20...0x26, 0xd2, 0xd5, 0xd6:
            try index(&reader)
        case 0x0e:
            let count = try reader.readCount("branch targets")
            try index(&reader, Int(count) + 1)
        case 0x11, 0x13:
            try index(&reader, 2)
        case 0x1c:
            let count = try reader.readCount("select types")
            for _ in 0..<count { _ = try reader.readValueType() }
        case 0x1f:
            _ = try reader.readVarInt33("a block type")
            let count = try reader.readCount(minimumItemSize: 2, "catch clauses")
            for _ in 0..<count {
                let kind = try reader.readByte("a catch kind")
                guard kind <= 3 else { throw .badTag(at: reader.offset - 1, value: UInt64(kind), "a catch kind from 0 to 3") }
                try index(&reader, kind <= 1 ? 2 : 1)
            }
        case 0x28...0x3e:
            try memarg(&reader)
        case 0x3f, 0x40:
            try index(&reader)
        case 0x41: _ = try reader.readVarInt32("an i32 constant")
        case 0x42: _ = try reader.readVarInt64("an i64 constant")
        case 0x43: try reader.skip(4, "an f32 constant")
        case 0x44: try reader.skip(8, "an f64 constant")
        case 0xd0: _ = try reader.readHeapType()
        case 0xfb: try gc(&reader, at: at)
        case 0xfc: try misc(&reader, at: at)
        case 0xfd: try simd(&reader, at: at)
        case 0xfe: try atomic(&reader, at: at)
        default:
            throw .unsupported(at: at, "an instruction opcode this scanner knows (found 0x\(String(opcode, radix: 16)))")
        }
    }

    private static func misc(_ reader: inout BinaryReader, at: Int) throws(DecodeError) {
        let sub = try reader.readVarUInt32("a 0xfc sub-opcode")
        switch sub {
        case 0...7: break
        case 8, 10, 12, 14: try index(&reader, 2)
        case 9, 11, 13, 15, 16, 17: try index(&reader)
        default: throw .unsupported(at: at, "a 0xfc instruction this scanner knows (found \(sub))")
        }
    }

    private static func simd(_ reader: inout BinaryReader, at: Int) throws(DecodeError) {
        let sub = try reader.readVarUInt32("a SIMD sub-opcode")
        switch sub {
        case 0...11, 92, 93: try memarg(&reader)
        case 12, 13: try reader.skip(16, "a 16-byte immediate")
        case 21...34: try reader.skip(1, "a lane index")
        case 84...91:
            try memarg(&reader)
            try reader.skip(1, "a lane index")
        case 14...20, 35...83, 94...275: break
        default: throw .unsupported(at: at, "a SIMD instruction this scanner knows (found \(sub))")
        }
    }

    private static func atomic(_ reader: inout BinaryReader, at: Int) throws(DecodeError) {
        let sub = try reader.readVarUInt32("an atomic sub-opcode")
        switch sub {
        case 0x03: try reader.skip(1, "a fence flag")
        case 0x00...0x02, 0x10...0x4e: try memarg(&reader)
        default: throw .unsupported(at: at, "an atomic instruction this scanner knows (found \(sub))")
        }
    }

    private static func gc(_ reader: inout BinaryReader, at: Int) throws(DecodeError) {
        let sub = try reader.readVarUInt32("a GC sub-opcode")
        switch sub {
        case 0, 1, 6, 7, 11, 12, 13, 14, 16: try index(&reader)
        case 2, 3, 4, 5, 8, 9, 10, 17, 18, 19: try index(&reader, 2)
        case 15, 26...30: break
        case 20...23: _ = try reader.readHeapType()
        case 24, 25:
            try reader.skip(1, "cast flags")
            try index(&reader)
            _ = try reader.readHeapType()
            _ = try reader.readHeapType()
        default: throw .unsupported(at: at, "a GC instruction this scanner knows (found \(sub))")
        }
    }
}
