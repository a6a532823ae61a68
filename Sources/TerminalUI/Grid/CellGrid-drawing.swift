/// Where text sits in a wider space.
public enum Alignment: Hashable, Sendable {
    case leading, center, trailing
}

extension CellGrid {
    /// Draws one line of text from (`row`, `column`) rightwards, at most `width` columns (to
    /// the edge of the grid, or of `clip`, if sooner). Text that does not fit ends in the
    /// ellipsis glyph. Returns the number of columns drawn.
    ///
    /// The text is made terminal-safe here (controls, bidi overrides and other invisible
    /// scalars are drawn as `\x1b` / `\u{202e}` escapes), so input-derived names can be
    /// passed as they are. Newlines are escaped too: one call draws one line.
    @discardableResult
    public mutating func put(
        _ text: some StringProtocol, row: Int, column: Int, width: Int? = nil,
        style: Style = .plain, clip: Rect? = nil
    ) -> Int {
        let area = clip.map { $0.intersection(bounds) } ?? bounds
        guard area.contains(row: row, column: max(column, area.column)) else { return 0 }
        let end = min(width.map { column + max(0, $0) } ?? Int.max, area.endColumn)
        guard end > column else { return 0 }
        return put(GlyphRun(text), row: row, column: column, end: end, from: area.column, style: style)
    }

    /// Draws one line of text in the first row of `rect`, aligned within its width, truncated
    /// with the ellipsis glyph if it does not fit. With `fill`, the rest of the row is
    /// blanked in `style` (a selection bar). Returns the number of columns of text drawn.
    @discardableResult
    public mutating func put(
        _ text: some StringProtocol, in rect: Rect, alignment: Alignment = .leading,
        style: Style = .plain, fill: Bool = false
    ) -> Int {
        guard !rect.isEmpty else { return 0 }
        if fill { self.fill(Rect(row: rect.row, column: rect.column, rows: 1, columns: rect.columns), style: style) }
        let run = GlyphRun(text)
        var start = rect.column
        if run.width < rect.columns {
            switch alignment {
            case .leading: break
            case .center: start += (rect.columns - run.width) / 2
            case .trailing: start += rect.columns - run.width
            }
        }
        let area = rect.intersection(bounds)
        guard area.contains(row: rect.row, column: max(start, area.column)) else { return 0 }
        return put(run, row: rect.row, column: start, end: min(rect.endColumn, area.endColumn), from: area.column, style: style)
    }

    /// Draws `lines` one per row from the top of `rect`, each clipped to its width; lines
    /// past the bottom are dropped.
    public mutating func put(lines: [String], in rect: Rect, style: Style = .plain) {
        for (offset, line) in lines.prefix(rect.rows).enumerated() {
            put(line, row: rect.row + offset, column: rect.column, width: rect.columns, style: style, clip: rect)
        }
    }

    /// Places `run` in [`column`, `end`) of `row`, skipping cells left of `visibleFrom`.
    private mutating func put(_ run: GlyphRun, row: Int, column: Int, end: Int, from visibleFrom: Int, style: Style) -> Int {
        let available = end - column
        let ellipsis = glyphs.ellipsis
        let truncated = run.width > available
        let limit = truncated ? end - 1 : end
        var cursor = column
        for glyph in run.glyphs {
            if cursor + glyph.width > limit { break }
            if cursor >= visibleFrom {
                write(glyph.character, wide: glyph.wide, style: style, row: row, column: cursor, limit: limit)
            }
            cursor += glyph.width
        }
        if truncated {
            // A wide glyph that did not fit leaves a gap before the ellipsis.
            while cursor < limit {
                if cursor >= visibleFrom { write(" ", wide: false, style: style, row: row, column: cursor) }
                cursor += 1
            }
            if cursor >= visibleFrom, cursor < end {
                write(ellipsis, wide: false, style: style, row: row, column: cursor)
                cursor += 1
            }
        }
        return cursor - column
    }

    /// Fills `rect` (clipped to the grid) with `character`; a character that is not one
    /// printable column (a control, a wide character) fills with spaces instead.
    public mutating func fill(_ rect: Rect, with character: Character = " ", style: Style = .plain) {
        let area = rect.intersection(bounds)
        let run = GlyphRun(String(character))
        let safe = run.glyphs.count == 1 && run.width == 1 ? character : " "
        for row in area.row..<area.endRow {
            for column in area.column..<area.endColumn {
                write(safe, wide: false, style: style, row: row, column: column)
            }
        }
    }

    /// Draws the border of `rect` with an optional title in the top edge, the way the panes
    /// look: `┌ Sections (12) ──┐`. The title is truncated to fit; the inside is untouched
    /// (use `rect.inset(by: 1)` for the content). `focused` uses ``Glyphs/focusedFrame``.
    public mutating func drawFrame(
        _ rect: Rect, title: String? = nil, style: Style = .plain, titleStyle: Style? = nil, focused: Bool = false
    ) {
        guard rect.rows >= 2, rect.columns >= 2 else { return }
        let frame = focused ? glyphs.focusedFrame : glyphs.frame
        drawEdge(row: rect.row, column: rect.column, width: rect.columns, left: frame.topLeft, right: frame.topRight,
                 fill: frame.horizontal, title: title, style: style, titleStyle: titleStyle ?? style)
        drawEdge(row: rect.endRow - 1, column: rect.column, width: rect.columns, left: frame.bottomLeft,
                 right: frame.bottomRight, fill: frame.horizontal, title: nil, style: style, titleStyle: style)
        for row in (rect.row + 1)..<(rect.endRow - 1) {
            write(frame.vertical, wide: false, style: style, row: row, column: rect.column)
            write(frame.vertical, wide: false, style: style, row: row, column: rect.endColumn - 1)
        }
    }

    /// Draws a horizontal rule with an optional title. With `joinsFrame`, its ends are tees
    /// that meet the sides of an enclosing frame (`├ Defined (12) ───┤`), else it is a plain
    /// line of `─`.
    public mutating func drawRule(
        row: Int, column: Int, width: Int, title: String? = nil, style: Style = .plain,
        titleStyle: Style? = nil, joinsFrame: Bool = true, focused: Bool = false
    ) {
        guard width > 0 else { return }
        let frame = focused ? glyphs.focusedFrame : glyphs.frame
        if joinsFrame, width >= 2 {
            drawEdge(row: row, column: column, width: width, left: frame.leftTee, right: frame.rightTee,
                     fill: frame.horizontal, title: title, style: style, titleStyle: titleStyle ?? style)
        } else {
            for offset in 0..<width {
                write(frame.horizontal, wide: false, style: style, row: row, column: column + offset)
            }
            if let title, width > 2 {
                put(" " + title + " ", row: row, column: column, width: width, style: titleStyle ?? style)
            }
        }
    }

    /// One edge: `left`, ` title `, `fill`…, `right`.
    private mutating func drawEdge(
        row: Int, column: Int, width: Int, left: Character, right: Character, fill: Character,
        title: String?, style: Style, titleStyle: Style
    ) {
        write(left, wide: false, style: style, row: row, column: column)
        for offset in 1..<(width - 1) {
            write(fill, wide: false, style: style, row: row, column: column + offset)
        }
        write(right, wide: false, style: style, row: row, column: column + width - 1)
        // Room for the title between `┌ ` and ` ┐`.
        if let title, !title.isEmpty, width >= 5 {
            let used = put(title, row: row, column: column + 2, width: width - 4, style: titleStyle)
            write(" ", wide: false, style: style, row: row, column: column + 1)
            write(" ", wide: false, style: style, row: row, column: column + 2 + used)
        }
    }
}
