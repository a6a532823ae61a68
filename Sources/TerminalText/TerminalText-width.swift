extension TerminalText {
    /// The number of terminal columns `scalar` takes: 0 (combining marks and other zero-width
    /// scalars), 1, or 2 (East Asian wide and fullwidth characters, most emoji); nil when it is
    /// not printable (controls, unassigned code points, line and paragraph separators).
    ///
    /// The same answers as glibc's `wcwidth(3)`, which both ncurses and tmux use on this
    /// platform; the table comes from `Width/generate-width-table.sh`.
    public static func width(of scalar: Unicode.Scalar) -> Int? {
        let value = scalar.value
        if value >= 0x20, value < 0x7F { return 1 }
        // Binary search for the last run starting at or before `value`.
        let runs = widthRuns
        var low = 0
        var high = runs.count / 3
        while low < high {
            let mid = (low + high) / 2
            if runs[mid * 3] <= value { low = mid + 1 } else { high = mid }
        }
        guard low > 0 else { return 1 }
        let run = (low - 1) * 3
        guard value <= runs[run + 1] else { return 1 }
        let width = Int(runs[run + 2]) - 1
        return width < 0 ? nil : width
    }

    /// The number of columns `text` takes once made safe with ``safe(_:)``: escaped scalars
    /// count as the width of their escape.
    public static func displayWidth(_ text: some StringProtocol) -> Int {
        var total = 0
        for scalar in text.unicodeScalars {
            total += displayWidth(of: scalar)
        }
        return total
    }

    /// Columns one scalar takes as ``safe(_:)`` shows it.
    static func displayWidth(of scalar: Unicode.Scalar) -> Int {
        if mustEscape(scalar) { return escapeWidth(scalar) }
        return width(of: scalar) ?? escapeWidth(scalar)
    }
}
