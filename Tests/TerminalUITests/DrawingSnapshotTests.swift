import TestSupport
import Testing
import TerminalUI

@Suite("Cell grid: frames and snapshots")
struct DrawingSnapshotTests {
    /// The layout of the product spec's sketch, drawn with the primitives.
    func paneLayout(glyphs: Glyphs, focusedStyle: Style) -> CellGrid {
        var grid = CellGrid(rows: 12, columns: 80, glyphs: glyphs)
        let (body, status) = grid.bounds.splitRows(top: 11)
        let (left, right) = body.splitColumns(leading: 22)
        grid.drawFrame(left, title: "Sections")
        grid.drawRule(row: left.row + 5, column: left.column, width: left.columns, title: "Defined (12)")
        grid.drawFrame(right, title: "Undefined (7)", style: focusedStyle, titleStyle: focusedStyle.adding(.bold))
        grid.put("type      12 B   3", row: 1, column: 2, width: left.columns - 4)
        grid.put("import    56 B   3", row: 2, column: 2, width: left.columns - 4)
        grid.put("foo  func  a.o  g", row: 6, column: 2, width: left.columns - 4)
        let rows = [
            ("✗", "mylibraryinit", "func (i32)->i32", "error"),
            ("→", "host_log", "func (i32)", "import"),
            ("⚠", "a_very_long_data_symbol_name_that_does_not_fit", "data", "error/zero"),
        ]
        for (index, row) in rows.enumerated() {
            let line = Rect(row: 1 + index, column: right.column + 1, rows: 1, columns: right.columns - 2)
            let style = index == 0 ? Style(attributes: .reverse) : .plain
            grid.put("", in: line, style: style, fill: true)
            grid.put(row.0 + " " + row.1, row: line.row, column: line.column + 1, width: 22, style: style)
            grid.put(row.2, row: line.row, column: line.column + 24, width: 15, style: style)
            grid.put(row.3, in: Rect(row: line.row, column: line.endColumn - 11, rows: 1, columns: 10), alignment: .trailing, style: style)
        }
        grid.put(" demo.o · policy [error] import allow · ? help", in: status, style: Style(foreground: .cyan))
        return grid
    }

    @Test("panes with titled frames, a joining rule and a selection bar")
    func unicodeLayout() {
        let grid = paneLayout(glyphs: .unicode, focusedStyle: Style(foreground: .yellow))
        assertSnapshot(grid.snapshot(), named: "pane-layout-unicode")
    }

    @Test("the same layout in ASCII for non-UTF-8 terminals")
    func asciiLayout() {
        let grid = paneLayout(glyphs: .ascii, focusedStyle: .plain)
        assertSnapshot(grid.snapshot(includeStyles: false), named: "pane-layout-ascii")
        for cell in grid.row(0) {
            #expect(cell.character.isASCII)
        }
    }

    @Test("focused frames are heavy; titles too long for the frame are truncated")
    func focusedAndTruncated() {
        var grid = CellGrid(rows: 4, columns: 20)
        grid.drawFrame(Rect(row: 0, column: 0, rows: 4, columns: 12), title: "Findings with a long title", focused: true)
        grid.drawFrame(Rect(row: 0, column: 12, rows: 3, columns: 8), title: "名前名前")
        grid.drawRule(row: 3, column: 12, width: 8, title: "x", joinsFrame: false)
        assertSnapshot(grid.snapshot(), named: "frames-focused-truncated")
    }

    @Test("the style layer keys each distinct style in order of first use")
    func styleLayer() {
        var grid = CellGrid(rows: 2, columns: 6)
        grid.put("ab", row: 0, column: 0, style: Style(foreground: .red, attributes: .bold))
        grid.put("名", row: 1, column: 2, style: Style(background: .blue))
        #expect(grid.snapshot() == """
            ab
              名
            -- styles --
            aa....
            ..bb..
            a: fg=red bold
            b: bg=blue

            """)
        #expect(CellGrid(rows: 1, columns: 3).snapshot() == "\n")
    }
}
