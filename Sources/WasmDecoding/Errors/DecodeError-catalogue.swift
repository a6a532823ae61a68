/// Every message the decoders produce, in one place, so wording stays consistent.
extension DecodeError {
    static func unexpectedEnd(at offset: Int, needed: Int, _ what: String) -> DecodeError {
        DecodeError(kind: .unexpectedEnd(needed: max(needed, 1)), offset: offset, expected: "\(what), but the input ends")
    }

    static func malformed(at offset: Int, _ what: String) -> DecodeError {
        DecodeError(kind: .malformed, offset: offset, expected: what)
    }

    static func unsupported(at offset: Int, _ what: String) -> DecodeError {
        DecodeError(kind: .unsupported, offset: offset, expected: what)
    }

    static func overlongLEB(at offset: Int, bits: Int) -> DecodeError {
        .malformed(at: offset, "a LEB128 integer of at most \((bits + 6) / 7) bytes")
    }

    static func integerTooLarge(at offset: Int, bits: Int) -> DecodeError {
        .malformed(at: offset, "a LEB128 integer that fits in \(bits) bits")
    }

    static func countTooLarge(at offset: Int, count: UInt64, remaining: Int, _ what: String) -> DecodeError {
        .malformed(at: offset, "a count of \(what) that fits in the \(remaining) bytes left (declared \(count))")
    }

    static func sizeTooLarge(at offset: Int, size: UInt64, remaining: Int, _ what: String) -> DecodeError {
        // A size past the end is "need more bytes" to the push parser, a hard error otherwise.
        .unexpectedEnd(at: offset, needed: Int(clamping: size) - remaining, "\(what) of \(size) bytes (\(remaining) left)")
    }

    static func invalidUTF8(at offset: Int) -> DecodeError {
        .malformed(at: offset, "a name in valid UTF-8")
    }

    static func badMagic(at offset: Int) -> DecodeError {
        .malformed(at: offset, "the WebAssembly magic number \\0asm or an archive signature !<arch>")
    }

    static func trailingBytes(at offset: Int, count: Int, _ what: String) -> DecodeError {
        .malformed(at: offset, "the end of \(what) (\(count) bytes left over)")
    }

    static func badTag(at offset: Int, value: UInt64, _ what: String) -> DecodeError {
        .malformed(at: offset, "\(what) (found 0x\(String(value, radix: 16)))")
    }
}
