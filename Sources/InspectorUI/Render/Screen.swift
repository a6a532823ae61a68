import LinkModel
import TerminalText
import TerminalUI

/// A rendered screen: the grid and where the terminal cursor goes (a prompt's).
public struct Frame: Sendable, Equatable {
    public var grid: CellGrid
    public var cursor: Cursor?

    public struct Cursor: Sendable, Hashable {
        public var row: Int
        public var column: Int

        public init(row: Int, column: Int) {
            self.row = row
            self.column = column
        }
    }
}

/// Draws the state: a pure function, the only way pixels get decided. Only the rows in view
/// are drawn, so a pane of 89,000 rows costs what a pane of 20 does.
public enum Screen {
    public static func render(_ state: AppState) -> Frame {
        let capabilities = state.capabilities
        var grid = CellGrid(size: state.size, glyphs: Glyphs(for: capabilities))
        let theme = Theme(capabilities)
        let layout = state.layout
        if layout.tooSmall {
            drawTooSmall(&grid, size: state.size, theme: theme)
            return Frame(grid: grid, cursor: nil)
        }
        drawColumns(&grid, state: state, layout: layout, theme: theme)
        for pane in PaneID.allCases {
            drawTable(&grid, pane: pane, state: state, area: layout.content(pane), theme: theme)
        }
        if let row = layout.progressRow, let loading = state.loading {
            drawProgress(&grid, loading, row: row, theme: theme, unicode: capabilities.unicode)
        }
        drawStatus(&grid, state: state, row: layout.statusRow, theme: theme)
        let cursor = drawBottomLine(&grid, state: state, row: layout.hintRow, theme: theme)
        switch state.overlay {
        case .help(let scroll):
            drawOverlay(&grid, title: "Keys (Esc closes)", footer: "j/k scroll  Esc close",
                        lines: InspectorKeymap.helpLines, scroll: scroll,
                        area: layout.overlay, theme: theme, helpHeadings: true)
        case .detail(let detail):
            drawOverlay(&grid, title: detail.title + " (\(detail.pane.title))",
                        footer: "j/k scroll  n/N next row  Esc close", lines: detail.lines, scroll: detail.scroll,
                        area: layout.overlay, theme: theme, helpHeadings: false)
        case nil:
            break
        }
        return Frame(grid: grid, cursor: cursor)
    }

    // MARK: too small

    static func drawTooSmall(_ grid: inout CellGrid, size: Size, theme: Theme) {
        let lines = [
            "wasm-undef needs at least \(Layout.minimumSize.columns)×\(Layout.minimumSize.rows)",
            "(this terminal is \(size.columns)×\(size.rows))",
            "enlarge it, or press q to quit",
        ]
        let top = max(0, size.rows / 2 - 1)
        for (offset, line) in lines.enumerated() {
            grid.put(line, in: Rect(row: top + offset, column: 0, rows: 1, columns: size.columns), alignment: .center,
                     style: offset == 0 ? Style(attributes: .bold) : .plain)
        }
    }

    // MARK: frames

    /// The two columns of panes: one frame each, rules between panes, the focused pane's
    /// part heavy, titles last so no edge overwrites them.
    static func drawColumns(_ grid: inout CellGrid, state: AppState, layout: Layout, theme: Theme) {
        for column in [[PaneID.sections, .defined], [.undefined, .imports, .findings]] {
            guard let first = column.first, let last = column.last else { continue }
            let top = layout.frame(first)
            let bottom = layout.frame(last)
            let whole = Rect(row: top.row, column: top.column, rows: bottom.endRow - top.row, columns: top.columns)
            grid.drawFrame(whole, style: theme.frame)
            for pane in column.dropFirst() {
                let frame = layout.frame(pane)
                grid.drawRule(row: frame.row, column: frame.column, width: frame.columns, style: theme.frame)
            }
            if column.contains(state.focus) {
                let frame = layout.frame(state.focus)
                grid.drawFrame(frame, style: theme.focusedFrame, focused: true)
                if state.focus != first {
                    grid.drawRule(row: frame.row, column: frame.column, width: frame.columns, style: theme.focusedFrame, focused: true)
                }
                if state.focus != last {
                    grid.drawRule(row: frame.endRow - 1, column: frame.column, width: frame.columns, style: theme.focusedFrame, focused: true)
                }
            }
            for pane in column {
                let frame = layout.frame(pane)
                let focused = pane == state.focus
                grid.put(" " + title(of: pane, state: state) + " ", row: frame.row, column: frame.column + 1,
                         width: max(0, frame.columns - 2), style: focused ? theme.focusedTitle : theme.title)
            }
        }
    }

    /// `3 Undefined (2 of 7) /conf ↑name`.
    static func title(of pane: PaneID, state: AppState) -> String {
        let paneState = state.pane(pane)
        var name = pane.title
        if pane == .imports { name = state.kind == .module ? "Imports (the module's own)" : "Imports it would produce" }
        var text = "\(pane.number) \(name)"
        let total = paneState.totalCount
        let shown = paneState.shownCount
        if shown != total {
            text += " (\(Format.count(shown)) of \(Format.count(total)))"
        } else if total > 0 || state.loading == nil {
            text += " (\(Format.count(total)))"
        }
        if !paneState.filter.isEmpty { text += " /" + paneState.filter }
        if paneState.pendingView != nil { text += paneState.filter.isEmpty ? " sorting…" : " filtering…" }
        if let column = paneState.sort.column, column < paneState.schema.columns.count {
            let arrow = state.capabilities.unicode ? (paneState.sort.ascending ? "↑" : "↓") : (paneState.sort.ascending ? "^" : "v")
            text += " " + arrow + paneState.schema.columns[column].title

        }
        return text
    }

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

