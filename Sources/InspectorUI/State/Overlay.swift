import TerminalUI

/// A modal view over the panes.
public enum Overlay: Sendable, Equatable {
    /// The key table, scrolled `scroll` lines.
    case help(scroll: Int)
    /// Everything about the selected row.
    case detail(DetailView)
}

/// The detail view of one row: a title and lines, scrolled.
public struct DetailView: Sendable, Equatable {
    /// The pane and row it shows (it follows the selection with `n`/`N`).
    public var pane: PaneID
    public var key: String
    public var title: String
    public var lines: [DetailLine]
    public var scroll: Int

    public init(pane: PaneID, key: String, title: String, lines: [DetailLine], scroll: Int = 0) {
        self.pane = pane
        self.key = key
        self.title = title
        self.lines = lines
        self.scroll = scroll
    }
}

/// One line of a detail view.
public struct DetailLine: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A section heading.
        case heading
        /// `label: value`.
        case field
        /// Ordinary text.
        case text
        /// A hex dump line.
        case bytes
        /// Context that matters less.
        case dim
    }

    public var kind: Kind
    public var text: String
    /// For fields: the label (the value is `text`).
    public var label: String?
    public var tone: Tone

    public init(_ kind: Kind, _ text: String, label: String? = nil, tone: Tone = .plain) {
        self.kind = kind
        self.text = text
        self.label = label
        self.tone = tone
    }
}
