import TerminalUI

/// One column of a pane's table.
public struct Column: Sendable, Hashable {
    public var title: String
    /// Width when fixed; the smallest width when flexible.
    public var width: Int
    /// Takes a share (`weight`) of the width left after the fixed columns.
    public var flexible: Bool
    public var weight: Int
    /// Right-aligned (numbers).
    public var trailing: Bool
    /// Index in `TableRow.values` of the column's numeric sort value; nil sorts by text.
    public var valueSlot: Int?
    /// When the pane is too narrow, columns with the highest priority number go first; 0
    /// never goes.
    public var priority: Int

    public init(_ title: String, width: Int, flexible: Bool = false, weight: Int = 1, trailing: Bool = false,
                valueSlot: Int? = nil, priority: Int = 0) {
        self.title = title
        self.width = width
        self.flexible = flexible
        self.weight = weight
        self.trailing = trailing
        self.valueSlot = valueSlot
        self.priority = priority
    }
}

/// The columns of one pane, which of them holds the (demangle-able) name, and how wide the
/// leading mark is.
public struct TableSchema: Sendable, Hashable {
    public var columns: [Column]
    /// The column `d` switches between raw and demangled names, and `s` sorts by first.
    public var nameColumn: Int?
    /// Cells before the first column: the row's mark (and the allow-list marker).
    public var markWidth: Int

    public init(columns: [Column], nameColumn: Int?, markWidth: Int = 0) {
        self.columns = columns
        self.nameColumn = nameColumn
        self.markWidth = markWidth
    }

    /// The column `s` sorts by when the pane is in its natural order.
    public var defaultSortColumn: Int { nameColumn ?? 0 }

    /// Where each column goes in a row `width` cells wide (after the mark): its start and
    /// width, or nil for a column dropped because the pane is narrow.
    ///
    /// Each column wants its content's width (`contentWidths`, capped at `maximumWidth`),
    /// at least its own `width`. When everything fits, flexible columns share what is left;
    /// when not, columns go by priority until the minimums fit, and the rest of the width
    /// goes to the columns short of their content, by weight. Columns are one space apart.
    public func layout(width: Int, contentWidths: [Int] = []) -> [(start: Int, width: Int)?] {
        let available = max(0, width - markWidth)
        var shown = Array(repeating: true, count: columns.count)
        let wanted = columns.indices.map { index in
            max(columns[index].width, min(Self.maximumWidth, index < contentWidths.count ? contentWidths[index] : 0))
        }
        func total(_ widths: [Int]) -> Int {
            var sum = 0
            var count = 0
            for index in columns.indices where shown[index] {
                sum += widths[index]
                count += 1
            }
            return sum + max(0, count - 1)
        }
        let minimums = columns.map(\.width)
        while total(minimums) > available {
            let candidates = columns.indices.filter { shown[$0] && columns[$0].priority > 0 }
            guard let drop = candidates.max(by: { (a, b) in
                columns[a].priority != columns[b].priority ? columns[a].priority < columns[b].priority : a < b
            }) else { break }
            shown[drop] = false
        }
        var widths: [Int]
        if total(wanted) <= available {
            widths = wanted
            var spare = available - total(wanted)
            let flexible = columns.indices.filter { shown[$0] && columns[$0].flexible }
            let weights = flexible.reduce(0) { $0 + columns[$1].weight }
            if weights > 0 {
                let share = spare
                for index in flexible {
                    let extra = share * columns[index].weight / weights
                    widths[index] += extra
                    spare -= extra
                }
                if let last = flexible.last { widths[last] += spare }
            }
        } else {
            widths = minimums
            var spare = max(0, available - total(minimums))
            while spare > 0 {
                let short = columns.indices.filter { shown[$0] && widths[$0] < wanted[$0] }
                guard !short.isEmpty else { break }
                let weights = short.reduce(0) { $0 + columns[$1].weight }
                let round = spare
                for index in short where spare > 0 {
                    let share = max(1, round * columns[index].weight / max(1, weights))
                    let given = min(share, wanted[index] - widths[index], spare)
                    widths[index] += given
                    spare -= given
                }
            }
        }
        var result: [(start: Int, width: Int)?] = []
        var cursor = markWidth
        for index in columns.indices {
            guard shown[index] else {
                result.append(nil)
                continue
            }
            let width = min(widths[index], max(0, markWidth + available - cursor))
            result.append((cursor, width))
            cursor += width + 1
        }
        return result
    }

    /// The widest a column asks to be for its content.
    public static let maximumWidth = 48

    /// The widths of `rows`' cells, per column (UTF-8 length: exact for the ASCII names
    /// that dominate, generous for the rest, and O(1) a cell for 89,000 rows).
    public func contentWidths(of rows: some Collection<TableRow>, demangle: Bool, startingFrom initial: [Int] = []) -> [Int] {
        var widths = initial.count == columns.count ? initial : columns.map { $0.title.utf8.count }
        for row in rows {
            for index in 0..<min(row.cells.count, widths.count) {
                var length = row.cells[index].utf8.count
                if demangle, index == nameColumn, let demangled = row.demangled { length = demangled.utf8.count }
                if length > widths[index] { widths[index] = length }
            }
        }
        return widths
    }
}
