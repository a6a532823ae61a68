/// A mouse button.
public enum MouseButton: Hashable, Sendable {
    case left, middle, right
}

/// A mouse event at a cell of the screen (0-based row and column).
public struct MouseEvent: Hashable, Sendable {
    /// What happened.
    public enum Action: Hashable, Sendable {
        case press(MouseButton)
        case release(MouseButton)
        case wheelUp
        case wheelDown
    }

    public var action: Action
    public var row: Int
    public var column: Int

    public init(_ action: Action, row: Int, column: Int) {
        self.action = action
        self.row = row
        self.column = column
    }
}

/// Why the backend asks the app to end: a signal arrived. The app restores the terminal
/// (it happens on every exit path) and exits the way the signal asks.
public enum TerminationRequest: Hashable, Sendable {
    /// SIGINT (Ctrl-C).
    case interrupt
    /// SIGTERM.
    case terminate
    /// SIGHUP: the terminal went away.
    case hangup
}

/// Everything the event loop receives.
public enum InputEvent: Hashable, Sendable {
    /// A key press.
    case key(Key)
    /// A mouse press, release or wheel step.
    case mouse(MouseEvent)
    /// The terminal now has this size; everything must be redrawn at it.
    case resize(rows: Int, columns: Int)
    /// Another thread (background decoding) asked for a redraw.
    case wake
    /// A signal asked the app to end.
    case terminate(TerminationRequest)
}