    // MARK: lines

    static func drawProgress(_ grid: inout CellGrid, _ loading: LoadingState, row: Int, theme: Theme, unicode: Bool) {
        var text = loading.text
        if let fraction = loading.fraction {
            let width = 20
            let filled = max(0, min(width, Int((fraction * Double(width)).rounded())))
            let bar = String(repeating: unicode ? "█" : "#", count: filled) + String(repeating: unicode ? "░" : ".", count: width - filled)
            text += "  " + bar + " \(Int((fraction * 100).rounded()))%"
        } else {
            text += "…"
        }
        grid.put(" " + text, in: Rect(row: row, column: 0, rows: 1, columns: grid.size.columns), style: theme.progress)
    }

    /// ` app.o mylib.o · policy [error] import allow · 6 undefined → 1 import, 4 errors · ✗ link fails`.
    static func drawStatus(_ grid: inout CellGrid, state: AppState, row: Int, theme: Theme) {
        let width = grid.size.columns
        grid.fill(Rect(row: row, column: 0, rows: 1, columns: width), style: theme.status)
        var column = 0
        func put(_ text: String, _ style: Style) {
            guard column < width else { return }
            column += grid.put(text, row: row, column: column, width: width - column, style: style)
        }
        let separator = state.capabilities.unicode ? " · " : " | "
        put(" " + state.source.displayTitle, theme.status.adding(.bold))
        switch state.kind {
        case .module:
            let imports = state.data.moduleImports
            let environment = imports.filter(\.isEnvironmentFunction).count
            put(separator + "linked module" + separator + Format.plural(imports.count, "import"), theme.status)
            if environment > 0 { put(" (\(environment) env " + (environment == 1 ? "function" : "functions") + ")", theme.status) }
            put(separator + "\(Format.count(state.pane(.defined).totalCount)) named", theme.status)
        case .link, nil:
            put(separator + "policy ", theme.status)
            let current = state.policy.name
            if current == nil { put("[" + state.policy.label + "] ", theme.statusEmphasis) }
            for (index, name) in PolicyName.allCases.enumerated() {
                if index > 0 { put(" ", theme.status) }
                if name == current {
                    put("[" + name.rawValue + "]", theme.statusEmphasis)
                } else {
                    put(name.rawValue, theme.status)
                }
            }
            let allowCount = state.allowList.names.count
            if allowCount > 0 || state.allowList.file != nil {
                put(separator + "allow list \(allowCount)" + (state.allowList.isModified ? "*" : ""), theme.status)
            }
            if let prediction = state.prediction {
                put(separator + AppState.summary(prediction, unicode: state.capabilities.unicode), theme.status)
                put(separator, theme.status)
                if prediction.linkOK {
                    put((state.capabilities.unicode ? "✓" : "ok:") + " link succeeds", theme.statusTone(.good))
                } else {
                    put((state.capabilities.unicode ? "✗" : "x") + " link fails", theme.statusTone(.error))
                }
            } else if state.data.loadError != nil {
                put(separator + "cannot read the link", theme.statusTone(.error))
            }
        }
        let filter = state.pane(state.focus).filter
        if !filter.isEmpty { put(separator + "filter /" + filter, theme.status) }
        if !state.demangle { put(separator + "mangled", theme.status) }
    }

    /// The prompt, a message, or the keys that work here. Returns the cursor of a prompt.
    static func drawBottomLine(_ grid: inout CellGrid, state: AppState, row: Int, theme: Theme) -> Frame.Cursor? {
        let width = grid.size.columns
        if let prompt = state.prompt {
            let label = prompt.label
            let used = grid.put(" " + label, row: row, column: 0, width: width, style: theme.prompt)
            if case .confirmOverwrite = prompt.kind { return Frame.Cursor(row: row, column: min(width - 1, used)) }
            let field = prompt.input.visible(width: max(1, width - used - 1))
            grid.put(field.text, row: row, column: used, width: width - used)
            return Frame.Cursor(row: row, column: min(width - 1, used + field.cursorColumn))
        }
        if let message = state.message {
            grid.put(" " + message.text, row: row, column: 0, width: width, style: theme.tone(message.tone))
            return nil
        }
        // The keys of this context on the left; help and quit always on the right.
        let table = InspectorKeymap.table
        let fixed = table.bindings.filter { $0.command == .help || $0.command == .quit }
            .compactMap { binding in binding.keys.first.map { (keys: $0.label, label: binding.label) } }
        let rightText = fixed.map { $0.keys + " " + $0.label }.joined(separator: "  ")
        let rightStart = max(0, width - TerminalText.displayWidth(rightText) - 1)
        var right = rightStart
        for (index, item) in fixed.enumerated() {
            if index > 0 { right += grid.put("  ", row: row, column: right) }
            right += grid.put(item.keys, row: row, column: right, style: theme.hintKey)
            right += grid.put(" " + item.label, row: row, column: right)
        }
        var column = 1
        let separator = "  "
        let hidden = Set(table.bindings.filter { $0.command == .help || $0.command == .quit
            || (state.kind == .module && !$0.command.appliesToModules) }.map(\.label))
        for hint in table.hints(in: state.keyContext) where !hidden.contains(hint.label) {
            let needed = TerminalText.displayWidth(hint.text) + (column > 1 ? separator.count : 0)
            if column + needed > rightStart - 2 { break }
            if column > 1 { column += grid.put(separator, row: row, column: column) }
            column += grid.put(hint.keys, row: row, column: column, style: theme.hintKey)
            column += grid.put(" " + hint.label, row: row, column: column)
        }
        return nil
    }

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
