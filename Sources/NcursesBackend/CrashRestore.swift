import Glibc

/// The last line of defence: if the process dies of a fault or a Swift runtime trap while
/// curses owns the terminal, restore the terminal modes saved at start and leave the
/// alternate screen before the crash report is written, so the backtrace lands on a usable
/// terminal, after the `Fatal error:` line (replayed from ``StandardErrorCapture``), and the
/// shell is not left without echo.
///
/// The handler only calls async-signal-safe functions (`tcsetattr`, `write`, `sigaction`,
/// `raise`) on memory prepared at install time, then hands the signal to whatever handler was
/// there before (the Swift backtracer, or the default action).
enum CrashRestore {
    static let signals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGABRT]

    /// Indexed by signal number; allocated once.
    nonisolated(unsafe) static var previous: UnsafeMutablePointer<sigaction>?
    nonisolated(unsafe) static var savedModes: UnsafeMutablePointer<termios>?
    nonisolated(unsafe) static var resetBytes: UnsafeMutableBufferPointer<UInt8>?
    nonisolated(unsafe) static var installed = false

    /// Remembers the terminal modes of fd 0; call before curses changes them.
    static func saveModes() -> Bool {
        let modes = savedModes ?? UnsafeMutablePointer<termios>.allocate(capacity: 1)
        savedModes = modes
        return tcgetattr(STDIN_FILENO, modes) == 0
    }

    /// Installs the handlers; `reset` is what to write to leave curses' screen modes.
    static func install(reset: [UInt8]) {
        ProcessState.initialize()
        resetBytes?.deallocate()
        let bytes = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: reset.count)
        _ = bytes.initialize(from: reset)
        resetBytes = bytes
        if previous == nil {
            let table = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
            table.initialize(repeating: sigaction(), count: 65)
            previous = table
        }
        guard !installed, let table = previous else { return }
        for signal in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_sigaction = { signal, info, _ in
                CrashRestore.restoreTerminal()
                guard let table = CrashRestore.previous, signal > 0, signal < 65 else { return }
                sigaction(signal, table + Int(signal), nil)
                // A fault re-executes the faulting instruction into the previous handler on
                // return; a sent signal (abort, kill) must be raised again.
                if signal == SIGTRAP || signal == SIGABRT || (info?.pointee.si_code ?? 0) <= 0 {
                    raise(signal)
                }
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_SIGINFO | SA_ONSTACK
            sigaction(signal, &action, table + Int(signal))
        }
        installed = true
    }

    /// Puts the previous handlers back.
    static func uninstall() {
        guard installed, let table = previous else { return }
        for signal in signals {
            sigaction(signal, table + Int(signal), nil)
        }
        installed = false
    }

    /// Async-signal-safe: the saved modes, the reset sequence and the captured standard
    /// error (with the runtime's `Fatal error:` line), once.
    static func restoreTerminal() {
        guard ProcessState.cursesActive.exchange(false, ordering: .sequentiallyConsistent) else { return }
        if let modes = savedModes {
            tcsetattr(STDIN_FILENO, TCSANOW, modes)
        }
        if let bytes = resetBytes, let base = bytes.baseAddress {
            _ = write(STDOUT_FILENO, base, bytes.count)
        }
        StandardErrorCapture.end()
    }
}
