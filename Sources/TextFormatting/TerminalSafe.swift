/// Makes input-derived text safe to print on a terminal.
///
/// Symbol and section names come from files anyone can craft, so a name could carry escape
/// sequences that retitle the window, clear the screen or reorder text (bidi overrides).
/// Every C0 and C1 control, DEL, and the bidi embedding/override/isolate characters are
/// replaced by a visible escape: `\x1b`, `\x7f`, `\u{202e}`. A backslash stays as it is, so
/// ordinary names never change.
public enum TerminalSafe {
    /// Whether `scalar` must not reach a terminal raw.
    @inline(__always)
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 || value == 0x7f { return true }
        if value >= 0x80 && value < 0xa0 { return true }
        if value >= 0x202a && value <= 0x202e { return true }       // LRE RLE PDF LRO RLO
        if value >= 0x2066 && value <= 0x2069 { return true }       // LRI RLI FSI PDI
        if value == 0x200e || value == 0x200f || value == 0x061c { return true }   // LRM RLM ALM
        return false
    }

    /// Whether `text` may be printed as it is. Fast path: every byte printable ASCII (one
    /// comparison per byte); otherwise the scalars are checked.
    public static func isSafe(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var printable = true
            for byte in bytes { printable = printable && (byte &- 0x20) < 0x5f }
            if printable { return true }
            return !String(decoding: bytes, as: UTF8.self).unicodeScalars.contains(where: isUnsafe)
        }
    }

    /// `text` with every unsafe scalar escaped; returns `text` itself when nothing needs it.
    public static func escape(_ text: String) -> String {
        guard !isSafe(text) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) {
                if scalar.value < 0x100 {
                    result += "\\x" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
                } else {
                    result += "\\u{" + String(scalar.value, radix: 16) + "}"
                }
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
