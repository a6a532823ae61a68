import TerminalText

/// The one table formatter of the tool: aligned columns for people, tab-separated values for
/// scripts. Every cell goes through `TerminalSafe.escape`, so no input-derived text reaches a
/// terminal raw. The CLI listings and the exported report both use it.
///
/// `TextTable` collects rows and renders them; `TextTable.Layout` is the streaming form for
/// listings too large to hold: measure every row once, then write each row as it comes.
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

    /// Column widths and the rendering of one line. A column aligns at most
    /// `maximumAlignedWidth` characters: a longer cell (a 3,000-character C++ name) pushes
    /// the rest of its line right instead of padding every other row to its width.
    public struct Layout: Sendable {
        public let columns: [Column]
        public private(set) var widths: [Int]
        public let maximumAlignedWidth: Int

        public init(_ columns: [Column], header: Bool = true, maximumAlignedWidth: Int = 48) {
            self.columns = columns
            self.maximumAlignedWidth = maximumAlignedWidth
            widths = columns.map { header ? min(TextTable.width($0.title), maximumAlignedWidth) : 0 }
        }

        /// Widens the columns to fit `cells` (already escaped).
        public mutating func measure(_ cells: [String]) {
            for (index, cell) in cells.prefix(widths.count).enumerated() where index < widths.count - 1 || columns[index].alignment == .right {
                widths[index] = max(widths[index], min(TextTable.width(cell), maximumAlignedWidth))
            }
        }

        /// One aligned line (with its newline) appended to `output`. The cells must have been
        /// escaped (`TerminalSafe.escape`).
        public func append(_ cells: [String], indent: String = "", to output: inout TextBuffer) {
            output.append(indent)
            var pendingSpaces = 0
            let last = columns.count - 1
            for (index, cell) in cells.prefix(columns.count).enumerated() {
                // The last column is never padded, so its width is not needed.
                let pad = index == last && columns[index].alignment == .left ? 0 : max(0, widths[index] - TextTable.width(cell))
                if columns[index].alignment == .right { pendingSpaces += pad }
                if !cell.isEmpty {
                    output.appendSpaces(pendingSpaces)
                    pendingSpaces = 0
                    output.append(cell)
                }
                if index == last { break }
                if columns[index].alignment == .left { pendingSpaces += pad }
                pendingSpaces += 2
            }
            output.appendByte(0x0a)
        }

        /// Writes one line cell by cell, without building an array per row: call `cell` once
        /// per column in order, then `end`. Cells must be escaped.
        public struct LineCursor {
            fileprivate var column = 0
            fileprivate var pendingSpaces = 0
        }

        /// Starts a line.
        public func beginLine(indent: String = "", to output: inout TextBuffer) -> LineCursor {
            if !indent.isEmpty { output.append(indent) }
            return LineCursor()
        }

        /// Appends the next cell of the line.
        public func cell(_ text: String, _ cursor: inout LineCursor, to output: inout TextBuffer) {
            let index = cursor.column
            guard index < columns.count else { return }
            let last = index == columns.count - 1
            let pad = last && columns[index].alignment == .left ? 0 : max(0, widths[index] - TextTable.width(text))
            if columns[index].alignment == .right { cursor.pendingSpaces += pad }
            if !text.isEmpty {
                output.appendSpaces(cursor.pendingSpaces)
                cursor.pendingSpaces = 0
                output.append(text)
            }
            if columns[index].alignment == .left { cursor.pendingSpaces += pad }
            cursor.pendingSpaces += 2
            cursor.column += 1
        }

        /// Ends the line.
        public func endLine(_ cursor: LineCursor, to output: inout TextBuffer) {
            output.appendByte(0x0a)
        }

        /// Widens column `index` to fit `text`.
        public mutating func measure(_ text: String, column index: Int) {
            guard index < widths.count else { return }
            widths[index] = max(widths[index], min(TextTable.width(text), maximumAlignedWidth))
        }

        /// The header line.
        public func appendHeader(indent: String = "", to output: inout TextBuffer) {
            append(columns.map(\.title), indent: indent, to: &output)
        }
    }

    public var columns: [Column]
    public private(set) var rows: [[String]] = []

    public init(_ columns: [Column]) {
        self.columns = columns
    }

    /// Adds a row; missing cells are empty, extra cells are dropped.
    public mutating func append(_ cells: [String]) {
        rows.append(Self.escapedRow(cells, columnCount: columns.count))
    }

    /// `cells` escaped and padded or cut to `columnCount`.
    public static func escapedRow(_ cells: [String], columnCount: Int) -> [String] {
        var row = cells.prefix(columnCount).map(TerminalSafe.escape)
        while row.count < columnCount { row.append("") }
        return row
    }

    /// Aligned text: a header line, then one line per row, columns two spaces apart, no
    /// trailing blanks. `indent` prefixes every line.
    public func render(indent: String = "", header: Bool = true, maximumAlignedWidth: Int = 48) -> String {
        var layout = Layout(columns, header: header, maximumAlignedWidth: maximumAlignedWidth)
        for row in rows { layout.measure(row) }
        var output = TextBuffer()
        if header { layout.appendHeader(indent: indent, to: &output) }
        for row in rows { layout.append(row, indent: indent, to: &output) }
        return output.string
    }

    /// Tab-separated: a header line, then rows (cells were escaped on the way in, so a cell
    /// never holds a tab or a newline).
    public func renderTSV(header: Bool = true) -> String {
        var output = ""
        if header { output += columns.map(\.title).joined(separator: "\t") + "\n" }
        for row in rows { output += row.joined(separator: "\t") + "\n" }
        return output
    }

    /// Display width used for alignment: terminal columns (East Asian wide characters and
    /// emoji count 2, combining marks 0; ``TerminalText/displayWidth(_:)``), with a fast
    /// path for ASCII.
    public static func width(_ text: String) -> Int {
        var text = text
        let ascii = text.withUTF8 { bytes -> Int? in
            for byte in bytes where byte >= 0x80 { return nil }
            return bytes.count
        }
        return ascii ?? TerminalText.displayWidth(text)
    }
}
