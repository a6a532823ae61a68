/// The fixed-width fields DWARF adds to the wasm encodings: 2-, 3- and 8-byte integers,
/// unit lengths with the 64-bit escape, offsets and addresses of the unit's size, and
/// NUL-terminated strings (DWARF 5, §7.4 and §7.5.1).
extension BinaryReader {
    /// The width of a unit's section offsets: 4 bytes (32-bit DWARF) or 8 (64-bit DWARF).
    public enum DwarfFormat: Sendable, Hashable {
        case dwarf32, dwarf64

        var offsetSize: Int { self == .dwarf32 ? 4 : 8 }
    }

    /// A little-endian `u16`.
    mutating func readUInt16LE(_ what: StaticString) throws(DecodeError) -> UInt16 {
        guard remaining >= 2 else { throw .unexpectedEnd(at: offset, needed: 2 - remaining, "\(what)") }
        let value = UInt16(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt16.self))
        index += 2
        return value
    }

    /// A little-endian unsigned integer of `size` bytes (1 to 8).
    mutating func readUnsigned(size: Int, _ what: StaticString) throws(DecodeError) -> UInt64 {
        guard remaining >= size else { throw .unexpectedEnd(at: offset, needed: size - remaining, "\(what)") }
        var value: UInt64 = 0
        for shift in 0..<min(size, 8) {
            value |= UInt64(base.load(fromByteOffset: index + shift, as: UInt8.self)) << UInt64(8 * shift)
        }
        index += size
        return value
    }

    /// `unit_length` (§7.4): 4 bytes, or `0xffffffff` then 8 bytes for 64-bit DWARF. The
    /// length is checked against the bytes left.
    mutating func readUnitLength(_ what: StaticString) throws(DecodeError) -> (length: Int, format: DwarfFormat) {
        let start = offset
        let short = try readUInt32LE(what)
        var length = UInt64(short)
        var format = DwarfFormat.dwarf32
        if short == 0xffff_ffff {
            length = try readUnsigned(size: 8, what)
            format = .dwarf64
        } else if short >= 0xffff_fff0 {
            throw .malformed(at: start, "a unit length below 0xfffffff0 or the 64-bit escape 0xffffffff (found 0x\(String(short, radix: 16)))")
        }
        guard length <= UInt64(remaining) else {
            throw .malformed(at: start, "\(what) of \(length) bytes that fits in the \(remaining) left")
        }
        return (Int(length), format)
    }

    /// A section offset of the unit's width.
    mutating func readOffset(_ format: DwarfFormat, _ what: StaticString) throws(DecodeError) -> UInt64 {
        try readUnsigned(size: format.offsetSize, what)
    }

    /// A NUL-terminated string (`DW_FORM_string`), decoded as UTF-8 with invalid bytes
    /// replaced: a file name with a stray byte should still show.
    mutating func readDwarfString(_ what: StaticString) throws(DecodeError) -> String {
        let length = UnsafeRawBufferPointer(start: base + index, count: remaining).firstIndex(of: 0)
        guard let length else { throw .unexpectedEnd(at: endOffset, needed: 1, "the NUL that ends \(what)") }
        let text = String(decoding: UnsafeRawBufferPointer(start: base + index, count: length), as: UTF8.self)
        index += length + 1
        return text
    }
}

extension ByteWindow {
    /// The NUL-terminated string at `offset` (relative to the window's start): a
    /// `.debug_str`/`.debug_line_str` lookup.
    func dwarfString(at offset: UInt64, field: Int, section: String) throws(DecodeError) -> String {
        guard offset < UInt64(count) else { throw .dwarfOffset(at: field, value: offset, section: section, size: count) }
        var reader = slice(relative: Int(offset)..<count).reader()
        return try insidePayload { () throws(DecodeError) -> String in try reader.readDwarfString("a string") }
    }
}
