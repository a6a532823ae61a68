import TerminalText
import TerminalUI

/// The lines of an overlay (help, detail) wrapped to its width: what is drawn, and what
/// scrolling counts. Fields wrap under their value, help rows under their description;
/// hex dumps are never wrapped.
public enum OverlayText {
    /// One screen row of an overlay.
    public struct Row: Sendable, Hashable {
        public var line: DetailLine
        /// The text of this row (a part of the line's).
        public var text: String
        /// Columns to leave blank before `text` (a continuation's indent).
        public var indent: Int
        /// The first row of the line (fields show their label there).
        public var isFirst: Bool
    }

    /// The inside of the overlay box of `layout`: where the text goes.
    public static func textArea(_ layout: Layout) -> Rect {
        let area = layout.overlay
        return Rect(row: area.row + 1, column: area.column + 2, rows: area.rows - 2, columns: area.columns - 4)
    }

    /// The label column of fields.
    public static func labelWidth(_ lines: [DetailLine]) -> Int {
        min(20, (lines.compactMap { $0.label.map(TerminalText.displayWidth) }.max() ?? 0) + 2)
    }

    /// `lines` as rows of at most `width` columns. `help` wraps text lines under the
    /// column after their first run of two spaces (the help table's description column).
    public static func rows(_ lines: [DetailLine], width: Int, help: Bool = false) -> [Row] {
        let labelWidth = labelWidth(lines)
        var rows: [Row] = []
        for line in lines {
            switch line.kind {
            case .heading, .bytes:
                rows.append(Row(line: line, text: line.text, indent: 0, isFirst: true))
            case .field:
                let parts = wrap(line.text, width: max(1, width - labelWidth))
                for (index, part) in parts.enumerated() {
                    rows.append(Row(line: line, text: part, indent: labelWidth, isFirst: index == 0))
                }
            case .text, .dim:
                let leading = line.text.prefix { $0 == " " }.count
                var hanging = leading + 2
                if help {
                    // The description starts after the first run of two or more spaces past the keys.
                    let characters = Array(line.text)
                    var index = leading
                    while index + 1 < characters.count, !(characters[index] == " " && characters[index + 1] == " ") { index += 1 }
                    while index < characters.count, characters[index] == " " { index += 1 }
                    if index < characters.count { hanging = index }
                }
                if hanging >= width / 2 { hanging = min(leading + 2, width / 2) }
                let first = wrap(line.text, width: max(1, width), continuationWidth: max(1, width - hanging))
                for (index, part) in first.enumerated() {
                    rows.append(Row(line: line, text: index == 0 ? part : part, indent: index == 0 ? 0 : hanging,
                                    isFirst: index == 0))
                }
            }
        }
        return rows
    }

    /// How far an overlay of these lines can scroll.
    public static func maximumScroll(rowCount: Int, layout: Layout) -> Int {
        max(0, rowCount - max(1, textArea(layout).rows))
    }

    /// Greedy word wrap by display width; a word longer than a line is cut.
    static func wrap(_ text: String, width: Int, continuationWidth: Int? = nil) -> [String] {
        guard TerminalText.displayWidth(text) > width else { return [text] }
        var lines: [String] = []
        var current = ""
        var currentWidth = 0
        var limit = width
        func push() {
            lines.append(current)
            current = ""
            currentWidth = 0
            limit = continuationWidth ?? width
        }
        var words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        // Keep the line's own indentation.
        var leading = ""
        while let first = words.first, first.isEmpty, words.count > 1 {
            leading += " "
            words.removeFirst()
        }
        current = leading
        currentWidth = leading.count
        for word in words {
            var word = word
            var wordWidth = TerminalText.displayWidth(word)
            let space = currentWidth > leading.count || (!lines.isEmpty && currentWidth > 0) ? 1 : 0
            if currentWidth + space + wordWidth <= limit {
                current += (space == 1 ? " " : "") + word
                currentWidth += space + wordWidth
                continue
            }
            if currentWidth > 0 { push() }
            while wordWidth > limit {
                var piece = ""
                var pieceWidth = 0
                var rest = Substring(word)
                while let character = rest.first {
                    let characterWidth = TerminalText.displayWidth(String(character))
                    if pieceWidth + characterWidth > limit { break }
                    piece.append(character)
                    pieceWidth += characterWidth
                    rest.removeFirst()
                }
                if piece.isEmpty { break }
                current = piece
                push()
                word = String(rest)
                wordWidth = TerminalText.displayWidth(word)
            }
            current = word
            currentWidth = wordWidth
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }
}
