import CNcursesw
import Glibc
import TerminalUI
import BackgroundThreads

extension NcursesTerminal {
    /// Waits up to `timeout` milliseconds (nil: until something happens) for the next event:
    /// a key, a mouse event, a resize, a ``Waker`` wake, or a termination signal. Returns nil
    /// on timeout.
    ///
    /// It waits in `poll` on standard input and the self-pipe, so signals and wakes end the
    /// wait at once, and reads curses only when input is there (or already buffered by it).
    public func nextEvent(timeout: Int? = nil) -> InputEvent? {
        guard !stopped else { return nil }
        let deadline = timeout.map { ContinuousClock.now.advanced(by: .milliseconds($0)) }
        while true {
            if let request = takePendingSignal() { return .terminate(request) }
            if let event = readCurses() { return event }
            if ProcessState.wakeRequested.exchange(false, ordering: .acquiringAndReleasing) { return .wake }

            var remaining: Int32 = -1
            if let deadline {
                let left = ContinuousClock.now.duration(to: deadline).milliseconds.rounded(.up)
                if left <= 0 { return nil }
                remaining = Int32(clamping: Int(left))
            }
            var fds = [
                pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                pollfd(fd: SelfPipe.readFD, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&fds, nfds_t(fds.count), remaining)
            if ready < 0, errno != EINTR { return nil }
            if fds[1].revents != 0 { SelfPipe.drain() }
            if (fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL)) != 0, (fds[0].revents & Int16(POLLIN)) == 0 {
                // The terminal is gone; a hangup signal normally follows, but do not spin.
                return .terminate(.hangup)
            }
        }
    }

    private func takePendingSignal() -> TerminationRequest? {
        let signal = ProcessState.pendingSignal.exchange(0, ordering: .acquiringAndReleasing)
        return signal == 0 ? nil : TerminationSignals.request(for: signal)
    }

    /// One event from what curses has or can read without waiting; nil when there is none.
    /// Keys that mean nothing (a stray control code) are skipped.
    private func readCurses() -> InputEvent? {
        while true {
            var value: wint_t = 0
            let result = wget_wch(window, &value)
            if result == ERR { return nil }
            let event: InputEvent?
            if result == KEY_CODE_YES {
                event = keyCodeEvent(Int32(bitPattern: value))
            } else {
                event = KeyDecoding.character(UInt32(value)).map(InputEvent.key)
            }
            if let event { return event }
        }
    }

    private func keyCodeEvent(_ code: Int32) -> InputEvent? {
        switch code {
        case KEY_RESIZE:
            size = Size(rows: Int(wu_lines()), columns: Int(wu_cols()))
            lastFrame = nil
            return .resize(rows: size.rows, columns: size.columns)
        case KEY_MOUSE:
            var event = MEVENT()
            guard getmouse(&event) == OK else { return nil }
            return KeyDecoding.mouse(state: UInt32(event.bstate), row: Int(event.y), column: Int(event.x)).map(InputEvent.mouse)
        default:
            return KeyDecoding.keyCode(code).map(InputEvent.key)
        }
    }
}
