import InspectorUI
import LinkModel
import TerminalUI
import TestSupport
import Testing

/// The screens of the demo link as text files (`__Snapshots__/ScreenSnapshotTests/`), styles
/// included; `RECORD_SNAPSHOTS=1 swift test --filter ScreenSnapshotTests` re-records them.
@Suite("Screens of the demo link")
struct ScreenSnapshotTests {
    @Test("the first screen: Undefined focused, policy error, 120×40")
    func firstScreen() {
        assertSnapshot(DemoFixture.snapshot(DemoFixture.loaded()), named: "undefined-focused-error-120x40")
    }

    @Test("each pane focused", arguments: [PaneID.sections, .defined, .imports, .findings])
    func paneFocused(_ pane: PaneID) {
        var state = DemoFixture.loaded()
        state.press(.character(Character(String(pane.number))))
        #expect(state.focus == pane)
        assertSnapshot(DemoFixture.snapshot(state), named: "\(pane.title.lowercased())-focused")
    }

    @Test("the import and allow policies", arguments: [PolicyName.import, .allow])
    func policies(_ policy: PolicyName) {
        var state = DemoFixture.loaded()
        while state.policy.name != policy { state.press(.character("p")) }
        assertSnapshot(DemoFixture.snapshot(state), named: "policy-\(policy.rawValue)")
    }

    @Test("a filter being typed: the prompt, the cursor, the pane narrowed live")
    func filterPrompt() {
        var state = DemoFixture.loaded()
        state.press(.character("/"))
        state.type("co")
        let frame = Screen.render(state)
        #expect(frame.cursor == Frame.Cursor(row: 39, column: 21))
        assertSnapshot(DemoFixture.snapshot(state), named: "filter-typing")
    }

    @Test("a filter kept with Enter, a pane sorted by name reversed")
    func filterAndSort() {
        var state = DemoFixture.loaded()
        state.press(.character("/"))
        state.type("o")
        state.press(.enter, .character("s"), .character("s"))
        assertSnapshot(DemoFixture.snapshot(state, styles: false), named: "filter-kept-sorted-descending")
    }

    @Test("the detail view of an undefined symbol: fields, policies, findings, references, raw bytes")
    func detail() {
        var state = DemoFixture.loaded()
        state.press(.character("j"), .enter)
        assertSnapshot(DemoFixture.snapshot(state, styles: false), named: "detail-mylibraryinit")
    }

    @Test("the detail view of a section: header and payload bytes")
    func sectionDetail() {
        var state = DemoFixture.loaded()
        state.press(.character("1"), .character("j"), .enter)
        assertSnapshot(DemoFixture.snapshot(state, styles: false), named: "detail-section-import")
    }

    @Test("the help overlay, generated from the keymap")
    func help() {
        var state = DemoFixture.loaded()
        state.press(.character("?"))
        assertSnapshot(DemoFixture.snapshot(state), named: "help")
    }

    @Test("a narrow terminal: 80×24")
    func narrow() {
        assertSnapshot(DemoFixture.snapshot(DemoFixture.loaded(size: Size(rows: 24, columns: 80))), named: "narrow-80x24")
    }

    @Test("a wide terminal: 200×60")
    func wide() {
        assertSnapshot(DemoFixture.snapshot(DemoFixture.loaded(size: Size(rows: 60, columns: 200))), named: "wide-200x60")
    }

    @Test("below the minimum size: a message, nothing else")
    func tooSmall() {
        assertSnapshot(DemoFixture.snapshot(DemoFixture.loaded(size: Size(rows: 12, columns: 50))), named: "too-small-50x12")
    }

    @Test("monochrome (no colours, NO_COLOR): attributes only")
    func monochrome() {
        let state = DemoFixture.loaded(capabilities: TerminalCapabilities(unicode: true, colors: false))
        let text = Screen.render(state).grid.snapshot()
        let colored = text.contains("fg=") || text.contains("bg=")
        #expect(!colored)
        assertSnapshot(DemoFixture.snapshot(state), named: "monochrome")
    }

    @Test("a locale that is not UTF-8: ASCII frames and marks")
    func ascii() {
        let state = DemoFixture.loaded(capabilities: TerminalCapabilities(unicode: false, colors: true))
        let text = DemoFixture.snapshot(state, styles: false)
        let ascii = text.unicodeScalars.allSatisfy { $0.isASCII }
        #expect(ascii)
        assertSnapshot(text, named: "ascii")
    }

    @Test("before anything is loaded: empty panes and the progress line")
    func loading() {
        let state = AppState(source: DemoFixture.source(), size: Size(rows: 24, columns: 80))
        assertSnapshot(DemoFixture.snapshot(state, styles: false), named: "loading")
    }

    @Test("an export asking before it replaces a file")
    func confirmOverwrite() throws {
        var state = DemoFixture.loaded()
        state.press(.character("e"))
        let effects = state.press(.enter)
        let request = try #require(effects.first?.writeRequest, "no write: \(effects)")
        _ = state.handle(.wrote(request, .exists))
        assertSnapshot(DemoFixture.snapshot(state, styles: false), named: "confirm-overwrite")
    }
}
