/// The path components of a mangled C++ or Rust name, read from the mangling itself: both
/// Itanium and Rust (legacy and v0) spell each identifier as its length in decimal followed
/// by its bytes (`_ZN5mylib4initE`, `_RNvCs123_5mylib4init`). Much cheaper than demangling,
/// and enough to match `mylib_init` against `mylib::init`.
public enum MangledPath {
    /// The identifiers of `name` in order, without a trailing Rust hash (`h` + 16 hex
    /// digits); nil when `name` is not mangled or holds no identifier. Digit runs that do
    /// not introduce an identifier (template arguments, substitutions, disambiguators) are
    /// skipped.
    public static func components(_ name: String) -> [String]? {
        var name = name
        return name.withUTF8 { bytes in
            let ranges = componentRanges(bytes)
            return ranges.isEmpty ? nil : ranges.map { String(decoding: bytes[$0], as: UTF8.self) }
        }
    }

    /// The byte ranges of `bytes`' path components (as `components` reads them), without
    /// building strings: the near-miss index normalizes them straight from the name.
    static func componentRanges(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        // `_Z`, `__Z` (Mach-O style) or `_R`; most names are C names and stop here.
        guard bytes.count > 3, bytes[0] == 0x5f, bytes[1] == 0x5a || bytes[1] == 0x52 || (bytes[1] == 0x5f && bytes[2] == 0x5a) else {
            return []
        }
        let isRust = bytes[1] == 0x52
        var ranges: [Range<Int>] = []
        var index = 2
        while index < bytes.count {
            guard isDigit(bytes[index]), !isDigit(bytes[index - 1]) else {
                index += 1
                continue
            }
            var end = index, length = 0
            while end < bytes.count, isDigit(bytes[end]), length < 100_000 {
                length = length * 10 + Int(bytes[end] - 0x30)
                end += 1
            }
            // Rust v0 separates an identifier that starts with a digit or `_` by one `_`.
            var start = end
            if start < bytes.count, bytes[start] == 0x5f, isRust { start += 1 }
            guard length > 0, start + length <= bytes.count, isIdentifierStart(bytes[start]),
                  bytes[start..<(start + length)].allSatisfy(isIdentifierByte) else {
                index = end
                continue
            }
            ranges.append(start..<(start + length))
            index = start + length
        }
        if let last = ranges.last, last.count == 17, bytes[last.lowerBound] == 0x68,       // h + 16 hex digits
           bytes[(last.lowerBound + 1)..<last.upperBound].allSatisfy(isHexDigit) {
            ranges.removeLast()
        }
        return ranges
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= 0x61 && byte <= 0x66) || (byte >= 0x41 && byte <= 0x46)
    }

    private static func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a) || byte == 0x5f || byte == 0x24 || byte == 0x2e
    }

    private static func isIdentifierByte(_ byte: UInt8) -> Bool {
        isIdentifierStart(byte) || isDigit(byte)
    }
}
