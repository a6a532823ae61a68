import InspectorTerminal
@testable import InspectorUI
import LinkModel
import TerminalUI
import TestSupport
import Testing
import Findings
import Reporting
import SourceLocations
import WasmDecoding

/// Every command of the keymap, pressed on the demo link: what the state becomes and what
/// the reducer asks the run loop to do.
@Suite("Reducer: the commands on the demo link")
struct ReducerTests {
    // MARK: panes and moving

    @Test("Tab and Shift-Tab cycle the panes; 1–5 focus one")
    func focus() {
        var state = DemoFixture.loaded()
        #expect(state.focus == .undefined)
        state.press(.tab)
        #expect(state.focus == .imports)
        state.press(.tab, .tab)
        #expect(state.focus == .sections)
        state.press(.backTab)
        #expect(state.focus == .findings)
        for pane in PaneID.allCases {
            state.press(.character(Character(String(pane.number))))
            #expect(state.focus == pane)
        }
    }

    @Test("j/k and the arrows move one row, PgDn/PgUp a page, g/G to the ends")
    func moving() {
        var state = DemoFixture.loaded(size: Size(rows: 24, columns: 80))
        state.press(.character("1"))
        let count = state.pane(.sections).shownCount
        state.press(.character("j"), .down)
        #expect(state.pane(.sections).list.selection == 2)
        state.press(.character("k"))
        #expect(state.pane(.sections).list.selection == 1)
        state.press(.up, .up)
        #expect(state.pane(.sections).list.selection == 0)
        state.press(.pageDown)
        let page = state.layout.viewportHeight(.sections) - 1
        #expect(state.pane(.sections).list.selection == page)
        state.press(.pageUp)
        #expect(state.pane(.sections).list.selection == 0)
        state.press(.character("G"))
        #expect(state.pane(.sections).list.selection == count - 1)
        #expect(state.pane(.sections).list.visibleRange.contains(count - 1))
        state.press(.character("g"))
        #expect(state.pane(.sections).list.selection == 0)
        state.press(.end)
        #expect(state.pane(.sections).list.selection == count - 1)
        state.press(.home)
        #expect(state.pane(.sections).list.selection == 0)
    }

    @Test("Enter opens the detail of the selected row, Esc and Enter close it")
    func detail() throws {
        var state = DemoFixture.loaded()
        state.press(.character("j"), .enter)
        let detail = try #require(state.overlay?.detail, "no detail view")
        #expect(detail.key == "mylibraryinit")
        let text = detail.lines.map(\.text)
        #expect(text.contains("app.o  in _start  (code, R_WASM_FUNCTION_INDEX_LEB)"))
        #expect(text.contains { $0.hasPrefix("000001cf  00 10 01") })
        #expect(state.keyContext == .detail)
        state.press(.escape)
        #expect(state.overlay == nil)
        state.press(.enter, .enter)
        #expect(state.overlay == nil)
    }

    @Test("source lines: the Undefined pane gets a source column and the detail view each use's file:line:column")
    func sourceLines() throws {
        var state = DemoFixture.loaded()
        #expect(!state.pane(.undefined).schema.columns.contains { $0.title == "source" })
        let position = SourcePosition(file: "src/app.c", directory: "/work/demo", line: 12, column: 5, function: "_start")
        let sources = SourceReferences(bySymbol: ["mylibraryinit": [
            SourceReference(input: "app.o", member: nil, function: "_start", section: "code", codeOffset: 0x1d, position: position),
        ]])
        _ = state.handle(.loaded(.sourceLines(sources), generation: state.loadGeneration))
        let columns = state.pane(.undefined).schema.columns.map(\.title)
        let source = try #require(columns.firstIndex(of: "source"))
        let row = try #require((0..<10).compactMap { state.pane(.undefined).row(at: $0) }.first { $0.key == "mylibraryinit" })
        #expect(row.cells[source] == "src/app.c:12:5")
        state.press(.character("j"), .enter)
        let detail = try #require(state.overlay?.detail)
        #expect(detail.key == "mylibraryinit")
        #expect(detail.lines.map(\.text).contains("src/app.c:12:5 in _start  (app.o, code offset 0x1d)"))
    }

