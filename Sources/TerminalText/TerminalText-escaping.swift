extension TerminalText {
    /// Whether `scalar` must be shown escaped rather than written to a terminal.
    ///
    /// Escaped: every control character (C0 including ESC, DEL, and C1 — which some terminals
    /// take as an 8-bit CSI), every format character (bidi embeddings, overrides and isolates
    /// U+202A–202E and U+2066–2069, bidi marks, zero-width spaces and joiners, the byte-order
    /// mark, tag characters, the soft hyphen), the line and paragraph separators, and anything
    /// the terminal's width table says is not printable (unassigned code points). Backslashes
    /// are left alone so that ordinary names stay readable; an escape is therefore shown, not
    /// proven.
    public static func mustEscape(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value >= 0x20, value < 0x7F { return false }
        if value < 0x20 || (value >= 0x7F && value <= 0x9F) { return true }
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned:
            return true
        default:
            return width(of: scalar) == nil
        }
    }

    /// How an escaped scalar is shown: `\x1b` below U+0100 (C0, DEL, C1, the soft hyphen),
    /// `\u{202e}` above; lowercase hex. (The same spelling as `TextFormatting.TerminalSafe`.)
    public static func escape(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16)
        if scalar.value < 0x100 {
            return hex.count < 2 ? "\\x0" + hex : "\\x" + hex
        }
        return "\\u{" + hex + "}"
    }

    /// The columns ``escape(_:)`` takes for `scalar` (it is all ASCII).
    static func escapeWidth(_ scalar: Unicode.Scalar) -> Int {
        if scalar.value < 0x100 { return 4 }
        var digits = 1
        var value = scalar.value >> 4
        while value != 0 {
            digits += 1
            value >>= 4
        }
        return digits + 4
    }

    /// `text` with every scalar that ``mustEscape(_:)`` escaped; everything else unchanged.
    ///
    /// Use it on every input-derived string (names, paths, messages quoting input) before
    /// printing it or drawing it. Text that needs no escaping is returned as is.
    public static func safe(_ text: some StringProtocol) -> String {
        guard text.unicodeScalars.contains(where: mustEscape) else { return String(text) }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            if mustEscape(scalar) {
                result += escape(scalar)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

extension StringProtocol {
    /// This text made safe to write to a terminal; see ``TerminalText/safe(_:)``.
    public var terminalSafe: String { TerminalText.safe(self) }
}
