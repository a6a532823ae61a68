/// One terminal cell: what it shows and how.
///
/// A character two columns wide occupies two cells: the first is `.wide` and holds the
/// character, the second is `.continuation` and holds nothing of its own (the backend skips
/// it, since drawing the wide character fills it). The grid keeps the pair together.
public struct Cell: Hashable, Sendable {
    /// How much of a character the cell holds.
    public enum Kind: UInt8, Hashable, Sendable {
        /// A character one column wide.
        case narrow
        /// The first column of a character two columns wide.
        case wide
        /// The second column of a wide character; its `character` is a space.
        case continuation
    }

    /// What the cell shows: one grapheme (a printable base scalar and up to four zero-width
    /// scalars such as combining marks), already terminal-safe.
    public var character: Character
    /// Colours and attributes.
    public var style: Style
    /// Narrow, wide, or the second half of a wide character.
    public var kind: Kind

    /// A cell; callers other than the grid normally want ``blank`` or the grid's `put`.
    public init(character: Character, style: Style = .plain, kind: Kind = .narrow) {
        self.character = character
        self.style = style
        self.kind = kind
    }

    /// A space in the plain style.
    public static let blank = Cell(character: " ")
}
