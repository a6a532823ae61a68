import TerminalText

/// Makes input-derived text safe to print on a terminal: the CLI's face of
/// ``TerminalText/safe(_:)``, so that the plain-text output and the TUI escape exactly the
/// same scalars the same way.
///
/// Symbol and section names come from files anyone can craft, so a name could carry escape
/// sequences that retitle the window, clear the screen or reorder text (bidi overrides), or
/// invisible characters that make two names look the same. Every C0 and C1 control, DEL,
/// format character (bidi embeddings, overrides, isolates and marks, zero-width spaces and
/// joiners, the BOM), line and paragraph separator and unassigned code point is replaced by
/// a visible escape: `\x1b`, `\x7f`, `\u{202e}`. A backslash stays as it is, so ordinary
/// names never change.
public enum TerminalSafe {
    /// Whether `scalar` must not reach a terminal raw.
    @inline(__always)
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        TerminalText.mustEscape(scalar)
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
        return TerminalText.safe(text)
    }
}
