/// The order a pane shows its rows in: natural (link order) or by a column.
public struct SortOrder: Sendable, Hashable {
    /// nil: the natural order.
    public var column: Int?
    public var ascending: Bool

    public init(column: Int? = nil, ascending: Bool = true) {
        self.column = column
        self.ascending = ascending
    }

    public static let natural = SortOrder()
}

/// Filtering and sorting of a pane's rows into the order it shows them. A pure function, so
/// it runs on the UI thread for small panes and on a background thread for large ones with
/// the same result.
public enum TableView {
    /// The indices of the rows that match `filter`, in `sort` order (natural order keeps the
    /// rows' own order; ties keep it too).
    public static func order(rows: [TableRow], filter: String, sort: SortOrder, schema: TableSchema, demangle: Bool) -> [Int] {
        let needle = TextSearch.folded(filter)
        var indices: [Int]
        if needle.isEmpty {
            indices = Array(rows.indices)
        } else {
            indices = []
            for index in rows.indices where TextSearch.contains(rows[index].search, needle) {
                indices.append(index)
            }
        }
        return sorted(indices, rows: rows, sort: sort, schema: schema, demangle: demangle)
    }

    /// `indices` (into `rows`) in `sort` order; ties, and the natural order, keep their order.
    public static func sorted(_ indices: [Int], rows: [TableRow], sort: SortOrder, schema: TableSchema, demangle: Bool) -> [Int] {
        guard let column = sort.column, column < schema.columns.count else { return indices }
        let ascending = sort.ascending
        if let slot = schema.columns[column].valueSlot {
            let values = indices.map { slot < rows[$0].values.count ? rows[$0].values[slot] : 0 }
            var positions = Array(indices.indices)
            positions.sort { a, b in
                if values[a] != values[b] { return ascending ? values[a] < values[b] : values[a] > values[b] }
                return a < b
            }
            return positions.map { indices[$0] }
        }
        // The keys in one buffer (no allocation per row), compared bytewise.
        var bytes: [UInt8] = []
        var ends: [Int] = []
        ends.reserveCapacity(indices.count)
        for index in indices {
            bytes.append(contentsOf: rows[index].text(column: column, nameColumn: schema.nameColumn, demangle: demangle).utf8)
            ends.append(bytes.count)
        }
        var positions = Array(indices.indices)
        bytes.withUnsafeBufferPointer { buffer in
            ends.withUnsafeBufferPointer { ends in
                func compare(_ a: Int, _ b: Int) -> Int {
                    let startA = a == 0 ? 0 : ends[a - 1], startB = b == 0 ? 0 : ends[b - 1]
                    let lengthA = ends[a] - startA, lengthB = ends[b] - startB
                    var offset = 0
                    let common = min(lengthA, lengthB)
                    while offset < common {
                        let x = buffer[startA + offset], y = buffer[startB + offset]
                        if x != y { return x < y ? -1 : 1 }
                        offset += 1
                    }
                    return lengthA == lengthB ? 0 : (lengthA < lengthB ? -1 : 1)
                }
                positions.sort { a, b in
                    let order = compare(a, b)
                    if order != 0 { return ascending ? order < 0 : order > 0 }
                    return a < b
                }
            }
        }
        return positions.map { indices[$0] }
    }
}
