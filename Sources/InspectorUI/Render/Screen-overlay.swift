import TerminalUI

extension Screen {
    // MARK: overlays

    static func drawOverlay(
        _ grid: inout CellGrid, title: String, footer: String, lines: [DetailLine], scroll: Int, area: Rect, theme: Theme,
        helpHeadings: Bool
    ) {
        guard area.rows >= 3, area.columns >= 10 else { return }
        grid.fill(area)
        grid.drawFrame(area, title: title, style: theme.overlayFrame, titleStyle: theme.overlayFrame, focused: true)
        let inside = Rect(row: area.row + 1, column: area.column + 2, rows: area.rows - 2, columns: area.columns - 4)
        let labelWidth = OverlayText.labelWidth(lines)
        let rows = OverlayText.rows(lines, width: inside.columns, help: helpHeadings)
        let first = min(scroll, max(0, rows.count - inside.rows))
        for offset in 0..<inside.rows {
            let index = first + offset
            guard index < rows.count else { break }
            let row = rows[index]
            let line = row.line
            let y = inside.row + offset
            let x = inside.column + row.indent
            let width = inside.columns - row.indent
            switch line.kind {
            case .heading:
                grid.put(row.text, row: y, column: x, width: width, style: theme.detailHeading)
            case .field:
                if row.isFirst {
                    grid.put((line.label ?? "") + ":", row: y, column: inside.column, width: labelWidth, style: theme.detailLabel)
                }
                grid.put(row.text, row: y, column: x, width: width, style: theme.tone(line.tone))
            case .text where helpHeadings && !line.text.hasPrefix(" ") && !line.text.isEmpty:
                grid.put(row.text, row: y, column: x, width: width, style: theme.detailHeading)
            case .text, .bytes, .dim:
                grid.put(row.text, row: y, column: x, width: width, style: theme.tone(line.tone))
            }
        }
        var footerText = footer
        if rows.count > inside.rows {
            let last = min(rows.count, first + inside.rows)
            footerText = "\(first + 1)-\(last) of \(rows.count)  " + footer
        }
        grid.put(" " + footerText + " ", row: area.endRow - 1, column: area.column + 2, width: area.columns - 4,
                 style: theme.overlayFrame)
    }
}
