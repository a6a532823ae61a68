/// A grid size in rows and columns.
public struct Size: Hashable, Sendable, CustomStringConvertible {
    /// Number of rows.
    public var rows: Int
    /// Number of columns.
    public var columns: Int

    /// A size; negative values become 0.
    public init(rows: Int, columns: Int) {
        self.rows = max(0, rows)
        self.columns = max(0, columns)
    }

    public var description: String { "\(columns)×\(rows)" }
}

/// A rectangle of cells: the top-left cell and a size. Rows grow downwards.
///
/// Layout code splits the screen into rects; drawing clips to them.
public struct Rect: Hashable, Sendable, CustomStringConvertible {
    /// Row of the top edge.
    public var row: Int
    /// Column of the left edge.
    public var column: Int
    /// Number of rows; never negative.
    public var rows: Int
    /// Number of columns; never negative.
    public var columns: Int

    /// A rect; negative sizes become 0.
    public init(row: Int, column: Int, rows: Int, columns: Int) {
        self.row = row
        self.column = column
        self.rows = max(0, rows)
        self.columns = max(0, columns)
    }

    /// The rect covering a whole grid of `size`.
    public init(size: Size) {
        self.init(row: 0, column: 0, rows: size.rows, columns: size.columns)
    }

    /// Whether the rect holds no cell.
    public var isEmpty: Bool { rows == 0 || columns == 0 }
    /// One past the bottom row.
    public var endRow: Int { row + rows }
    /// One past the right column.
    public var endColumn: Int { column + columns }

    /// Whether the cell at (`row`, `column`) lies inside.
    public func contains(row: Int, column: Int) -> Bool {
        row >= self.row && row < endRow && column >= self.column && column < endColumn
    }

    /// The cells both rects cover (empty, positioned at `self`'s origin, when they do not meet).
    public func intersection(_ other: Rect) -> Rect {
        let top = max(row, other.row)
        let left = max(column, other.column)
        let bottom = min(endRow, other.endRow)
        let right = min(endColumn, other.endColumn)
        guard bottom > top, right > left else { return Rect(row: row, column: column, rows: 0, columns: 0) }
        return Rect(row: top, column: left, rows: bottom - top, columns: right - left)
    }

    /// The rect shrunk by `amount` cells on every side (the inside of a frame for 1).
    public func inset(by amount: Int) -> Rect {
        Rect(row: row + amount, column: column + amount, rows: rows - 2 * amount, columns: columns - 2 * amount)
    }

    /// The first `columns` columns and the rest (each clamped to this rect).
    public func splitColumns(leading columns: Int) -> (leading: Rect, trailing: Rect) {
        let width = min(max(0, columns), self.columns)
        return (
            Rect(row: row, column: column, rows: rows, columns: width),
            Rect(row: row, column: column + width, rows: rows, columns: self.columns - width)
        )
    }

    /// The first `rows` rows and the rest (each clamped to this rect).
    public func splitRows(top rows: Int) -> (top: Rect, bottom: Rect) {
        let height = min(max(0, rows), self.rows)
        return (
            Rect(row: row, column: column, rows: height, columns: columns),
            Rect(row: row + height, column: column, rows: self.rows - height, columns: columns)
        )
    }

    public var description: String { "(\(row),\(column) \(columns)×\(rows))" }
}
