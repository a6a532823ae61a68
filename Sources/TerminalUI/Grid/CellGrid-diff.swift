/// A cell that differs from the previous frame.
public struct CellChange: Hashable, Sendable {
    public var row: Int
    public var column: Int
    public var cell: Cell

    public init(row: Int, column: Int, cell: Cell) {
        self.row = row
        self.column = column
        self.cell = cell
    }
}

extension CellGrid {
    /// The cells that differ from `previous`, row by row, left to right; every cell when
    /// there is no previous frame or its size differs.
    ///
    /// Continuation cells are listed like any other; a backend skips them, since drawing a
    /// wide character fills its continuation.
    public func changes(from previous: CellGrid?) -> [CellChange] {
        var result: [CellChange] = []
        forEachChange(from: previous) { row, column, cell in
            result.append(CellChange(row: row, column: column, cell: cell))
        }
        return result
    }

    /// Calls `body` with each cell that differs from `previous` (see ``changes(from:)``),
    /// without building a list: what the backend's blit loop uses.
    public func forEachChange(from previous: CellGrid?, _ body: (_ row: Int, _ column: Int, _ cell: Cell) throws -> Void) rethrows {
        let columns = size.columns
        guard columns > 0 else { return }
        if let previous, previous.size == size {
            try cells.withUnsafeBufferPointer { now in
                try previous.cells.withUnsafeBufferPointer { before in
                    for index in 0..<now.count where now[index] != before[index] {
                        try body(index / columns, index % columns, now[index])
                    }
                }
            }
        } else {
            for (index, cell) in cells.enumerated() {
                try body(index / columns, index % columns, cell)
            }
        }
    }
}
