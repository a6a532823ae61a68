import CNcursesw
import TerminalUI

extension NcursesTerminal {
    /// Shows `grid`: writes only the cells that differ from the previous frame, then
    /// `wnoutrefresh` + `doupdate`. Never clears the screen per frame (that repaints the
    /// whole terminal and flickers); after a resize, or with a grid of another size, the
    /// screen is erased and painted in full once.
    ///
    /// `cursor` shows the terminal cursor at that cell (a text prompt); nil hides it.
    public func present(_ grid: CellGrid, cursor: (row: Int, column: Int)? = nil) {
        guard !stopped else { return }
        var previous = lastFrame
        if previous?.size != grid.size || grid.size != size {
            werase(window)
            previous = nil
        }
        let unicode = capabilities.unicode
        withUnsafeTemporaryAllocation(of: wchar_t.self, capacity: 8) { buffer in
            guard let characters = buffer.baseAddress else { return }
            grid.forEachChange(from: previous) { row, column, cell in
                if previous == nil, cell == .blank { return }
                var count = 0
                if cell.kind == .continuation {
                    // Drawing the wide character filled it, except in ASCII mode.
                    guard !unicode else { return }
                    characters[0] = 0x20
                    count = 1
                } else {
                    for scalar in cell.character.unicodeScalars where count < 5 {
                        characters[count] = wchar_t(bitPattern: scalar.value)
                        count += 1
                    }
                    if !unicode, cell.character.unicodeScalars.contains(where: { !$0.isASCII }) {
                        characters[0] = 0x3F  // "?": curses would draw it blank
                        count = 1
                    }
                }
                characters[count] = 0
                _ = wu_put_cell(window, Int32(row), Int32(column), characters, attributes(cell.style.attributes),
                                colorPairs.pair(for: cell.style))
            }
        }
        if let cursor {
            wmove(window, Int32(cursor.row), Int32(cursor.column))
        }
        let visible = cursor != nil
        if cursorVisible != visible {
            curs_set(visible ? 1 : 0)
            cursorVisible = visible
        }
        wnoutrefresh(window)
        doupdate()
        lastFrame = grid
    }

    private func attributes(_ attributes: Attributes) -> attr_t {
        var result = WU_A_NORMAL
        if attributes.contains(.bold) { result |= WU_A_BOLD }
        if attributes.contains(.reverse) { result |= WU_A_REVERSE }
        if attributes.contains(.underline) { result |= WU_A_UNDERLINE }
        if attributes.contains(.dim) { result |= WU_A_DIM }
        return result
    }
}
