import TerminalText

/// Text cut into what cells hold: terminal-safe graphemes with their widths.
///
/// Every scalar that ``TerminalText/mustEscape(_:)`` names becomes its escape, one ASCII
/// cell a character, so nothing input-derived reaches the terminal raw. Zero-width scalars
/// join the preceding grapheme (at most four of them, the most an ncurses cell holds);
/// one with nothing to join, or one too many, is shown escaped too.
struct GlyphRun {
    /// One grapheme and its width (1 or 2).
    struct Glyph {
        var character: Character
        var wide: Bool
        var width: Int { wide ? 2 : 1 }
    }

    private(set) var glyphs: [Glyph] = []
    /// Total columns.
    private(set) var width = 0

    /// The most zero-width scalars one cell carries after its base.
    static let maxZeroWidthScalars = 4

    init(_ text: some StringProtocol) {
        glyphs.reserveCapacity(text.utf8.count)
        // The grapheme being built: a base scalar and the zero-width scalars joined to it
        // (a string is only made when there are any, which is rare).
        var base: Unicode.Scalar? = nil
        var baseWide = false
        var extras: [Unicode.Scalar] = []

        func flush() {
            guard let scalar = base else { return }
            if extras.isEmpty {
                glyphs.append(Glyph(character: Character(scalar), wide: baseWide))
                width += baseWide ? 2 : 1
            } else {
                var scalars = String.UnicodeScalarView([scalar])
                scalars.append(contentsOf: extras)
                appendGrapheme(String(scalars), wide: baseWide)
                extras.removeAll(keepingCapacity: true)
            }
            base = nil
        }

        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value >= 0x20, value < 0x7F {
                // Printable ASCII: the common case, one narrow cell.
                flush()
                base = scalar
                baseWide = false
                continue
            }
            let scalarWidth = TerminalText.mustEscape(scalar) ? nil : TerminalText.width(of: scalar)
            switch scalarWidth {
            case .some(0):
                if base != nil, extras.count < Self.maxZeroWidthScalars {
                    extras.append(scalar)
                } else {
                    flush()
                    appendEscape(scalar)
                }
            case .some(let columns):
                flush()
                base = scalar
                baseWide = columns == 2
            case .none:
                flush()
                appendEscape(scalar)
            }
        }
        flush()
    }

    /// Adds a grapheme; if Swift does not see the scalars as one grapheme (a zero-width
    /// scalar that does not extend its base), the base is kept and the rest escaped.
    private mutating func appendGrapheme(_ text: String, wide: Bool) {
        if text.count == 1, let character = text.first {
            glyphs.append(Glyph(character: character, wide: wide))
            width += wide ? 2 : 1
            return
        }
        var scalars = text.unicodeScalars.makeIterator()
        if let base = scalars.next() {
            glyphs.append(Glyph(character: Character(base), wide: wide))
            width += wide ? 2 : 1
        }
        while let scalar = scalars.next() { appendEscape(scalar) }
    }

    private mutating func appendEscape(_ scalar: Unicode.Scalar) {
        for character in TerminalText.escape(scalar) {
            glyphs.append(Glyph(character: character, wide: false))
            width += 1
        }
    }
}
