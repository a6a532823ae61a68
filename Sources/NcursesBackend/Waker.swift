import Glibc

/// Wakes the UI thread's event loop from another thread, so that background work (decoding a
/// large file) can post "state changed": the loop's ``NcursesTerminal/nextEvent(timeout:)``
/// returns ``TerminalUI/InputEvent/wake`` promptly.
///
/// Several wakes before the loop looks are reported once. Safe to call from any thread, and
/// after the terminal has stopped (it then does nothing useful, and no harm).
public struct Waker: Sendable {
    init() {}

    /// Asks the event loop to return `.wake`.
    public func wake() {
        ProcessState.wakeRequested.store(true, ordering: .releasing)
        SelfPipe.poke()
    }
}

/// A non-blocking pipe whose read end the event loop polls beside stdin. Signal handlers and
/// ``Waker`` write one byte to it. It is created once and never closed, so a late writer can
/// never hit a reused descriptor.
enum SelfPipe {
    /// Read end, or -1 before creation. Only the UI thread reads it.
    nonisolated(unsafe) static var readFD: Int32 = -1

    /// Creates the pipe if needed; false if the system refused.
    static func create() -> Bool {
        if readFD >= 0 { return true }
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return false }
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        readFD = fds[0]
        ProcessState.wakeWriteFD.store(fds[1], ordering: .releasing)
        return true
    }

    /// Writes one byte; async-signal-safe. A full pipe already wakes the reader.
    static func poke() {
        let fd = ProcessState.wakeWriteFD.load(ordering: .acquiring)
        guard fd >= 0 else { return }
        var byte: UInt8 = 1
        _ = write(fd, &byte, 1)
    }

    /// Empties the pipe.
    static func drain() {
        guard readFD >= 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(readFD, &buffer, buffer.count) > 0 {}
    }
}
