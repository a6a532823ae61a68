import TerminalUI
import Workspace

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
}
