import TerminalUI

/// A file the app wants written: the report (`e`) or the allow list (`w`).
public struct WriteRequest: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case report
        case allowList
        case fixIt
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
    /// Inputs changed on disk (the file watcher): reload, keeping panes, selection, filter
    /// and policy.
    case filesChanged(Set<String>)
}
