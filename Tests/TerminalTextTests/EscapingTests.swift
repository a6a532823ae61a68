import Testing
import TerminalText

@Suite("Terminal-safe text")
struct EscapingTests {
    @Test("ordinary names, including non-ASCII and emoji, pass through unchanged")
    func ordinaryTextUnchanged() {
        for name in ["mylibrary_init", "_ZN4core3fmt5write17h", "名前", "café", "e\u{301}", "😀", "path/to/a.o", #"C:\dir"#] {
            #expect(TerminalText.safe(name) == name)
        }
    }

    @Test("ESC and the other C0 controls, DEL and C1 controls are shown as escapes")
    func controls() {
        #expect(TerminalText.safe("a\u{1b}]0;pwned\u{07}b") == #"a\x1b]0;pwned\x07b"#)
        #expect(TerminalText.safe("\u{0}\u{9}\u{a}\u{d}\u{7f}") == #"\x00\x09\x0a\x0d\x7f"#)
        #expect(TerminalText.safe("x\u{9b}31mred") == #"x\x9b31mred"#)
        #expect(TerminalText.safe("\u{85}") == #"\x85"#)
    }

    @Test("bidi embeddings, overrides, isolates and marks are shown as escapes")
    func bidi() {
        for value: UInt32 in [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x061C] {
            let scalar = Unicode.Scalar(value)!
            #expect(TerminalText.mustEscape(scalar), "U+\(String(value, radix: 16))")
        }
        #expect(TerminalText.safe("evil\u{202e}cnuf") == #"evil\u{202e}cnuf"#)
    }

    @Test("invisible format characters and separators are shown, so lookalike names differ")
    func invisible() {
        #expect(TerminalText.safe("fo\u{200b}o") == #"fo\u{200b}o"#)
        #expect(TerminalText.safe("a\u{200d}b\u{feff}c\u{ad}") == #"a\u{200d}b\u{feff}c\xad"#)
        #expect(TerminalText.safe("line\u{2028}break\u{2029}") == #"line\u{2028}break\u{2029}"#)
    }

    @Test("unassigned code points are shown as escapes")
    func unassigned() {
        #expect(TerminalText.safe("\u{378}") == #"\u{378}"#)
        #expect(TerminalText.safe("\u{e0080}") == #"\u{e0080}"#)
    }

    @Test("the display width counts escapes as what is shown")
    func displayWidth() {
        #expect(TerminalText.displayWidth("abc") == 3)
        #expect(TerminalText.displayWidth("\u{1b}") == 4)
        #expect(TerminalText.displayWidth("\u{202e}") == 8)
        #expect(TerminalText.displayWidth("\u{e0080}") == 9)
        #expect(TerminalText.displayWidth("名前") == 4)
        #expect(TerminalText.displayWidth("e\u{301}") == 1)
        for text in ["\u{1b}[2J", "a\u{202e}b", "\u{9b}", "x\u{e0080}"] {
            #expect(TerminalText.displayWidth(text) == TerminalText.safe(text).count)
        }
    }

    @Test("truncation cuts to the width with an ellipsis, never splitting a wide character")
    func truncation() {
        #expect(TerminalText.truncated("mylibrary_init", toWidth: 20) == "mylibrary_init")
        #expect(TerminalText.truncated("mylibrary_init", toWidth: 8) == "mylibra…")
        #expect(TerminalText.truncated("名前名前", toWidth: 6) == "名前…")
        #expect(TerminalText.truncated("名前名前", toWidth: 4, ellipsis: "~") == "名~")
        #expect(TerminalText.truncated("a\u{1b}b", toWidth: 4) == #"a\x…"#)
        #expect(TerminalText.truncated("abc", toWidth: 0) == "")
    }
}
