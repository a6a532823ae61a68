import Testing
import TextFormatting

@Suite("Terminal-safe text")
struct TerminalSafeTests {
    @Test("ordinary names, backslashes and non-ASCII letters pass unchanged")
    func ordinary() {
        for name in ["mylibrary_init", "_ZN4core3fmt5write17h0123456789abcdefE", "a\\b", "größe", "名前", "🦀"] {
            #expect(TerminalSafe.escape(name) == name)
        }
    }

    @Test("escape sequences, CR, backspace, DEL, C1 controls and bidi overrides are escaped")
    func hostile() {
        #expect(TerminalSafe.escape("\u{1b}]0;pwned\u{07}x") == "\\x1b]0;pwned\\x07x")
        #expect(TerminalSafe.escape("a\u{1b}[2Jb") == "a\\x1b[2Jb")
        #expect(TerminalSafe.escape("ok\rbad\u{08}") == "ok\\x0dbad\\x08")
        #expect(TerminalSafe.escape("\u{7f}\u{9b}") == "\\x7f\\x9b")
        #expect(TerminalSafe.escape("abc\u{202e}def\u{2066}") == "abc\\u{202e}def\\u{2066}")
    }
}

@Suite("Text tables")
struct TextTableTests {
    @Test("columns align, right-aligned columns pad on the left, no trailing blanks")
    func aligned() {
        var table = TextTable([.init("name"), .init("size", .right), .init("note")])
        table.append(["type", "12"])
        table.append(["import", "1024", "x"])
        #expect(table.render() == """
            name    size  note
            type      12
            import  1024  x

            """)
    }

    @Test("TSV escapes tabs and newlines inside cells")
    func tsv() {
        var table = TextTable([.init("a"), .init("b")])
        table.append(["x\ty", "1\n2"])
        #expect(table.renderTSV() == "a\tb\nx\\x09y\t1\\x0a2\n")
    }
}

@Suite("JSON writer")
struct JSONWriterTests {
    @Test("keys keep their order, nulls are written, control characters are \\u-escaped")
    func document() {
        var writer = JSONWriter(pretty: false)
        writer.object { o in
            o.field("schema", "x/1")
            o.field("member", nil as String?)
            o.array("names") { a in
                a.value("a\u{1b}[2J")
                a.value("q\"\\")
            }
            o.field("ok", true)
            o.field("n", 3)
        }
        #expect(writer.output == #"{"schema":"x/1","member":null,"names":["a\u001b[2J","q\"\\"],"ok":true,"n":3}"#)
    }

    @Test("pretty output indents nested values")
    func pretty() {
        var writer = JSONWriter()
        writer.object { o in
            o.array("xs") { a in a.object { $0.field("k", 1) } }
        }
        #expect(writer.output == "{\n  \"xs\": [\n    {\n      \"k\": 1\n    }\n  ]\n}")
    }
}

@Suite("Terminal-safe text, shared with the TUI")
struct SharedTerminalTextTests {
    @Test("invisible characters that would make two names look alike are escaped, as in the TUI")
    func invisible() {
        #expect(TerminalSafe.escape("fo\u{200b}o") == "fo\\u{200b}o")
        #expect(TerminalSafe.escape("a\u{feff}b\u{2028}") == "a\\u{feff}b\\u{2028}")
    }

    @Test("wide characters count two columns, so tables of CJK names align")
    func wideColumns() {
        var table = TextTable([.init("name"), .init("kind")])
        table.append(["名前", "func"])
        table.append(["abcdef", "data"])
        #expect(table.render() == """
            name    kind
            名前    func
            abcdef  data

            """)
        #expect(TextTable.width("e\u{301}") == 1)
    }
}
