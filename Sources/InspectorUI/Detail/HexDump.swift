import WasmDecoding

/// Hex dump lines with absolute offsets, 16 bytes a line:
/// `00000029  01 0f 5f 5f 6c 69 6e 65  61 72 5f 6d 65 6d 6f 72  |..__linear_memor|`.
public enum HexDump {
    /// The most bytes one dump shows; longer ones end with a line saying how many more.
    public static let limit = 512

    public static func lines(_ window: ByteWindow, limit: Int = HexDump.limit) -> [String] {
        let shown = window.slice(relative: 0..<min(window.count, limit))
        var lines = lines(shown.bytes, offset: shown.absoluteStart)
        if window.count > shown.count {
            lines.append("… \(Format.count(window.count - shown.count)) more bytes")
        }
        return lines
    }

    /// Lines for `bytes` that start at absolute offset `offset`.
    public static func lines(_ bytes: [UInt8], offset: Int) -> [String] {
        guard !bytes.isEmpty else { return ["(no bytes)"] }
        let digits = max(8, String(offset + bytes.count, radix: 16).count)
        var result: [String] = []
        var start = 0
        while start < bytes.count {
            let chunk = bytes[start..<min(bytes.count, start + 16)]
            var hex = ""
            var ascii = ""
            for (index, byte) in chunk.enumerated() {
                if index == 8 { hex += " " }
                hex += Format.hex(Int(byte), digits: 2) + " "
                ascii.append(byte >= 0x20 && byte < 0x7f ? Character(Unicode.Scalar(byte)) : ".")
            }
            let padding = String(repeating: " ", count: max(0, 49 - hex.count))
            result.append(Format.hex(offset + start, digits: digits) + "  " + hex + padding + " |" + ascii + "|")
            start += 16
        }
        return result
    }
}
