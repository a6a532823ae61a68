#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BackgroundThreads

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
final class Mailbox<Message: Sendable>: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    private var messages: [Message] = []

    init() {
        pthread_mutex_init(&mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(&mutex)
    }

    func post(_ message: Message) {
        pthread_mutex_lock(&mutex)
        messages.append(message)
        pthread_mutex_unlock(&mutex)
    }

    /// Everything posted so far, oldest first.
    func drain() -> [Message] {
        pthread_mutex_lock(&mutex)
        let taken = messages
        messages.removeAll()
        pthread_mutex_unlock(&mutex)
        return taken
    }
}
