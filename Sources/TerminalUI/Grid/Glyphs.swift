/// The characters a frame is drawn with.
public struct FrameGlyphs: Hashable, Sendable {
    public var horizontal: Character
    public var vertical: Character
    public var topLeft: Character
    public var topRight: Character
    public var bottomLeft: Character
    public var bottomRight: Character
    /// `├`: a rule meeting the left side of a frame.
    public var leftTee: Character
    /// `┤`: a rule meeting the right side of a frame.
    public var rightTee: Character

    public init(
        horizontal: Character, vertical: Character, topLeft: Character, topRight: Character,
        bottomLeft: Character, bottomRight: Character, leftTee: Character, rightTee: Character
    ) {
        self.horizontal = horizontal
        self.vertical = vertical
        self.topLeft = topLeft
        self.topRight = topRight
        self.bottomLeft = bottomLeft
        self.bottomRight = bottomRight
        self.leftTee = leftTee
        self.rightTee = rightTee
    }

    /// Unicode light box drawing: `┌─┐│└┘├┤`.
    public static let light = FrameGlyphs(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐",
        bottomLeft: "└", bottomRight: "┘", leftTee: "├", rightTee: "┤"
    )
    /// Unicode heavy box drawing: `┏━┓┃┗┛┣┫` (for the focused pane).
    public static let heavy = FrameGlyphs(
        horizontal: "━", vertical: "┃", topLeft: "┏", topRight: "┓",
        bottomLeft: "┗", bottomRight: "┛", leftTee: "┣", rightTee: "┫"
    )
    /// ASCII: `+-|`, for terminals whose locale is not UTF-8.
    public static let ascii = FrameGlyphs(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+",
        bottomLeft: "+", bottomRight: "+", leftTee: "+", rightTee: "+"
    )
}

/// The drawing characters for one kind of terminal: Unicode where the locale is UTF-8, ASCII
/// otherwise (a non-UTF-8 ncurses draws every non-ASCII cell blank, silently).
public struct Glyphs: Hashable, Sendable {
    /// Frames of ordinary panes.
    public var frame: FrameGlyphs
    /// Frames of the focused pane.
    public var focusedFrame: FrameGlyphs
    /// What ends truncated text.
    public var ellipsis: Character

    public init(frame: FrameGlyphs, focusedFrame: FrameGlyphs, ellipsis: Character) {
        self.frame = frame
        self.focusedFrame = focusedFrame
        self.ellipsis = ellipsis
    }

    /// Box drawing and `…`.
    public static let unicode = Glyphs(frame: .light, focusedFrame: .heavy, ellipsis: "…")
    /// `+-|` and `~`.
    public static let ascii = Glyphs(frame: .ascii, focusedFrame: .ascii, ellipsis: "~")

    /// The glyphs that suit `capabilities`.
    public init(for capabilities: TerminalCapabilities) {
        self = capabilities.unicode ? .unicode : .ascii
    }
}
