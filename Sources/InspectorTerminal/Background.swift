#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BackgroundThreads
import Synchronization

/// Runs work on a new detached thread: loading and large sorts never run on the UI thread.
enum Background {
    /// Starts `body` on its own thread, below the UI thread's priority; runs it inline if the
    /// system refuses a thread (the UI then waits, but nothing is lost).
    static func run(_ body: @escaping @Sendable () -> Void) {
        let started = DetachedThread.start {
            #if os(Linux)
            // Below the UI thread: on a busy machine the key that was pressed is drawn first.
            // (On Linux, `who` 0 is the calling thread, not the whole process.)
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
            #endif
            body()
        }
        if !started { body() }
    }
}

/// Events posted by background threads for the UI thread, in order.
final class Mailbox<Message: Sendable>: Sendable {
    private let messages = Mutex<[Message]>([])

    func post(_ message: Message) {
        messages.withLock { $0.append(message) }
    }

    /// Everything posted so far, oldest first.
    func drain() -> [Message] {
        messages.withLock { messages in
            defer { messages.removeAll() }
            return messages
        }
    }
}
