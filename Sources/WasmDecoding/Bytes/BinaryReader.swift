/// The single cursor every decoder reads through: bounds-checked reads of bytes, LEB128
/// integers, fixed-width integers and names, each failing with a `DecodeError` that carries
/// the absolute offset.
///
/// A reader never reads past `endIndex`, so a declared size or count can never make it walk
/// off its window; and nothing it returns is allocated from a declared size before that size
/// has been checked against the bytes that remain.
public struct BinaryReader {
    let storage: ByteStorage
    let base: UnsafeRawPointer
    /// Storage index of the next byte.
    var index: Int
    /// Storage index one past the last readable byte.
    public let endIndex: Int

    /// A reader over `window`.
    public init(window: ByteWindow) {
        storage = window.storage
        base = window.storage.base
        index = window.start
        endIndex = window.end
    }

    /// Absolute offset (in the input) of the next byte.
    public var offset: Int { storage.origin + index }
    /// Absolute offset one past the last readable byte.
    public var endOffset: Int { storage.origin + endIndex }
    /// Bytes left.
    public var remaining: Int { endIndex - index }
    /// Whether every byte has been read.
    public var isAtEnd: Bool { index >= endIndex }

    /// The unread bytes as a window.
    public var rest: ByteWindow { ByteWindow(storage: storage, start: index, end: endIndex) }

    // MARK: bytes

    /// One byte.
    public mutating func readByte(_ what: StaticString = "a byte") throws(DecodeError) -> UInt8 {
        guard index < endIndex else { throw .unexpectedEnd(at: offset, needed: 1, "\(what)") }
        let byte = base.load(fromByteOffset: index, as: UInt8.self)
        index += 1
        return byte
    }

    /// The next byte without consuming it, or nil at the end.
    public func peekByte() -> UInt8? {
        index < endIndex ? base.load(fromByteOffset: index, as: UInt8.self) : nil
    }

    /// Skips `count` bytes.
    public mutating func skip(_ count: Int, _ what: StaticString = "bytes") throws(DecodeError) {
        guard count >= 0, count <= remaining else {
            throw .unexpectedEnd(at: offset, needed: count - remaining, "\(count) \(what)")
        }
        index += count
    }

    /// The next `count` bytes as a window (no copy).
    public mutating func readWindow(_ count: Int, _ what: StaticString = "bytes") throws(DecodeError) -> ByteWindow {
        guard count >= 0, count <= remaining else {
            throw .sizeTooLarge(at: offset, size: UInt64(max(count, 0)), remaining: remaining, "\(what)")
        }
        let window = ByteWindow(storage: storage, start: index, end: index + count)
        index += count
        return window
    }

    /// Reads a `varuint32` size, then that many bytes as a window.
    public mutating func readSizedWindow(_ what: StaticString) throws(DecodeError) -> ByteWindow {
        let sizeOffset = offset
        let size = try readVarUInt32(what)
        guard Int(size) <= remaining else {
            throw .sizeTooLarge(at: sizeOffset, size: UInt64(size), remaining: remaining, "\(what)")
        }
        return try readWindow(Int(size), what)
    }

    // MARK: fixed-width

