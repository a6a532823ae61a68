import TerminalText
import TerminalUI
import Workspace

extension Screen {
    // MARK: tables

    static func drawTable(_ grid: inout CellGrid, pane: PaneID, state: AppState, area: Rect, theme: Theme) {
        guard area.rows > 0, area.columns > 0 else { return }
        let paneState = state.pane(pane)
        let schema = paneState.schema
        let columns = schema.layout(width: area.columns, contentWidths: paneState.contentWidths(demangle: state.demangle))
        // Header.
        for (index, placement) in columns.enumerated() {
            guard let placement, placement.width > 0 else { continue }
            let column = schema.columns[index]
            grid.put(column.title, in: Rect(row: area.row, column: area.column + placement.start, rows: 1, columns: placement.width),
                     alignment: column.trailing ? .trailing : .leading, style: theme.header)
        }
        let listTop = area.row + 1
        if paneState.totalCount == 0 {
            let text = emptyText(pane, state: state)
            grid.put(text, row: listTop, column: area.column + 1, width: area.columns - 1, style: Style(attributes: .dim))
            return
        }
        if paneState.shownCount == 0 {
            grid.put("no row matches /\(paneState.filter) (Esc clears)", row: listTop, column: area.column + 1,
                     width: area.columns - 1, style: Style(attributes: .dim))
            return
        }
        let focused = pane == state.focus
        let unicode = state.capabilities.unicode
        let needle = paneState.filter
        for index in paneState.list.visibleRange {
            guard let row = paneState.row(at: index) else { continue }
            let y = listTop + index - paneState.list.scrollOffset
            guard y < area.endRow else { break }
            let selected = index == paneState.list.selection
            let rowStyle: Style = selected ? (focused ? theme.selection : theme.selectionUnfocused) : .plain
            let line = Rect(row: y, column: area.column, rows: 1, columns: area.columns)
            if selected { grid.fill(line, style: rowStyle) }
            let toneStyle = merge(theme.tone(row.tone), into: rowStyle)
            if schema.markWidth > 0, let glyph = row.glyph {
                grid.put(String(glyph.character(unicode: unicode)), row: y, column: area.column, width: 1, style: toneStyle)
            }
            if schema.markWidth > 2, row.allowed {
                grid.put(unicode ? "✓" : "+", row: y, column: area.column + 1, width: 1,
                         style: merge(theme.tone(.note), into: rowStyle).adding(.bold))
            }
            for (columnIndex, placement) in columns.enumerated() {
                guard let placement, placement.width > 0 else { continue }
                let text = row.text(column: columnIndex, nameColumn: schema.nameColumn, demangle: state.demangle)
                let column = schema.columns[columnIndex]
                let isName = columnIndex == schema.nameColumn || columnIndex == schema.columns.count - 1
                let style = isName || row.tone == .dim ? toneStyle : rowStyle
                let rect = Rect(row: y, column: area.column + placement.start, rows: 1, columns: placement.width)
                grid.put(text, in: rect, alignment: column.trailing ? .trailing : .leading, style: style)
                if columnIndex == schema.nameColumn, !needle.isEmpty, let match = TextSearch.firstMatch(of: needle, in: text) {
                    highlight(&grid, text: text, match: match, rect: rect, style: style.adding(.underline))
                }
            }
        }
    }

    /// Underlines the matched characters of a left-aligned cell.
    static func highlight(_ grid: inout CellGrid, text: String, match: Range<Int>, rect: Rect, style: Style) {
        let characters = Array(text)
        let before = TerminalText.displayWidth(String(characters[..<match.lowerBound]))
        let matched = String(characters[match])
        guard before < rect.columns - 1 else { return }
        grid.put(matched, row: rect.row, column: rect.column + before, width: min(TerminalText.displayWidth(matched), rect.columns - 1 - before),
                 style: style)
    }

    /// A row style's colours and attributes under a selection bar.
    static func merge(_ tone: Style, into row: Style) -> Style {
        guard row != .plain else { return tone }
        var style = row
        if row.attributes.contains(.reverse), tone.foreground != .default {
            // Reverse video: the tone's colour becomes the bar.
            style.foreground = tone.foreground
        }
        style.attributes.formUnion(tone.attributes.subtracting(.dim))
        return style
    }

    static func emptyText(_ pane: PaneID, state: AppState) -> String {
        if state.loading != nil { return "loading…" }
        switch pane {
        case .sections: return "no sections"
        case .defined: return state.kind == .module ? "no named or exported element" : "no defined symbol"
        case .undefined: return state.kind == .module ? "no import" : (state.prediction == nil ? "not resolved" : "no undefined symbol: nothing to import")
        case .imports: return state.prediction == nil && state.kind != .module ? "not resolved" : "no import"
        case .findings: return "nothing to report"
        }
    }
}
