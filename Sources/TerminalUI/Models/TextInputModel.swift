import TerminalText

/// A one-line text field: the `/` filter prompt, the export path prompt. Editing keys follow
/// readline: Left/Right, Home/End and ^A/^E, Backspace, Del and ^D, ^U (delete to start),
/// ^K (delete to end), ^W (delete the word before the cursor); Enter submits, Esc cancels.
///
/// The cursor counts graphemes, so it never lands inside a combined character.
public struct TextInputModel: Hashable, Sendable {
    /// What ``handle(_:)`` did with a key.
    public enum Outcome: Hashable, Sendable {
        /// The text or the cursor changed.
        case edited
        /// Enter: the text is final.
        case submitted(String)
        /// Esc: the user gave up.
        case cancelled
        /// The key means nothing here; the caller may use it.
        case ignored
    }

    private var characters: [Character]
    /// Cursor position: the number of characters before it.
    public private(set) var cursor: Int

    /// A field holding `text`, the cursor at its end.
    public init(text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    /// The field's text.
    public var text: String { String(characters) }

    /// Applies one key.
    public mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .character(let character):
            insert(character)
        case .left:
            cursor = max(0, cursor - 1)
        case .right:
            cursor = min(characters.count, cursor + 1)
        case .home, .control("a"):
            cursor = 0
        case .end, .control("e"):
            cursor = characters.count
        case .backspace, .control("h"):
            guard cursor > 0 else { return .edited }
            characters.remove(at: cursor - 1)
            cursor -= 1
        case .delete, .control("d"):
            guard cursor < characters.count else { return .edited }
            characters.remove(at: cursor)
        case .control("u"):
            characters.removeSubrange(0..<cursor)
            cursor = 0
        case .control("k"):
            characters.removeSubrange(cursor..<characters.count)
        case .control("w"):
            deleteWordBackward()
        case .enter:
            return .submitted(text)
        case .escape:
            return .cancelled
        default:
            return .ignored
        }
        return .edited
    }

    /// Inserts `text` at the cursor (a paste, or a programmatic prefill).
    public mutating func insert(_ text: String) {
        for character in text { insert(character) }
    }

    private mutating func insert(_ character: Character) {
        characters.insert(character, at: cursor)
        cursor += 1
    }

    private mutating func deleteWordBackward() {
        var start = cursor
        while start > 0, characters[start - 1].isWhitespace { start -= 1 }
        while start > 0, !characters[start - 1].isWhitespace { start -= 1 }
        characters.removeSubrange(start..<cursor)
        cursor = start
    }

    /// What a field `width` columns wide shows: the part of the text around the cursor
    /// (scrolled so the cursor stays visible, with the cursor as far right as it needs to
    /// be), and the cursor's column in it. Widths are those of the terminal-safe text, as
    /// the grid draws it.
    public func visible(width: Int) -> (text: String, cursorColumn: Int) {
        guard width > 0 else { return ("", 0) }
        let widths = characters.map { TerminalText.displayWidth(String($0)) }
        // Leave one column for the cursor itself at the end of the text.
        var start = cursor
        var used = 1
        while start > 0, used + widths[start - 1] <= width {
            start -= 1
            used += widths[start]
        }
        var end = start
        var shown = 0
        while end < characters.count, shown + widths[end] <= width {
            shown += widths[end]
            end += 1
        }
        let cursorColumn = widths[start..<cursor].reduce(0, +)
        return (String(characters[start..<end]), cursorColumn)
    }
}
