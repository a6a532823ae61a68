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

/// What the bottom line is asking for.
public enum PromptKind: Sendable, Equatable {
    /// `/`: the filter of a pane, typed live; Esc restores `original`.
    case filter(PaneID, original: String)
    /// `e`: where to write the report.
    case exportReport
    /// `w`: where to write the allow list.
    case writeAllowList
    /// The file exists: `y` replaces it.
    case confirmOverwrite(WriteRequest)
}

/// A question on the bottom line, with its text field.
public struct Prompt: Sendable, Equatable {
    public var kind: PromptKind
    public var input: TextInputModel

    public init(kind: PromptKind, input: TextInputModel = TextInputModel()) {
        self.kind = kind
        self.input = input
    }

    /// The words before the field.
    public var label: String {
        switch kind {
        case .filter(let pane, _): "filter \(pane.title): "
        case .exportReport: "export report to: "
        case .writeAllowList: "write allow list to: "
        case .confirmOverwrite(let request): "\(request.path) exists. Replace it? (y/n) "
        }
    }
}

/// A one-line message on the bottom line until the next key.
public struct StatusMessage: Sendable, Equatable {
    public var text: String
    public var tone: Tone

    public init(_ text: String, tone: Tone = .plain) {
        self.text = text
        self.tone = tone
    }
}

/// Loading in progress: what it is doing and how far.
public struct LoadingState: Sendable, Equatable {
    public var text: String
    public var fraction: Double?
    /// A reload (the old data stays visible meanwhile).
    public var isReload: Bool
}

/// A file the app wants written: the report (`e`) or the allow list (`w`).
public struct WriteRequest: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case report
        case allowList
    }

    public var kind: Kind
    public var path: String
    public var contents: String
    /// Replace an existing file (only after the user said yes).
    public var overwrite: Bool

    public init(kind: Kind, path: String, contents: String, overwrite: Bool = false) {
        self.kind = kind
        self.path = path
        self.contents = contents
        self.overwrite = overwrite
    }
}

/// How a write went.
public enum WriteOutcome: Sendable, Equatable {
    case written
    /// The file exists and `overwrite` was false: ask.
    case exists
    case failed(String)
}

/// Work the reducer asks the run loop to do (the reducer itself does no I/O and starts no
/// thread).
public enum Effect: Sendable, Equatable {
    /// Restore the terminal and exit.
    case quit
    /// Load the source (again) on a background thread, tagging updates with `generation`.
    case load(generation: Int)
    /// Write a file (atomically, never replacing one unless `overwrite`).
    case write(WriteRequest)
    /// Filter and sort a large pane on a background thread (`request.run()`).
    case computeView(PaneState.ViewRequest)
}

/// Everything the reducer reacts to.
public enum AppEvent: Sendable {
    case key(Key)
    case mouse(MouseEvent)
    case resize(Size)
    /// A loader update for load `generation`.
    case loaded(LoadUpdate, generation: Int)
    /// A background view finished: `order` is `request.run()`.
    case viewComputed(PaneState.ViewRequest, order: [Int])
    /// A write finished.
    case wrote(WriteRequest, WriteOutcome)
}
