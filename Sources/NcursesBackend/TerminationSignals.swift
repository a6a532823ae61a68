import Glibc
import TerminalUI

/// SIGINT, SIGTERM and SIGHUP while curses owns the terminal: the handlers only record the
/// signal and poke the self-pipe; the event loop returns ``InputEvent/terminate(_:)`` and the
/// app restores the terminal on its ordinary way out. (ncurses' own handlers restore the
/// terminal but `exit(1)` without running Swift cleanup, and they are only installed where
/// the signal is at its default, so installing these first keeps them out.)
enum TerminationSignals {
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    nonisolated(unsafe) static var previous: [Int32: sigaction] = [:]

    static func install() {
        ProcessState.initialize()
        for signal in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signal in
                ProcessState.pendingSignal.store(signal, ordering: .sequentiallyConsistent)
                SelfPipe.poke()
            }
            sigemptyset(&action.sa_mask)
            // No SA_RESTART: a blocking poll returns EINTR at once.
            action.sa_flags = 0
            var old = sigaction()
            sigaction(signal, &action, &old)
            previous[signal] = old
        }
    }

    static func uninstall() {
        for (signal, old) in previous {
            var action = old
            sigaction(signal, &action, nil)
        }
        previous = [:]
    }

    /// The request a pending signal stands for.
    static func request(for signal: Int32) -> TerminationRequest? {
        switch signal {
        case SIGINT: .interrupt
        case SIGTERM: .terminate
        case SIGHUP: .hangup
        default: nil
        }
    }
}

extension TerminationRequest {
    /// The signal this request came from.
    public var signalNumber: Int32 {
        switch self {
        case .interrupt: SIGINT
        case .terminate: SIGTERM
        case .hangup: SIGHUP
        }
    }

    /// Ends the process the way the signal would have, so the parent (a shell) sees it:
    /// call after ``NcursesTerminal/stop()``.
    public func exitProcess() -> Never {
        signal(signalNumber, SIG_DFL)
        raise(signalNumber)
        _exit(128 + signalNumber)
    }
}
