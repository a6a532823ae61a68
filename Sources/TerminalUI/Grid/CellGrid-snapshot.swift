extension CellGrid {
    /// The grid as text for snapshot tests: one line per row with trailing spaces removed
    /// (a wide character is written once, so lines line up in a monospace font). With
    /// `includeStyles`, and when any cell is not plain, a second block follows: one line per
    /// row, one key per column (`.` for plain, then `a`, `b`, … in order of first use), and a
    /// legend naming each key's style.
    ///
    /// ```
    /// ┌ Title ─┐
    /// └────────┘
    /// -- styles --
    /// .aaaaaaa.
    /// ..........
    /// a: fg=cyan bold
    /// ```
    public func snapshot(includeStyles: Bool = true) -> String {
        var lines: [String] = []
        for row in 0..<size.rows {
            var line = ""
            for cell in self.row(row) where cell.kind != .continuation {
                line.append(cell.character)
            }
            while line.last == " " { line.removeLast() }
            lines.append(line)
        }
        guard includeStyles, cells.contains(where: { $0.style != .plain }) else {
            return lines.joined(separator: "\n") + "\n"
        }
        let keys = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        var assigned: [Style: Character] = [.plain: "."]
        var legend: [String] = []
        lines.append("-- styles --")
        for row in 0..<size.rows {
            var line = ""
            for cell in self.row(row) {
                if let key = assigned[cell.style] {
                    line.append(key)
                } else {
                    let key = legend.count < keys.count ? keys[legend.count] : "?"
                    assigned[cell.style] = key
                    legend.append("\(key): \(cell.style)")
                    line.append(key)
                }
            }
            lines.append(line)
        }
        return (lines + legend).joined(separator: "\n") + "\n"
    }
}
