import Testing
@testable import TerminalUI

@Suite("Cell grid: text")
struct CellGridTests {
    func text(_ grid: CellGrid, row: Int) -> String {
        String(grid.row(row).filter { $0.kind != .continuation }.map(\.character))
    }

    @Test("text is drawn from its position and clipped at the grid's edge with an ellipsis")
    func putAndTruncate() {
        var grid = CellGrid(rows: 2, columns: 10)
        #expect(grid.put("hello", row: 0, column: 2) == 5)
        #expect(text(grid, row: 0) == "  hello   ")
        #expect(grid.put("mylibrary_init", row: 1, column: 0) == 10)
        #expect(text(grid, row: 1) == "mylibrary…")
    }

    @Test("a width limit truncates before the edge; text that fits is not touched")
    func widthLimit() {
        var grid = CellGrid(rows: 1, columns: 12)
        grid.put("abcdefgh", row: 0, column: 1, width: 5)
        #expect(text(grid, row: 0) == " abcd…      ")
        grid.put("xy", row: 0, column: 8, width: 2)
        #expect(text(grid, row: 0) == " abcd…  xy  ")
    }

    @Test("the ASCII glyph set truncates with ~")
    func asciiEllipsis() {
        var grid = CellGrid(rows: 1, columns: 6, glyphs: .ascii)
        grid.put("abcdefgh", row: 0, column: 0)
        #expect(text(grid, row: 0) == "abcde~")
    }

    @Test("wide characters take two cells, the second marked as a continuation")
    func wideCharacters() {
        var grid = CellGrid(rows: 1, columns: 8)
        #expect(grid.put("名前😀", row: 0, column: 0) == 6)
        #expect(grid[0, 0].kind == .wide)
        #expect(grid[0, 0].character == "名")
        #expect(grid[0, 1].kind == .continuation)
        #expect(grid[0, 4].character == "😀")
        #expect(grid[0, 5].kind == .continuation)
        #expect(text(grid, row: 0) == "名前😀  ")
    }

    @Test("a wide character that would straddle the limit is replaced by padding before the ellipsis")
    func wideAtLimit() {
        var grid = CellGrid(rows: 1, columns: 6)
        grid.put("ab名前", row: 0, column: 0, width: 5)
        #expect(text(grid, row: 0) == "ab名… ")
        grid.put("a名前x", row: 0, column: 0, width: 5)
        #expect(text(grid, row: 0) == "a名 … ")
    }

    @Test("overwriting half of a wide character blanks the other half")
    func breakingWideCharacters() {
        var grid = CellGrid(rows: 1, columns: 6)
        grid.put("名前", row: 0, column: 0)
        grid.put("x", row: 0, column: 1)
        #expect(grid[0, 0] == Cell(character: " "))
        #expect(grid[0, 1].character == "x")
        #expect(grid[0, 2].kind == .wide)
        grid.put("y", row: 0, column: 2)
        #expect(grid[0, 3] == Cell(character: " "))
        #expect(text(grid, row: 0) == " xy   ")
    }

    @Test("control characters, escapes and bidi overrides are drawn escaped, never raw")
    func escaping() {
        var grid = CellGrid(rows: 1, columns: 30)
        grid.put("a\u{1b}[2Jb\u{202e}c\nd", row: 0, column: 0)
        #expect(text(grid, row: 0) == #"a\x1b[2Jb\u{202e}c\x0ad"# + String(repeating: " ", count: 7))
        for cell in grid.row(0) {
            #expect(cell.character.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7f })
        }
    }

    @Test("combining marks join their base; a mark with no base is shown escaped")
    func combining() {
        var grid = CellGrid(rows: 1, columns: 12)
        grid.put("e\u{301}x", row: 0, column: 0)
        #expect(grid[0, 0].character == "e\u{301}")
        #expect(grid[0, 1].character == "x")
        grid.put("\u{301}", row: 0, column: 4)
        #expect(text(grid, row: 0) == #"éx  \u{301} "#)
    }

    @Test("more than four zero-width scalars on one base are shown escaped")
    func zalgo() {
        var grid = CellGrid(rows: 1, columns: 20)
        grid.put("a\u{300}\u{301}\u{302}\u{303}\u{304}", row: 0, column: 0)
        #expect(grid[0, 0].character.unicodeScalars.count == 5)
        #expect(text(grid, row: 0).hasPrefix("a\u{300}\u{301}\u{302}\u{303}" + #"\u{304}"#))
    }

    @Test("a zero-width scalar that Swift does not join to its base is escaped, not trapped on")
    func hangulJungseong() {
        var grid = CellGrid(rows: 1, columns: 12)
        grid.put("a\u{1160}", row: 0, column: 0)
        #expect(text(grid, row: 0) == #"a\u{1160}   "#)
    }

    @Test("writes outside the grid or the clip rect are ignored")
    func clipping() {
        var grid = CellGrid(rows: 3, columns: 8)
        grid.put("nope", row: -1, column: 0)
        grid.put("nope", row: 3, column: 0)
        grid.put("nope", row: 0, column: 8)
        #expect(grid == CellGrid(rows: 3, columns: 8))
        grid.put("abcdefgh", row: 1, column: 1, clip: Rect(row: 1, column: 2, rows: 1, columns: 4))
        // The text starts at column 1; the clip hides column 1 and cuts it at column 6.
        #expect(text(grid, row: 1) == "  bcd…  ")
    }

    @Test("text aligns inside a rect; fill paints the rest of the row")
    func alignment() {
        var grid = CellGrid(rows: 3, columns: 10)
        let line = Rect(row: 0, column: 0, rows: 1, columns: 10)
        grid.put("mid", in: line, alignment: .center)
        grid.put("end", in: Rect(row: 1, column: 0, rows: 1, columns: 10), alignment: .trailing)
        grid.put("sel", in: Rect(row: 2, column: 1, rows: 1, columns: 8), style: Style(attributes: .reverse), fill: true)
        #expect(text(grid, row: 0) == "   mid    ")
        #expect(text(grid, row: 1) == "       end")
        #expect(grid[2, 8].style.attributes == .reverse)
        #expect(grid[2, 9].style == .plain)
    }

    @Test("fill covers a rect clipped to the grid and refuses control characters")
    func fill() {
        var grid = CellGrid(rows: 2, columns: 4)
        grid.fill(Rect(row: 1, column: 2, rows: 5, columns: 5), with: "#")
        #expect(text(grid, row: 1) == "  ##")
        grid.fill(grid.bounds, with: "\u{1b}")
        #expect(text(grid, row: 0) == "    ")
    }

    @Test("rects split, inset and intersect")
    func rects() {
        let rect = Rect(row: 1, column: 2, rows: 10, columns: 20)
        #expect(rect.inset(by: 1) == Rect(row: 2, column: 3, rows: 8, columns: 18))
        let (left, right) = rect.splitColumns(leading: 5)
        #expect(left == Rect(row: 1, column: 2, rows: 10, columns: 5))
        #expect(right == Rect(row: 1, column: 7, rows: 10, columns: 15))
        let (top, bottom) = rect.splitRows(top: 30)
        #expect(top == rect)
        #expect(bottom.isEmpty)
        #expect(rect.intersection(Rect(row: 0, column: 0, rows: 3, columns: 3)) == Rect(row: 1, column: 2, rows: 2, columns: 1))
        #expect(rect.intersection(Rect(row: 50, column: 0, rows: 3, columns: 3)).isEmpty)
    }
}
