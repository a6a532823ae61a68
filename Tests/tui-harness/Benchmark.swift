import Glibc
import NcursesBackend
import TerminalUI
import BackgroundThreads

/// Times `present` at the terminal's size: frames where every cell changes (two alternating
/// full screens of differently coloured letters) and frames where only a status line
/// changes, and the pure-Swift part (render + diff) on its own.
enum Benchmark {
    static func run(on terminal: NcursesTerminal, frames: Int = 200) -> String {
        let size = terminal.size
        func fullScreen(_ letter: Character, _ color: Color) -> CellGrid {
            var grid = CellGrid(size: size, glyphs: Glyphs(for: terminal.capabilities))
            let row = String(repeating: letter, count: size.columns)
            for index in 0..<size.rows {
                grid.put(row, row: index, column: 0, style: Style(foreground: color))
            }
            return grid
        }
        let screens = [fullScreen("A", .green), fullScreen("B", .blue)]

        let full = time(frames) { terminal.present(screens[$0 % 2]) }
        let status = time(frames) { frame in
            var grid = screens[0]
            grid.put(" frame \(frame) ", in: Rect(row: size.rows - 1, column: 0, rows: 1, columns: size.columns), style: Style(attributes: .reverse), fill: true)
            terminal.present(grid)
        }
        var diffCount = 0
        let diff = time(frames) { frame in
            screens[frame % 2].forEachChange(from: screens[(frame + 1) % 2]) { _, _, _ in diffCount += 1 }
        }
        let render = time(frames) { frame in
            _ = fullScreen(frame % 2 == 0 ? "C" : "D", .red)
        }
        return "benchmark \(size.columns)x\(size.rows), \(size.rows * size.columns) cells, \(frames) frames each:\n"
            + "  present, every cell changed: \(format(full)) ms/frame\n"
            + "  present, status line changed: \(format(status)) ms/frame\n"
            + "  diff only, every cell changed: \(format(diff)) ms/frame (\(diffCount / frames) cells)\n"
            + "  render only (put text into every row): \(format(render)) ms/frame"
    }

    private static func time(_ frames: Int, _ body: (Int) -> Void) -> Double {
        ContinuousClock().measure {
            for frame in 0..<frames { body(frame) }
        }.milliseconds / Double(frames)
    }

    private static func format(_ milliseconds: Double) -> String {
        let hundredths = Int((milliseconds * 1000).rounded())
        return "\(hundredths / 1000).\(String(hundredths % 1000).leftPadded(to: 3))"
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
