/// What the terminal can show, as found by the backend at start; the UI picks its glyphs and
/// theme from it.
public struct TerminalCapabilities: Hashable, Sendable {
    /// The locale's codeset is UTF-8, so box drawing and non-ASCII names can be drawn.
    public var unicode: Bool
    /// Colours are available and wanted (`has_colors()` and no non-empty `NO_COLOR`). When
    /// false the backend drops colours and keeps attributes; the UI should lean on reverse,
    /// bold and underline.
    public var colors: Bool

    public init(unicode: Bool, colors: Bool) {
        self.unicode = unicode
        self.colors = colors
    }
}
