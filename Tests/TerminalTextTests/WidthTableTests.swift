#if canImport(Glibc)
import Glibc
#endif
import Testing
import TerminalText

@_silgen_name("wcwidth") private func libcWcwidth(_ character: Int32) -> Int32

@Suite("Display width")
struct WidthTableTests {
    @Test("East Asian wide characters and emoji take two columns, combining marks none")
    func knownWidths() {
        #expect(TerminalText.width(of: "a") == 1)
        #expect(TerminalText.width(of: "中") == 2)
        #expect(TerminalText.width(of: "\u{3000}") == 2)
        #expect(TerminalText.width(of: "😀") == 2)
        #expect(TerminalText.width(of: "\u{301}") == 0)
        #expect(TerminalText.width(of: "\u{fe0f}") == 0)
        #expect(TerminalText.width(of: "\u{1b}") == nil)
        #expect(TerminalText.width(of: "\u{e000}") == 1)
    }

    #if canImport(Glibc)
    /// The table is generated from glibc; if this fails after an OS upgrade, rerun
    /// `Sources/TerminalText/Width/generate-width-table.sh`.
    /// Whether the C library has the `C.UTF-8` locale (it is then the one in effect).
    static let hasUTF8Locale = setlocale(LC_CTYPE, "C.UTF-8") != nil

    @Test("the width table agrees with the C library's wcwidth for every scalar",
          .enabled(if: hasUTF8Locale, "the C library has no C.UTF-8 locale to compare with"))
    func agreesWithLibc() {
        setlocale(LC_CTYPE, "C.UTF-8")
        var mismatches: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let expected = libcWcwidth(Int32(value))
            let actual = TerminalText.width(of: scalar).map(Int32.init) ?? -1
            if expected != actual, mismatches.count < 20 {
                mismatches.append("U+\(String(value, radix: 16)): libc \(expected), table \(actual)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches)")
    }
    #endif
}
