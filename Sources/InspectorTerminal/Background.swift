#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs work on a new detached thread: loading and large sorts never run on the UI thread.
enum Background {
    private final class Work {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }

    /// Starts `body` on its own thread; runs it inline if the system refuses a thread (the
    /// UI then waits, but nothing is lost).
    static func run(_ body: @escaping @Sendable () -> Void) {
        let work = Unmanaged.passRetained(Work(body))
        #if canImport(Glibc)
        var thread = pthread_t()
        #else
        var thread: pthread_t? = nil
        #endif
        let started = pthread_create(&thread, nil, { argument in
            guard let argument else { return nil }
            #if os(Linux)
            // Below the UI thread: on a busy machine the key that was pressed is drawn first.
            // (On Linux, `who` 0 is the calling thread, not the whole process.)
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
            #endif
            Unmanaged<Work>.fromOpaque(argument).takeRetainedValue().body()
            return nil
        }, work.toOpaque())
        if started == 0 {
            #if canImport(Glibc)
            pthread_detach(thread)
            #else
            if let thread { pthread_detach(thread) }
            #endif
        } else {
            work.takeRetainedValue().body()
        }
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