    @Test("j/k scroll the detail view, and stop at its last page")
    func detailScroll() throws {
        var state = DemoFixture.loaded(size: Size(rows: 16, columns: 80))
        state.press(.character("j"), .enter)
        for _ in 0..<200 { state.press(.character("j")) }
        let detail = try #require(state.overlay?.detail)
        let rows = OverlayText.rows(detail.lines, width: OverlayText.textArea(state.layout).columns).count
        #expect(detail.scroll == OverlayText.maximumScroll(rowCount: rows, layout: state.layout))
        #expect(detail.scroll > 0)
        state.press(.character("g"))
        if case .detail(let top) = state.overlay { #expect(top.scroll == 0) }
    }

    @Test("n and N step through the shown rows, wrapping; the detail view follows")
    func nextMatch() throws {
        var state = DemoFixture.loaded()
        let count = state.pane(.undefined).shownCount
        state.press(.character("N"))
        #expect(state.pane(.undefined).list.selection == count - 1)
        state.press(.character("n"))
        #expect(state.pane(.undefined).list.selection == 0)
        state.press(.enter, .character("n"))
        let detail = try #require(state.overlay?.detail, "the detail view closed")
        #expect(detail.key == "mylibraryinit")
    }

    // MARK: filter and sort

    @Test("/ filters the focused pane as you type; Enter keeps it, Esc in the pane clears it")
    func filter() {
        var state = DemoFixture.loaded()
        state.press(.character("/"))
        #expect(state.prompt?.kind == .filter(.undefined, original: ""))
        state.type("CONFIG")
        #expect(state.shownNames(.undefined) == ["config_value"])
        state.press(.enter)
        #expect(state.prompt == nil)
        #expect(state.pane(.undefined).filter == "CONFIG")
        #expect(state.pane(.undefined).list.selection == 0)
        state.press(.escape)
        #expect(state.pane(.undefined).filter == "")
        #expect(state.pane(.undefined).shownCount == 6)
    }

    @Test("Esc in the filter prompt restores the filter it started with")
    func filterCancel() {
        var state = DemoFixture.loaded()
        state.press(.character("/"))
        state.type("host")
        state.press(.enter)
        state.press(.character("/"))
        state.type("_log")
        #expect(state.shownNames(.undefined) == ["host_log"])
        state.press(.escape)
        #expect(state.pane(.undefined).filter == "host")
        #expect(state.shownNames(.undefined) == ["host_log", "host_time"])
    }

    @Test("a filter keeps the selection on the same row when it is still shown")
    func filterKeepsSelection() {
        var state = DemoFixture.loaded()
        state.press(.character("G"))
        #expect(state.pane(.undefined).selectedRow?.key == "optional_plugin")
        state.press(.character("/"))
        state.type("o")
        #expect(state.pane(.undefined).selectedRow?.key == "optional_plugin")
    }

    @Test("s sorts by name, s again reverses, S goes through the columns and back to link order")
    func sort() {
        var state = DemoFixture.loaded()
        let natural = state.shownNames(.undefined)
        state.press(.character("s"))
        #expect(state.shownNames(.undefined) == natural.sorted())
        state.press(.character("s"))
        #expect(state.shownNames(.undefined) == natural.sorted().reversed())
        let columns = state.pane(.undefined).schema.columns.count
        state.press(.character("S"))
        #expect(state.pane(.undefined).sort == SortOrder(column: 1, ascending: true))
        for _ in 1..<columns { state.press(.character("S")) }
        #expect(state.pane(.undefined).sort == .natural)
        #expect(state.shownNames(.undefined) == natural)
    }

    @Test("a pane larger than the threshold sorts and filters on a background thread with the same result")
    func backgroundView() throws {
        var small = DemoFixture.loaded()
        var state = DemoFixture.loaded()
        state.backgroundThreshold = 0
        small.press(.character("2"), .character("s"))
        state.press(.character("2"))
        let effects = state.press(.character("s"))
        let request = try #require(effects.first?.viewRequest, "no background view: \(effects)")
        #expect(state.pane(.defined).pendingView == request.generation)
        #expect(Screen.render(state).grid.snapshot(includeStyles: false).contains("sorting…"))
        _ = state.handle(.viewComputed(request, order: request.run()))
        #expect(state.pane(.defined).pendingView == nil)
        #expect(state.shownNames(.defined) == small.shownNames(.defined))

        // Filtering too; a result for an older request is dropped.
        state.press(.character("/"))
        let typed = state.handle(.key(.character("m")))
        let filtering = try #require(typed.first?.viewRequest, "no background filter: \(typed)")
        let newer = state.handle(.key(.character("y")))
        _ = state.handle(.viewComputed(filtering, order: filtering.run()))
        #expect(state.pane(.defined).pendingView != nil)
        let latest = try #require(newer.first?.viewRequest)
        _ = state.handle(.viewComputed(latest, order: latest.run()))
        #expect(state.shownNames(.defined) == ["mylibrary_init", "mylibrary_version"])
    }

    // MARK: the policy

    @Test("p cycles error → import → allow, and every outcome follows wasm-ld")
    func policy() {
        var state = DemoFixture.loaded()
        func outcome(_ name: String) -> Outcome? {
            state.prediction?.undefined.first { $0.name == name }?.outcome
        }
        #expect(state.policy.name == .error)
        #expect(outcome("mylibraryinit") == .error)
        #expect(outcome("config_value") == .error)
        #expect(outcome("host_log") == .import)
        #expect(state.prediction?.linkOK == false)

        state.press(.character("p"))
        #expect(state.policy.name == .import)
        #expect(outcome("mylibraryinit") == .import)
        #expect(outcome("config_value") == .error)       // --import-undefined does not cover data
        #expect(outcome("optional_plugin") == .weakUndefined)
        #expect(state.pane(.imports).shownCount == 4)
        #expect(state.message?.text == "policy import: 6 undefined → 4 imports, 1 error")

        state.press(.character("p"))
        #expect(state.policy.name == .allow)
        #expect(outcome("config_value") == .zero)
        #expect(state.prediction?.linkOK == true)
        #expect(state.undefinedRow("config_value")?.glyph == .zero)

        state.press(.character("p"))
        #expect(state.policy.name == .error)
        #expect(state.prediction?.errorCount == 4)
    }

    @Test("the row colours follow the policy: red errors become green imports")
    func policyTones() {
        var state = DemoFixture.loaded()
        #expect(state.undefinedRow("mylibraryinit")?.tone == .error)
        state.press(.character("p"))
        #expect(state.undefinedRow("mylibraryinit")?.tone == .good)
    }

    // MARK: the allow list

    @Test("space puts the selected undefined symbol in the allow list and takes it out again")
    func toggleAllow() {
        var state = DemoFixture.loaded()
        state.press(.character("j"))
        state.press(.space)
        #expect(state.allowList.names == ["mylibraryinit"])
        #expect(state.undefinedRow("mylibraryinit")?.allowed == true)
        #expect(state.prediction?.undefined.first { $0.name == "mylibraryinit" }?.outcome == .import)
        #expect(state.message?.text == "mylibraryinit added to the allow list: import env.mylibraryinit (w writes the list)")
        state.press(.space)
        #expect(state.allowList.names.isEmpty)
        #expect(state.prediction?.undefined.first { $0.name == "mylibraryinit" }?.outcome == .error)
    }

    @Test("space outside the Undefined pane says what it needs")
    func toggleAllowElsewhere() {
        var state = DemoFixture.loaded()
        state.press(.character("1"))
        #expect(InspectorKeymap.table.command(for: .space, in: state.keyContext) == nil)
        state.press(.character("3"), .enter, .space)
        #expect(state.allowList.names == ["host_log"])
    }

    @Test("w writes the allow list; from then on predictions use it as --allow-undefined-file")
    func writeAllowList() throws {
        var state = DemoFixture.loaded()
        state.press(.character("/"))
        state.type("config")
        state.press(.enter, .space)
        state.press(.character("w"))
        #expect(state.prompt?.kind == .writeAllowList)
        #expect(state.prompt?.input.text == "allow-undefined.txt")
        let effects = state.press(.enter)
        let expected = WriteRequest(kind: .allowList, path: "allow-undefined.txt", contents: "config_value\n")
        #expect(effects == [.write(expected)])
        _ = state.handle(.wrote(expected, .written))
        #expect(state.allowList.file == AllowList(path: "allow-undefined.txt", names: ["config_value"]))
        #expect(!state.allowList.isModified)
        #expect(state.prediction?.policy.flags == ["--allow-undefined-file=allow-undefined.txt"])
        #expect(state.prediction?.undefined.first { $0.name == "config_value" }?.outcome == .zero)
    }

    // MARK: export

    @Test("e then Enter exports exactly the report `wasm-undef report` prints for the link and policy")
    func export() throws {
        var state = DemoFixture.loaded()
        state.press(.character("p"))
        state.press(.character("e"))
        #expect(state.prompt?.kind == .exportReport)
        #expect(state.prompt?.input.text == "wasm-undef-report.txt")
        let effects = state.press(.enter)
        let request = try #require(effects.first?.writeRequest, "no write: \(effects)")
        #expect(request.kind == .report)
        #expect(request.path == "wasm-undef-report.txt")
        #expect(!request.overwrite)
        #expect(request.contents == (try DemoFixture.report(policy: UndefinedPolicy(.import))))
        _ = state.handle(.wrote(request, .written))
        #expect(state.message?.text == "wrote the report to wasm-undef-report.txt")
    }

    @Test("f, a choice and Enter write the fix-it `report --fix` prints; Esc cancels the choice", arguments: [
        ("r", FixIt.Language.rust, "wasm_imports.rs"), ("c", .c, "wasm_imports.h"), ("a", .allowFile, "allow-undefined.txt"),
    ])
    func fixIt(key: Character, language: FixIt.Language, path: String) throws {
        var state = DemoFixture.loaded()
        state.press(.character("f"))
        #expect(state.prompt?.kind == .chooseFixIt)
        state.press(.escape)
        #expect(state.prompt == nil)
        state.press(.character("f"), .character(key))
        #expect(state.prompt?.kind == .exportFixIt(language))
        #expect(state.prompt?.input.text == path)
        let effects = state.press(.enter)
        let request = try #require(effects.first?.writeRequest, "no write: \(effects)")
        #expect(request.kind == .fixIt)
        let prediction = try #require(state.prediction)
        #expect(request.contents == FixIt.render(language, for: prediction, findings: state.findings))
        #expect(request.contents.contains("mylibraryinit"))
        _ = state.handle(.wrote(request, .written))
        #expect(state.message?.text.hasPrefix("wrote a fix-it for") == true)
    }

    @Test("an export to an existing file asks first: y replaces it, n leaves it")
    func exportOverwrite() throws {
        var state = DemoFixture.loaded()
        state.press(.character("e"))
        state.press(.control("u"))
        state.type("out.txt")
        let effects = state.press(.enter)
        let request = try #require(effects.first?.writeRequest, "no write")
        #expect(request.path == "out.txt")
        _ = state.handle(.wrote(request, .exists))
        #expect(state.prompt?.kind == .confirmOverwrite(request))
        #expect(state.press(.character("x")).isEmpty)
        var replacing = request
        replacing.overwrite = true
        #expect(state.press(.character("y")) == [.write(replacing)])
        #expect(state.prompt == nil)

        _ = state.handle(.wrote(request, .exists))
        #expect(state.press(.character("n")).isEmpty)
        #expect(state.prompt == nil)
        #expect(state.message?.text == "not written: out.txt is left as it was")
    }

    @Test("a failed write says why, and an empty path writes nothing")
    func exportFailures() {
        var state = DemoFixture.loaded()
        state.press(.character("e"))
        let request = WriteRequest(kind: .report, path: "/nope/r.txt", contents: "")
        _ = state.handle(.wrote(request, .failed("cannot create a temporary file in /nope: No such file or directory")))
        #expect(state.message?.tone == .error)
        state.press(.character("e"), .control("u"))
        #expect(state.press(.enter).isEmpty)
        #expect(state.message?.text == "nothing written: no path given")
    }

    // MARK: names, reload, help, quit

    @Test("d switches between demangled and raw names")
    func demangle() {
        var state = DemoFixture.loaded()
        var pane = state.panes[PaneID.defined.rawValue]
        _ = pane.setRows([TableRow(key: "_Z3fooi", cells: ["_Z3fooi", "func", "global", "a.o", "", ""], demangled: "foo(int)",
                                   reference: .text("foo"))],
                         context: state.context(for: .defined))
        state.panes[PaneID.defined.rawValue] = pane
        #expect(Screen.render(state).grid.snapshot(includeStyles: false).contains("foo(int)"))
        state.press(.character("d"))
        #expect(!state.demangle)
        let raw = Screen.render(state).grid.snapshot(includeStyles: false)
        #expect(raw.contains("_Z3fooi"))
        #expect(!raw.contains("foo(int)"))
    }

    @Test("r reloads: a new load generation, old updates dropped, the selection kept by name")
    func reload() {
        var state = DemoFixture.loaded()
        state.press(.character("j"), .character("j"))
        #expect(state.pane(.undefined).selectedRow?.key == "compress_buffer")
        let effects = state.press(.character("r"))
        #expect(effects == [.load(generation: 2)])
        #expect(state.loading?.isReload == true)
        _ = state.handle(.loaded(.failed("stale"), generation: 1))
        #expect(state.data.loadError == nil)
        for update in DemoFixture.updates(DemoFixture.source()) {
            _ = state.handle(.loaded(update, generation: 2))
        }
        #expect(state.loading == nil)
        #expect(state.pane(.undefined).selectedRow?.key == "compress_buffer")
        #expect(state.pane(.undefined).shownCount == 6)
    }

    @Test("a change on disk reloads, keeping the focused pane, the selection, the filter and the policy")
    func changeOnDisk() {
        var state = DemoFixture.loaded()
        state.press(.character("p"))                               // error → import
        state.press(.character("j"), .character("j"))
        let policy = state.policy
        #expect(state.pane(.undefined).selectedRow?.key == "compress_buffer")
        let effects = state.handle(.filesChanged(["/x/app.o"]))
        #expect(effects == [.load(generation: 2)])
        #expect(state.loading?.text.contains("app.o changed") == true)
        let loader = InspectionLoader()
        _ = DemoFixture.updates(DemoFixture.source(), loader: loader)    // the first load, as the app made it
        for update in DemoFixture.updates(DemoFixture.source(), loader: loader) {
            _ = state.handle(.loaded(update, generation: 2))
        }
        #expect(state.focus == .undefined)
        #expect(state.policy == policy)
        #expect(state.pane(.undefined).selectedRow?.key == "compress_buffer")
        // Nothing changed on disk: everything was reused, and the status says so.
        #expect(state.data.statistics?.sectionsDecoded == 0)
        #expect(state.data.statistics?.objectsReused == 2)
        #expect(state.message?.text.hasPrefix("reloaded: 0 sections decoded") == true)
    }

    @Test("a reload that finds an input incomplete keeps what it showed and waits for the next change")
    func incompleteInput() {
        var state = DemoFixture.loaded()
        let undefinedBefore = state.pane(.undefined).totalCount
        _ = state.handle(.filesChanged(["app.o"]))
        _ = state.handle(.loaded(.incomplete("app.o: at offset 0x1a0: expected a section, but the input ends"), generation: 2))
        _ = state.handle(.loaded(.finished, generation: 2))
        #expect(state.loading == nil)
        #expect(state.waitingForInput)
        #expect(state.message?.text.contains("incomplete, waiting for the next change") == true)
        #expect(state.pane(.undefined).totalCount == undefinedBefore)
        #expect(state.prediction != nil)
        // The next change reloads.
        #expect(state.handle(.filesChanged(["app.o"])) == [.load(generation: 3)])
    }

    @Test("a change during a load is read right after it")
    func changeWhileLoading() {
        var state = DemoFixture.loaded()
        _ = state.press(.character("r"))
        #expect(state.handle(.filesChanged(["app.o"])).isEmpty)
        var effects: [Effect] = []
        for update in DemoFixture.updates(DemoFixture.source()) {
            effects += state.handle(.loaded(update, generation: 2))
        }
        #expect(effects.contains(.load(generation: 3)))
    }

    @Test("? opens the help generated from the keymap, scrolls, and closes with Esc or ?")
    func help() {
        var state = DemoFixture.loaded(size: Size(rows: 20, columns: 80))
        state.press(.character("?"))
        #expect(state.overlay == .help(scroll: 0))
        state.press(.character("j"), .character("j"))
        #expect(state.overlay == .help(scroll: 2))
        state.press(.character("?"))
        #expect(state.overlay == nil)
        state.press(.function(1), .escape)
        #expect(state.overlay == nil)
    }

    @Test("q quits from the panes, the detail view and the help")
    func quit() {
        var state = DemoFixture.loaded()
        #expect(state.press(.character("q")) == [.quit])
        state.press(.enter)
        #expect(state.press(.character("q")) == [.quit])
        state.press(.escape, .character("?"))
        #expect(state.press(.character("q")) == [.quit])
    }

    @Test("q in a prompt is text, not quit")
    func quitInPrompt() {
        var state = DemoFixture.loaded()
        state.press(.character("/"))
        #expect(state.press(.character("q")).isEmpty)
        #expect(state.pane(.undefined).filter == "q")
    }

    // MARK: mouse and size

    @Test("a click focuses the pane under it and selects the row")
    func click() {
        var state = DemoFixture.loaded()
        let content = state.layout.content(.sections)
        _ = state.handle(.mouse(MouseEvent(.press(.left), row: content.row + 1 + 3, column: content.column + 2)))
        #expect(state.focus == .sections)
        #expect(state.pane(.sections).list.selection == 3)
        let frame = state.layout.frame(.findings)
        _ = state.handle(.mouse(MouseEvent(.press(.left), row: frame.row, column: frame.column + 5)))
        #expect(state.focus == .findings)
    }

    @Test("the wheel scrolls the pane under the pointer; a click outside an overlay closes it")
    func wheel() {
        var state = DemoFixture.loaded(size: Size(rows: 24, columns: 80))
        let content = state.layout.content(.sections)
        _ = state.handle(.mouse(MouseEvent(.wheelDown, row: content.row + 2, column: content.column + 2)))
        #expect(state.pane(.sections).list.scrollOffset == 3)
        #expect(state.focus == .undefined)
        state.press(.enter)
        _ = state.handle(.mouse(MouseEvent(.press(.left), row: 0, column: 0)))
        #expect(state.overlay == nil)
    }

    @Test("a resize reflows: viewports follow the layout, and below the minimum a message")
    func resize() {
        var state = DemoFixture.loaded()
        _ = state.handle(.resize(Size(rows: 60, columns: 200)))
        #expect(state.pane(.sections).list.viewportHeight == state.layout.viewportHeight(.sections))
        _ = state.handle(.resize(Size(rows: 10, columns: 40)))
        #expect(state.layout.tooSmall)
        #expect(Screen.render(state).grid.snapshot(includeStyles: false).contains("needs at least 60×16"))
        #expect(state.press(.character("q")) == [.quit])
    }

    // MARK: loading

    @Test("the loader posts its stages in order; the panes fill as they arrive")
    func stages() {
        let updates = DemoFixture.updates(DemoFixture.source())
        let names = updates.map { update -> String in
            switch update {
            case .progress: "progress"
            case .inputs: "inputs"
            case .sections: "sections"
            case .resolved: "resolved"
            case .defined: "defined"
            case .moduleImports: "moduleImports"
            case .moduleSymbols: "moduleSymbols"
            case .findingsContext: "findingsContext"
            case .sourceLines: "sourceLines"
            case .failed: "failed"
            case .incomplete: "incomplete"
            case .statistics: "statistics"
            case .finished: "finished"
            }
        }.filter { $0 != "progress" }
        #expect(names == ["inputs", "sections", "resolved", "defined", "findingsContext", "statistics", "finished", "sourceLines"])

        var state = AppState(source: DemoFixture.source(), size: Size(rows: 40, columns: 120))
        for update in updates {
            _ = state.handle(.loaded(update, generation: 1))
            if case .resolved = update {
                #expect(state.pane(.undefined).shownCount == 6)
                #expect(state.pane(.findings).rows.last?.key == "analysing")
            }
        }
        #expect(state.pane(.findings).rows.contains { $0.cells[1] == "near-miss" })
        #expect(!state.pane(.findings).rows.contains { $0.key == "analysing" })
    }

    @Test("p while the analyses still run: the findings that arrive follow the new policy")
    func policyWhileLoading() {
        var state = AppState(source: DemoFixture.source(), size: Size(rows: 40, columns: 120))
        var pressed = false
        for update in DemoFixture.updates(DemoFixture.source()) {
            if case .findingsContext = update, !pressed {
                state.press(.character("p"))
                pressed = true
            }
            _ = state.handle(.loaded(update, generation: 1))
        }
        #expect(state.policy.name == .import)
        let nearMiss = state.findings.findings.first { $0.category == .nearMiss }
        #expect(nearMiss?.severity == .warning)     // an error under the default policy
    }

    @Test("an input that cannot be read: the Findings pane and the message say so")
    func unreadable() throws {
        var source = DemoFixture.source()
        source.options.inputs.append(LinkInput(path: "missing.o"))
        var state = AppState(source: source, size: Size(rows: 40, columns: 120))
        for update in DemoFixture.updates(source) { _ = state.handle(.loaded(update, generation: 1)) }
        #expect(state.data.loadError?.contains("missing.o") == true)
        #expect(state.pane(.findings).rows.first?.key == "load-error")
        #expect(state.message?.tone == .error)
    }

    @Test("a linked module: its imports are the undefined interface, env functions marked; no policy, no report",
          .enabled(if: DemoFixture.module != nil))
    func module() throws {
        let path = try #require(DemoFixture.module)
        let source = InspectionSource(options: LinkOptions(files: [path]))
        var state = AppState(source: source, size: Size(rows: 40, columns: 120))
        for update in DemoFixture.updates(source, loader: InspectionLoader(batchSize: 2)) {
            _ = state.handle(.loaded(update, generation: 1))
        }
        #expect(state.kind == .module)
        let environment = state.pane(.undefined).rows.filter { $0.glyph == .environment }.map(\.cells[0])
        #expect(environment.sorted() == ["compress_buffer", "mylibraryinit"])
        #expect(state.pane(.undefined).rows.contains { $0.cells[0] == "log" && $0.glyph == .importing })
        #expect(state.pane(.imports).rows.contains { $0.cells[0] == "env.mylibraryinit" && $0.glyph == .environment })
        #expect(state.pane(.defined).rows.contains { $0.cells[0] == "_start" })
        #expect(state.pane(.findings).rows.count == 3)
        state.press(.character("p"))
        #expect(state.message?.text == "policies apply to links: a linked module's imports are already decided")
        state.press(.character("e"))
        #expect(state.prompt == nil)
        state.press(.character("4"), .enter)
        let detail = try #require(state.overlay?.detail, "no detail")
        #expect(detail.lines.contains { $0.kind == .bytes })
    }
}
