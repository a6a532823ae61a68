import LinkModel
import TerminalText
import TerminalUI
import Workspace

extension Screen {
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
}
