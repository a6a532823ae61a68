import TerminalText

/// A key the user pressed, as the keymap and the models see it.
///
/// Control characters never arrive as ``character(_:)``: Ctrl-letter is ``control(_:)``, and
/// the keys terminals send as control codes (Tab = Ctrl-I, Enter = Ctrl-M, Esc = Ctrl-[,
/// Backspace = Ctrl-H or DEL) have their own cases.
public enum Key: Hashable, Sendable {
    /// A printable character, including space.
    case character(Character)
    /// Ctrl and a letter, as the lowercase letter: `.control("u")` is Ctrl-U.
    case control(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case tab
    /// Shift-Tab.
    case backTab
    case enter, escape, backspace, delete, insert
    /// F1…F12 (and beyond, if the terminal sends them).
    case function(Int)

    /// Space, which help text names rather than shows.
    public static let space = Key.character(" ")

    /// The key as help text and the hint line show it: `j`, `Space`, `^U`, `S-Tab`, `PgDn`,
    /// `F1`. ASCII only, so it reads the same in every locale.
    public var label: String {
        switch self {
        case .character(" "): "Space"
        case .character(let character): TerminalText.safe(String(character))
        case .control(let character): "^" + TerminalText.safe(String(character).uppercased())
        case .up: "Up"
        case .down: "Down"
        case .left: "Left"
        case .right: "Right"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .tab: "Tab"
        case .backTab: "S-Tab"
        case .enter: "Enter"
        case .escape: "Esc"
        case .backspace: "Bksp"
        case .delete: "Del"
        case .insert: "Ins"
        case .function(let number): "F\(number)"
        }
    }
}
