@testable import InspectorUI
import TerminalUI
import Testing

/// The key table: one binding per key and context, and the help and hint lines come from it.
@Suite("Keymap")
struct InspectorKeymapTests {
    let table = InspectorKeymap.table

    @Test("no key runs two commands in any context")
    func noConflicts() {
        #expect(table.conflicts(in: KeyContext.all).isEmpty)
    }

    @Test("the keys of the spec reach their commands in a pane")
    func specKeys() {
        let pane = KeyContext.pane(.undefined)
        let expected: [(Key, Command)] = [
            (.tab, .focusNext), (.backTab, .focusPrevious), (.character("1"), .focus(.sections)),
            (.character("5"), .focus(.findings)), (.character("j"), .moveDown), (.down, .moveDown),
            (.character("k"), .moveUp), (.up, .moveUp), (.pageDown, .pageDown), (.pageUp, .pageUp),
            (.character("g"), .first), (.character("G"), .last), (.enter, .openDetail), (.character("/"), .filter),
            (.character("n"), .nextMatch), (.character("N"), .previousMatch), (.escape, .clearFilter),
            (.character("s"), .sort), (.character("p"), .cyclePolicy), (.space, .toggleAllow),
            (.character("w"), .writeAllowList), (.character("e"), .exportReport), (.character("d"), .toggleDemangle),
            (.character("r"), .reload), (.character("?"), .help), (.character("q"), .quit),
        ]
        for (key, command) in expected {
            #expect(table.command(for: key, in: pane) == command, "\(key.label)")
        }
    }

    @Test("in an overlay, Esc and Enter close it and the pane keys do not apply")
    func overlayKeys() {
        #expect(table.command(for: .escape, in: .detail) == .closeOverlay)
        #expect(table.command(for: .enter, in: .help) == .closeOverlay)
        #expect(table.command(for: .character("/"), in: .detail) == nil)
        #expect(table.command(for: .tab, in: .help) == nil)
        #expect(table.command(for: .character("e"), in: .help) == nil)
    }

    @Test("the help lists every binding, grouped")
    func helpListsEverything() {
        let text = table.helpLines().joined(separator: "\n")
        for binding in table.bindings {
            #expect(text.contains(binding.help), "\(binding.help)")
        }
        for group in ["General", "Panes", "Moving", "Finding", "Link"] {
            #expect(table.helpLines().contains(group))
        }
    }

    @Test("the hint line shows the keys that work in the focused pane")
    func hints() {
        let undefined = table.hints(in: .pane(.undefined)).map(\.text)
        #expect(undefined.contains("Space allow"))
        #expect(undefined.contains("p policy"))
        let sections = table.hints(in: .pane(.sections)).map(\.text)
        #expect(!sections.contains("Space allow"))
        #expect(sections.contains("/ filter"))
        let help = table.hints(in: .help).map(\.text)
        #expect(help.contains("Esc close"))
        #expect(!help.contains("/ filter"))
    }
}
