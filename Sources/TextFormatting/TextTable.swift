/// The one table formatter of the tool: aligned columns for people, tab-separated values for
/// scripts. Every cell goes through `TerminalSafe.escape`, so no input-derived text reaches a
/// terminal raw. The CLI listings and the exported report both use it.
public struct TextTable: Sendable {
    public enum Alignment: Sendable { case left, right }

    public struct Column: Sendable {
        public var title: String
        public var alignment: Alignment
        public init(_ title: String, _ alignment: Alignment = .left) {
            self.title = title
            self.alignment = alignment
        }
    }

    public var columns: [Column]
    public private(set) var rows: [[String]] = []

    public init(_ columns: [Column]) {
        self.columns = columns
    }

    /// Adds a row; missing cells are empty, extra cells are dropped.
    public mutating func append(_ cells: [String]) {
        var row = cells.prefix(columns.count).map(TerminalSafe.escape)
        while row.count < columns.count { row.append("") }
        rows.append(row)
    }

    /// Aligned text: a header line, then one line per row, columns two spaces apart, no
    /// trailing blanks. `indent` prefixes every line.
    public func render(indent: String = "", header: Bool = true) -> String {
        var widths = columns.map { header ? $0.title.count : 0 }
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        var output = ""
        func line(_ cells: [String]) {
            var text = indent
            for (index, cell) in cells.enumerated() {
                let pad = String(repeating: " ", count: widths[index] - cell.count)
                let last = index == cells.count - 1
                switch columns[index].alignment {
                case .left: text += last ? cell : cell + pad
                case .right: text += pad + cell
                }
                if !last { text += "  " }
            }
            while text.last == " " { text.removeLast() }
            output += text + "\n"
        }
        if header { line(columns.map(\.title)) }
        for row in rows { line(row) }
        return output
    }

    /// Tab-separated: a header line, then rows (cells were escaped on the way in, so a cell
    /// never holds a tab or a newline).
    public func renderTSV(header: Bool = true) -> String {
        var output = ""
        func line(_ cells: [String]) {
            output += cells.joined(separator: "\t") + "\n"
        }
        if header { line(columns.map(\.title)) }
        for row in rows { line(row) }
        return output
    }
}
