// tui-harness: a test fixture, not a product. It drives NcursesBackend the way the app will,
// so TerminalEndToEndTests can check keys, mouse, resize, wakes, colours and terminal
// restore in tmux. Keys: q quits, w wakes the loop from another thread after 200 ms, e writes
// a line to standard error, T traps (to test the crash path), anything else is echoed.
// `tui-harness --benchmark` instead times `present` (see Benchmark.swift), reports on stderr.
import Foundation
import NcursesBackend
import TerminalUI

ProcessSetup.disableInteractiveBacktraces()

struct HarnessState {
    var size: Size
    var lastKey = "none"
    var keyCount = 0
    var lastMouse = "none"
    var wakes = 0
    var resizes = 0
    var list = ListViewModel(itemCount: 100, viewportHeight: 5)
}

func render(_ state: HarnessState, capabilities: TerminalCapabilities) -> CellGrid {
    var grid = CellGrid(size: state.size, glyphs: Glyphs(for: capabilities))
    let bounds = grid.bounds
    grid.drawFrame(bounds, title: "tui-harness", titleStyle: Style(attributes: .bold))
    let inner = bounds.inset(by: 1)
    let lines = [
        "size: \(state.size.columns)x\(state.size.rows) resizes: \(state.resizes)",
        "unicode: \(capabilities.unicode ? "yes" : "no") colors: \(capabilities.colors ? "yes" : "no")",
        "key: \(state.lastKey) (\(state.keyCount) keys)",
        "mouse: \(state.lastMouse)",
        "wakes: \(state.wakes)",
        "wide: 名前😀 end",
        "escaped: a\u{1b}[31mb\u{202e}c",
    ]
    grid.put(lines: lines, in: inner)
    grid.put("red text", row: inner.row + lines.count, column: inner.column, style: Style(foreground: .red))
    grid.put("selected: \(state.list.selection ?? -1) top: \(state.list.scrollOffset)",
             row: inner.row + lines.count + 1, column: inner.column)
    grid.put("bottom-right", in: Rect(row: inner.endRow - 1, column: inner.column, rows: 1, columns: inner.columns),
             alignment: .trailing, style: Style(attributes: .reverse))
    return grid
}

func describe(_ mouse: MouseEvent) -> String {
    let action: String
    switch mouse.action {
    case .press(let button): action = "press \(button)"
    case .release(let button): action = "release \(button)"
    case .wheelUp: action = "wheel up"
    case .wheelDown: action = "wheel down"
    }
    return "\(action) at \(mouse.row),\(mouse.column)"
}

let terminal: NcursesTerminal
do {
    terminal = try NcursesTerminal.start()
} catch {
    FileHandle.standardError.write(Data("tui-harness: \(error)\n".utf8))
    exit(2)
}

if CommandLine.arguments.dropFirst().first == "--benchmark" {
    let report = Benchmark.run(on: terminal)
    terminal.stop()
    FileHandle.standardError.write(Data((report + "\n").utf8))
    exit(0)
}

var state = HarnessState(size: terminal.size)
loop: while true {
    terminal.present(render(state, capabilities: terminal.capabilities))
    guard let event = terminal.nextEvent(timeout: 1000) else { continue }
    switch event {
    case .key(.character("q")):
        break loop
    case .key(.character("T")):
        fatalError("tui-harness: deliberate trap")
    case .key(.character("e")):
        FileHandle.standardError.write(Data("tui-harness: a warning on stderr\n".utf8))
        state.lastKey = "e"
        state.keyCount += 1
    case .key(.character("w")):
        let waker = terminal.waker
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: 0.2)
            waker.wake()
        }
        state.lastKey = "w"
        state.keyCount += 1
    case .key(let key):
        state.lastKey = key.label
        state.keyCount += 1
        switch key {
        case .down, .character("j"): state.list.moveDown()
        case .up, .character("k"): state.list.moveUp()
        case .pageDown: state.list.pageDown()
        case .pageUp: state.list.pageUp()
        case .character("G"): state.list.selectLast()
        case .character("g"): state.list.selectFirst()
        default: break
        }
    case .mouse(let mouse):
        state.lastMouse = describe(mouse)
        if mouse.action == .wheelDown { state.list.scroll(wheelSteps: 1) }
        if mouse.action == .wheelUp { state.list.scroll(wheelSteps: -1) }
    case .resize(let rows, let columns):
        state.size = Size(rows: rows, columns: columns)
        state.resizes += 1
    case .wake:
        state.wakes += 1
    case .terminate(let request):
        terminal.stop()
        request.exitProcess()
    }
}
terminal.stop()
print("tui-harness: bye")
