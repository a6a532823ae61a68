#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CCoreAffinity

/// Runs work on a thread of its own, started at once.
///
/// For work that must begin now on the other core: a dispatch queue's pool grows lazily (its
/// first worker started 2–3 ms after `async` here, longer than the indexing `report` hands
/// it), and Linux left a new thread on its creator's core, the two taking turns at each
/// 4 ms tick while the other core idled, unless told otherwise (`awayFromCaller`).
public enum DetachedThread {
    private final class Work {
        let body: @Sendable () -> Void
        /// The cores the thread may use once started, when it starts on fewer.
        var widenTo: core_set?
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }

    /// Starts `body` on a new detached thread. Returns false, without running `body`, when the
    /// system refuses a thread; the caller then decides (most run it inline).
    ///
    /// - Parameter awayFromCaller: start the thread on a core other than the caller's (when
    ///   the process may use more than one), so both run at once; once running it may use
    ///   every core again.
    @discardableResult
    public static func start(awayFromCaller: Bool = false, _ body: @escaping @Sendable () -> Void) -> Bool {
        let work = Work(body)
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        var allowed = core_set(), elsewhere = core_set()
        if awayFromCaller, core_affinity_others(&allowed, &elsewhere) == 1,
           core_affinity_set_attribute(&attributes, &elsewhere) == 0 {
            work.widenTo = allowed
        }
        let context = Unmanaged.passRetained(work)
        #if canImport(Glibc)
        var thread = pthread_t()
        #else
        var thread: pthread_t? = nil
        #endif
        let started = pthread_create(&thread, &attributes, { argument in
            guard let argument else { return nil }
            let work = Unmanaged<Work>.fromOpaque(argument).takeRetainedValue()
            if var cores = work.widenTo { _ = core_affinity_set_thread(&cores) }
            work.body()
            return nil
        }, context.toOpaque())
        guard started == 0 else {
            context.release()
            return false
        }
        #if canImport(Glibc)
        pthread_detach(thread)
        #else
        if let thread { pthread_detach(thread) }
        #endif
        return true
    }

}
