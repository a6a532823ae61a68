import Synchronization

/// The little state that signal handlers, the `atexit` hook and other threads share with the
/// UI thread. Everything here is lock-free, so a signal handler may touch it.
enum ProcessState {
    /// The signal (SIGINT, SIGTERM, SIGHUP) waiting for the event loop, or 0.
    static let pendingSignal = Atomic<Int32>(0)
    /// Set by ``Waker/wake()``; cleared when the loop reports `.wake`.
    static let wakeRequested = Atomic<Bool>(false)
    /// Write end of the self-pipe that wakes the loop's `poll`; -1 before the first start.
    static let wakeWriteFD = Atomic<Int32>(-1)
    /// Whether curses owns the terminal (between `newterm` and `endwin`).
    static let cursesActive = Atomic<Bool>(false)

    /// Touches every static so that none is first initialized inside a signal handler.
    static func initialize() {
        _ = pendingSignal.load(ordering: .relaxed)
        _ = wakeRequested.load(ordering: .relaxed)
        _ = wakeWriteFD.load(ordering: .relaxed)
        _ = cursesActive.load(ordering: .relaxed)
    }
}
