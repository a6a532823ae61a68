extension TerminalText {
    /// `text` made safe and cut to at most `width` columns, ending in `ellipsis` when
    /// something was cut. A wide character that would straddle the limit is left out.
    ///
    /// For plain-text tables; the TUI's grid truncates cell by cell with the same rule.
    public static func truncated(_ text: some StringProtocol, toWidth width: Int, ellipsis: Character = "…") -> String {
        let safeText = safe(text)
        guard width > 0 else { return "" }
        guard displayWidth(safeText) > width else { return safeText }
        let ellipsisWidth = displayWidth(String(ellipsis))
        guard width >= ellipsisWidth else { return "" }
        var result = ""
        var used = 0
        for character in safeText {
            let characterWidth = displayWidth(String(character))
            if used + characterWidth > width - ellipsisWidth { break }
            result.append(character)
            used += characterWidth
        }
        result.append(ellipsis)
        return result
    }
}
