import Testing
import TerminalUI

@Suite("Keymap")
struct KeymapTests {
    enum Command: Hashable, Sendable {
        case quit, help, closeHelp, down, up, nextPane, filter, cyclePolicy, toggleAllow, detail
    }

    enum Pane: Hashable, Sendable, CaseIterable {
        case sections, undefined, help
    }

    typealias Map = Keymap<Command, Pane>

    let keymap = Map([
        .init([.character("?")], .help, label: "help", help: "Show this help", scope: .everywhereExcept([.help])),
        .init([.character("q")], .quit, label: "quit", help: "Quit", scope: .everywhereExcept([.help])),
        .init([.character("j"), .down], .down, label: "move", help: "Next row", group: "Moving", hintKeys: "j/k"),
        .init([.character("k"), .up], .up, label: "up", help: "Previous row", group: "Moving", inHints: false),
        .init([.tab], .nextPane, label: "pane", help: "Next pane", group: "Moving"),
        .init([.character("/")], .filter, label: "filter", help: "Filter the rows"),
        .init([.character("p")], .cyclePolicy, label: "policy", help: "Cycle the policy: error, import, allow",
              scope: .only([.undefined]), group: "Undefined symbols"),
        .init([.space], .toggleAllow, label: "allow", help: "Toggle the symbol in the allow list",
              scope: .only([.undefined]), group: "Undefined symbols"),
        .init([.enter], .detail, label: "detail", help: "Details of the row", scope: .everywhereExcept([.help])),
        .init([.character("q"), .escape, .character("?")], .closeHelp, label: "close", help: "Close the help",
              scope: .only([.help]), group: "Help"),
    ])

    @Test("keys look up their command in the context where they apply")
    func lookup() {
        #expect(keymap.command(for: .character("j"), in: .sections) == .down)
        #expect(keymap.command(for: .down, in: .undefined) == .down)
        #expect(keymap.command(for: .character("p"), in: .undefined) == .cyclePolicy)
        #expect(keymap.command(for: .character("p"), in: .sections) == nil)
        #expect(keymap.command(for: .character("x"), in: .sections) == nil)
    }

    @Test("a binding scoped to a context wins over a general one, whatever the table order")
    func specificWins() {
        #expect(keymap.command(for: .character("q"), in: .sections) == .quit)
        #expect(keymap.command(for: .character("q"), in: .help) == .closeHelp)
        #expect(keymap.command(for: .character("?"), in: .help) == .closeHelp)
        #expect(keymap.command(for: .character("j"), in: .help) == .down)
    }

    @Test("the keymap under test has no conflicts; a duplicate key is reported")
    func conflicts() {
        #expect(keymap.conflicts(in: Pane.allCases).isEmpty)
        let clash = Map([
            .init([.character("d")], .detail, label: "a", help: "a"),
            .init([.character("d"), .character("x")], .filter, label: "b", help: "b", scope: .everywhereExcept([.help])),
        ])
        let found = clash.conflicts(in: [.sections, .help])
        #expect(found.count == 1)
        #expect(found.first?.key == .character("d"))
        #expect(found.first?.context == .sections)
        #expect(found.first?.commands == [.detail, .filter])
    }

    @Test("the hint line shows the keys that work in the focused pane, in table order")
    func hintLine() {
        #expect(keymap.hintLine(in: .sections, width: 200) == "? help  q quit  j/k move  Tab pane  / filter  Enter detail")
        #expect(keymap.hintLine(in: .undefined, width: 200)
            == "? help  q quit  j/k move  Tab pane  / filter  p policy  Space allow  Enter detail")
        #expect(keymap.hintLine(in: .help, width: 200) == "j/k move  Tab pane  / filter  q close")
    }

    @Test("the hint line keeps whole items that fit the width")
    func hintLineWidth() {
        #expect(keymap.hintLine(in: .sections, width: 20) == "? help  q quit")
        #expect(keymap.hintLine(in: .sections, width: 3) == "")
    }

    @Test("the help overlay groups bindings with the help column aligned")
    func helpLines() {
        #expect(keymap.helpLines(in: .undefined) == [
            "General",
            "  ?        Show this help",
            "  q        Quit",
            "  /        Filter the rows",
            "  Enter    Details of the row",
            "",
            "Moving",
            "  j, Down  Next row",
            "  k, Up    Previous row",
            "  Tab      Next pane",
            "",
            "Undefined symbols",
            "  p        Cycle the policy: error, import, allow",
            "  Space    Toggle the symbol in the allow list",
        ])
        #expect(keymap.helpSections().map(\.title) == ["General", "Moving", "Undefined symbols", "Help"])
        #expect(keymap.helpSections().last?.rows.first?.keys == "q, Esc, ?")
    }

    @Test("the table renders as Markdown for the keybinding docs")
    func markdown() {
        let text = keymap.markdown { "\($0)" }
        #expect(text.hasPrefix("## General\n\n| Keys | Action | Where |\n|---|---|---|\n| `?` | Show this help | everywhere but help |\n"))
        #expect(text.contains("| `p` | Cycle the policy: error, import, allow | undefined |"))
        #expect(text.contains("## Help\n"))
    }

    @Test("key labels are ASCII and name invisible keys")
    func labels() {
        #expect(Key.space.label == "Space")
        #expect(Key.control("u").label == "^U")
        #expect(Key.backTab.label == "S-Tab")
        #expect(Key.function(5).label == "F5")
        #expect(Key.pageDown.label == "PgDn")
        #expect(Key.character("\u{1b}").label == #"\x1b"#)
    }
}
