/// Punycode (RFC 3492) as rustc uses it for non-ASCII identifiers in v0 names: the
/// delimiter between the basic code points and the encoded deltas is `_` instead of `-`.
enum Punycode {
    private static let base: UInt64 = 36
    private static let tMin: UInt64 = 1
    private static let tMax: UInt64 = 26
    private static let skew: UInt64 = 38
    private static let initialBias: UInt64 = 72
    private static let initialDamp: UInt64 = 700
    private static let initialCodePoint: UInt64 = 0x80

    /// Decodes `encoded` to UTF-8, or nil when it is not valid Punycode or names something
    /// that is not a Unicode scalar. All arithmetic is overflow-checked.
    static func decode(_ encoded: ArraySlice<UInt8>) -> [UInt8]? {
        var scalars: [Unicode.Scalar] = []
        var rest = encoded[...]
        if let delimiter = encoded.lastIndex(of: UInt8(ascii: "_")) {
            for byte in encoded[..<delimiter] {
                guard RustV0Demangler.isIdentifierByte(byte) else { return nil }
                scalars.append(Unicode.Scalar(byte))
            }
            rest = encoded[(delimiter + 1)...]
        }

        var codePoint = initialCodePoint
        var bias = initialBias
        var damp = initialDamp
        var index: UInt64 = 0
        var cursor = rest.startIndex
        while cursor != rest.endIndex {
            let oldIndex = index
            var weight: UInt64 = 1
            var k = base
            while true {
                guard cursor != rest.endIndex, let digit = digitValue(rest[cursor]) else { return nil }
                cursor += 1
                guard digit <= (UInt64.max - index) / weight else { return nil }
                index += digit * weight
                let threshold = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
                if digit < threshold { break }
                guard weight <= UInt64.max / (base - threshold) else { return nil }
                weight *= base - threshold
                k += base
            }
            let count = UInt64(scalars.count) + 1
            bias = adapt(delta: index - oldIndex, count: count, damp: damp)
            damp = 2
            guard index / count <= UInt64.max - codePoint else { return nil }
            codePoint += index / count
            index %= count
            guard codePoint <= UInt64(UInt32.max), let scalar = Unicode.Scalar(UInt32(codePoint)) else {
                return nil
            }
            scalars.insert(scalar, at: Int(index))
            index += 1
        }

        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars)
        return Array(String(text).utf8)
    }

    private static func digitValue(_ byte: UInt8) -> UInt64? {
        if RustV0Demangler.isLower(byte) { return UInt64(byte - UInt8(ascii: "a")) }
        if RustV0Demangler.isDigit(byte) { return UInt64(byte - UInt8(ascii: "0")) + 26 }
        return nil
    }

    private static func adapt(delta: UInt64, count: UInt64, damp: UInt64) -> UInt64 {
        var delta = delta / damp
        delta += delta / count
        var k: UInt64 = 0
        while delta > (base - tMin) * tMax / 2 {
            delta /= base - tMin
            k += base
        }
        return k + (base - tMin + 1) * delta / (delta + skew)
    }
}
