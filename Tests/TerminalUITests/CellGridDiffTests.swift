import Testing
import TerminalUI

@Suite("Cell grid: diff")
struct CellGridDiffTests {
    @Test("a first frame, or one of another size, lists every cell")
    func firstFrame() {
        let grid = CellGrid(rows: 2, columns: 3)
        #expect(grid.changes(from: nil).count == 6)
        #expect(grid.changes(from: CellGrid(rows: 3, columns: 2)).count == 6)
    }

    @Test("an unchanged frame lists nothing; a change lists exactly the changed cells")
    func changedCells() {
        var grid = CellGrid(rows: 2, columns: 6)
        grid.put("status", row: 1, column: 0)
        let previous = grid
        #expect(grid.changes(from: previous).isEmpty)
        grid.put("sta", row: 1, column: 0, style: Style(attributes: .bold))
        grid.put("Z", row: 0, column: 5)
        let changes = grid.changes(from: previous)
        #expect(changes.map { [$0.row, $0.column] } == [[0, 5], [1, 0], [1, 1], [1, 2]])
        #expect(changes[0].cell.character == "Z")
    }

    @Test("replacing a wide character lists both of its cells")
    func wide() {
        var grid = CellGrid(rows: 1, columns: 4)
        grid.put("名", row: 0, column: 0)
        let previous = grid
        grid.put("ab", row: 0, column: 0)
        #expect(grid.changes(from: previous).map(\.column) == [0, 1])
        let back = previous.changes(from: grid)
        #expect(back.map(\.cell.kind) == [.wide, .continuation])
    }
}
