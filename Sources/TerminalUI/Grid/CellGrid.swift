/// The screen as a value: a rectangle of ``Cell``s that rendering writes into and the
/// backend blits. Rendering is a pure function from state to a grid, so every screen can be
/// snapshot-tested (``snapshot(includeStyles:)``) and the backend only sends what changed
/// (``changes(from:)``).
///
/// Writes outside the grid are ignored. The grid keeps wide characters whole: overwriting
/// either half of one blanks the other half.
public struct CellGrid: Hashable, Sendable {
    /// Rows and columns.
    public let size: Size
    /// The characters frames and truncation use (Unicode or ASCII).
    public var glyphs: Glyphs
    /// Row-major cells.
    var cells: [Cell]

    /// A grid of `size` filled with `fill`.
    public init(size: Size, glyphs: Glyphs = .unicode, fill: Cell = .blank) {
        self.size = size
        self.glyphs = glyphs
        let fillCell = fill.kind == .narrow ? fill : .blank
        cells = Array(repeating: fillCell, count: size.rows * size.columns)
    }

    /// A grid of `rows` × `columns` blank cells.
    public init(rows: Int, columns: Int, glyphs: Glyphs = .unicode) {
        self.init(size: Size(rows: rows, columns: columns), glyphs: glyphs)
    }

    /// The whole grid as a rect.
    public var bounds: Rect { Rect(size: size) }

    /// The cell at (`row`, `column`); ``Cell/blank`` outside the grid.
    public subscript(row: Int, column: Int) -> Cell {
        guard row >= 0, row < size.rows, column >= 0, column < size.columns else { return .blank }
        return cells[row * size.columns + column]
    }

    /// The cells of one row, left to right (empty outside the grid).
    public func row(_ row: Int) -> ArraySlice<Cell> {
        guard row >= 0, row < size.rows else { return [] }
        return cells[(row * size.columns)..<((row + 1) * size.columns)]
    }

    /// Every cell blank in `style`.
    public mutating func clear(style: Style = .plain) {
        let cell = Cell(character: " ", style: style)
        for index in cells.indices { cells[index] = cell }
    }

    /// Writes one narrow character (`wide == false`) or one wide character and its
    /// continuation, repairing any wide character it cuts in half. A wide character that
    /// does not fit before `limit` (or the grid's edge) is replaced by a space.
    mutating func write(_ character: Character, wide: Bool, style: Style, row: Int, column: Int, limit: Int? = nil) {
        guard row >= 0, row < size.rows, column >= 0, column < size.columns else { return }
        let end = min(limit ?? size.columns, size.columns)
        let base = row * size.columns
        if wide, column + 1 < end {
            breakWide(at: column, base: base)
            breakWide(at: column + 1, base: base)
            cells[base + column] = Cell(character: character, style: style, kind: .wide)
            cells[base + column + 1] = Cell(character: " ", style: style, kind: .continuation)
        } else {
            breakWide(at: column, base: base)
            cells[base + column] = Cell(character: wide ? " " : character, style: style)
        }
    }

    /// Before cell `column` of the row starting at `base` is overwritten: if it is half of a
    /// wide character, blank the other half.
    private mutating func breakWide(at column: Int, base: Int) {
        let cell = cells[base + column]
        switch cell.kind {
        case .narrow:
            break
        case .wide:
            if column + 1 < size.columns {
                cells[base + column + 1] = Cell(character: " ", style: cell.style)
            }
        case .continuation:
            if column > 0 {
                cells[base + column - 1] = Cell(character: " ", style: cells[base + column - 1].style)
            }
        }
    }
}
