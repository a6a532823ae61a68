import TerminalUI

extension AppState {
    /// A click focuses the pane under it and selects the row; the wheel scrolls the pane
    /// (or the open overlay) under it.
    mutating func handleMouse(_ mouse: MouseEvent) -> [Effect] {
        let layout = self.layout
        guard !layout.tooSmall, prompt == nil else { return [] }
        switch mouse.action {
        case .wheelUp, .wheelDown:
            let steps = mouse.action == .wheelUp ? -1 : 1
            if overlay != nil {
                scrollOverlay(by: steps * 3)
                return []
            }
            let pane = layout.pane(atRow: mouse.row, column: mouse.column) ?? focus
            panes[pane.rawValue].list.scroll(wheelSteps: steps)
        case .press(.left):
            if overlay != nil {
                // A click outside the overlay closes it.
                if !layout.overlay.contains(row: mouse.row, column: mouse.column) { overlay = nil }
                return []
            }
            guard let pane = layout.pane(atRow: mouse.row, column: mouse.column) else { return [] }
            focus = pane
            let content = layout.content(pane)
            let viewportRow = mouse.row - content.row - 1
            if content.contains(row: mouse.row, column: mouse.column), viewportRow >= 0 {
                panes[pane.rawValue].list.click(atViewportRow: viewportRow)
            }
        case .press, .release:
            break
        }
        return []
    }
}