    /// A little-endian `u32`.
    public mutating func readUInt32LE(_ what: StaticString = "a 4-byte integer") throws(DecodeError) -> UInt32 {
        guard remaining >= 4 else { throw .unexpectedEnd(at: offset, needed: 4 - remaining, "\(what)") }
        let value = UInt32(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt32.self))
        index += 4
        return value
    }

    // MARK: LEB128

    /// An unsigned LEB128 of at most 32 bits (at most 5 bytes, unused high bits zero).
    /// Spec: <https://webassembly.github.io/spec/core/binary/values.html#integers>
    public mutating func readVarUInt32(_ what: StaticString = "a LEB128 integer") throws(DecodeError) -> UInt32 {
        // Fast path: one byte, which is most counts, indices and sizes.
        if index < endIndex {
            let first = base.load(fromByteOffset: index, as: UInt8.self)
            if first < 0x80 {
                index += 1
                return UInt32(first)
            }
        }
        return UInt32(truncatingIfNeeded: try readVarUIntSlow(bits: 32, what))
    }

    /// An unsigned LEB128 of at most 64 bits (at most 10 bytes).
    /// Spec: <https://webassembly.github.io/spec/core/binary/values.html#integers>
    public mutating func readVarUInt64(_ what: StaticString = "a LEB128 integer") throws(DecodeError) -> UInt64 {
        try readVarUIntSlow(bits: 64, what)
    }

    mutating func readVarUIntSlow(bits: Int, _ what: StaticString) throws(DecodeError) -> UInt64 {
        let start = offset
        var result: UInt64 = 0
        var shift = 0
        while true {
            guard index < endIndex else { throw .unexpectedEnd(at: start, needed: 1, "\(what) (unterminated LEB128)") }
            let byte = base.load(fromByteOffset: index, as: UInt8.self)
            index += 1
            let payload = UInt64(byte & 0x7f)
            if shift + 7 > bits {
                // Last permitted byte: no continuation, and the bits beyond `bits` must be zero.
                guard byte & 0x80 == 0 else { throw .overlongLEB(at: start, bits: bits) }
                guard payload >> UInt64(bits - shift) == 0 else { throw .integerTooLarge(at: start, bits: bits) }
                return result | (payload << UInt64(shift))
            }
            result |= payload << UInt64(shift)
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
    }

    /// A signed LEB128 of at most 32 bits.
    /// Spec: <https://webassembly.github.io/spec/core/binary/values.html#integers>
    public mutating func readVarInt32(_ what: StaticString = "a signed LEB128 integer") throws(DecodeError) -> Int32 {
        Int32(truncatingIfNeeded: try readVarIntSlow(bits: 32, what))
    }

    /// A signed LEB128 of at most 33 bits (block types and heap types).
    /// Spec: <https://webassembly.github.io/spec/core/binary/values.html#integers>
    public mutating func readVarInt33(_ what: StaticString = "a signed LEB128 integer") throws(DecodeError) -> Int64 {
        try readVarIntSlow(bits: 33, what)
    }

    /// A signed LEB128 of at most 64 bits.
    /// Spec: <https://webassembly.github.io/spec/core/binary/values.html#integers>
    public mutating func readVarInt64(_ what: StaticString = "a signed LEB128 integer") throws(DecodeError) -> Int64 {
        try readVarIntSlow(bits: 64, what)
    }

    mutating func readVarIntSlow(bits: Int, _ what: StaticString) throws(DecodeError) -> Int64 {
        let start = offset
        var result: Int64 = 0
        var shift = 0
        while true {
            guard index < endIndex else { throw .unexpectedEnd(at: start, needed: 1, "\(what) (unterminated LEB128)") }
            let byte = base.load(fromByteOffset: index, as: UInt8.self)
            index += 1
            let payload = Int64(byte & 0x7f)
            if shift + 7 >= bits {
                // Last permitted byte: the unused bits must all equal the sign bit.
                guard byte & 0x80 == 0 else { throw .overlongLEB(at: start, bits: bits) }
                let usedBits = bits - shift                      // 1...7
                let signAndUnused = Int64(Int8(bitPattern: byte << 1)) >> Int64(usedBits)   // bits 6..usedBits-1, sign-extended
                guard signAndUnused == 0 || signAndUnused == -1 else { throw .integerTooLarge(at: start, bits: bits) }
                result |= payload << Int64(shift)
                shift += 7
                break
            }
            result |= payload << Int64(shift)
            shift += 7
            if byte & 0x80 == 0 { break }
        }
        if shift < 64, result & (1 << Int64(shift - 1)) != 0 {
            result |= -1 << Int64(shift)
        }
        return result
    }

    // MARK: names

    /// A `vec(byte)` that must be valid UTF-8, as a String.
    /// Spec: <https://webassembly.github.io/spec/core/binary/values.html#names>
    public mutating func readName(_ what: StaticString = "a name") throws(DecodeError) -> String {
        let window = try readSizedWindow(what)
        return try Self.string(from: window)
    }

    /// A NUL-terminated UTF-8 string (archive symbol indexes), without the NUL.
    public mutating func readCString(_ what: StaticString = "a NUL-terminated name") throws(DecodeError) -> String {
        let length = UnsafeRawBufferPointer(start: base + index, count: remaining).firstIndex(of: 0)
        guard let length else { throw .unexpectedEnd(at: endOffset, needed: 1, "the NUL that ends \(what)") }
        let name = try Self.string(from: ByteWindow(storage: storage, start: index, end: index + length))
        index += length + 1
        return name
    }

    /// Decodes a name's bytes as UTF-8.
    public static func string(from window: ByteWindow) throws(DecodeError) -> String {
        if window.isEmpty { return "" }
        let buffer = UnsafeBufferPointer(
            start: (window.storage.base + window.start).assumingMemoryBound(to: UInt8.self), count: window.count)
        guard let string = String(validating: buffer, as: UTF8.self) else {
            throw .invalidUTF8(at: window.absoluteStart)
        }
        return string
    }

    /// Checks that a declared item count could fit in the bytes left, assuming each item takes
    /// at least `minimumItemSize` bytes. This is what keeps a hostile count from becoming an
    /// allocation or a long loop.
    public func checkCount(_ count: UInt64, minimumItemSize: Int = 1, at countOffset: Int, _ what: StaticString) throws(DecodeError) {
        if count > UInt64(remaining / max(minimumItemSize, 1)) {
            throw .countTooLarge(at: countOffset, count: count, remaining: remaining, "\(what)")
        }
    }

    /// Reads a `varuint32` count and checks it against the bytes left.
    /// Spec: <https://webassembly.github.io/spec/core/binary/conventions.html#vectors>
    public mutating func readCount(minimumItemSize: Int = 1, _ what: StaticString) throws(DecodeError) -> UInt32 {
        let countOffset = offset
        let count = try readVarUInt32(what)
        try checkCount(UInt64(count), minimumItemSize: minimumItemSize, at: countOffset, what)
        return count
    }

    /// Fails unless every byte was read.
    public func expectEnd(_ what: StaticString) throws(DecodeError) {
        guard isAtEnd else { throw .trailingBytes(at: offset, count: remaining, "\(what)") }
    }
}

/// The capacity to reserve for a vector of `count` declared items: the count, up to 65,536.
/// `checkCount` bounds a count by the bytes left, but a decoded item can take a hundred times
/// the memory of its smallest encoding, so reserving a hostile count in full asks for
/// gigabytes before the first item fails to decode (a 320 MB object declaring 160 million
/// symbols asked for 25 GB). Past the bound, arrays grow as items actually decode.
func reservation(_ count: some BinaryInteger) -> Int {
    Int(clamping: min(count, 1 << 16))
}
