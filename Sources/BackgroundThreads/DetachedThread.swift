#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CCoreAffinity
import Synchronization

/// Runs work on a thread of its own, started at once: wasm-undef's one way to run work
/// beside the caller (`BackgroundThread` when the caller waits for a result,
/// `OrderedParallel` for items spread over the cores).
///
/// Why threads of its own rather than a dispatch queue or Swift tasks: work that must begin
/// now on the other core was late on both. A dispatch queue's pool grows lazily (its first
/// worker started 2–3 ms after `async` here, longer than the indexing `report` hands it),
/// and Linux left a new thread on its creator's core, the two taking turns at each 4 ms tick
/// while the other core idled, unless told otherwise (`awayFromCaller`).
public enum DetachedThread {
    /// Starts `body` on a new detached thread. Returns false, without running `body`, when the
    /// system refuses a thread; the caller then decides (most run it inline).
    ///
    /// - Parameter awayFromCaller: start the thread on a core other than the caller's (when
    ///   the process may use more than one), so both run at once; once running it may use
    ///   every core again.
    @discardableResult
    public static func start(awayFromCaller: Bool = false, _ body: @escaping @Sendable () -> Void) -> Bool {
        guard let thread = ThreadStart.start(awayFromCaller: awayFromCaller, body) else { return false }
        pthread_detach(thread)
        return true
    }
}

/// Work started at once on a thread of its own whose result the starter collects with
/// `join()` (the thread is joined: no semaphore, no polling).
///
/// ```swift
/// let index = BackgroundThread(awayFromCaller: true) { LibraryFolders.scan(…) }
/// let link = try resolve(…)          // meanwhile, on this core
/// let libraries = index.join()
/// ```
public final class BackgroundThread<Value: Sendable>: Sendable {
    private struct State {
        /// Set until joined or detached.
        var thread: pthread_t?
        var value: Value?
    }

    private let state = Mutex(State())

    /// Starts `body` on a new thread (on another core than the caller's when
    /// `awayFromCaller`); runs it inline when the system refuses a thread.
    public init(awayFromCaller: Bool = false, _ body: @escaping @Sendable () -> Value) {
        let thread = ThreadStart.start(awayFromCaller: awayFromCaller) { [self] in
            let value = body()
            state.withLock { $0.value = value }
        }
        if let thread {
            state.withLock { $0.thread = thread }
        } else {
            let value = body()
            state.withLock { $0.value = value }
        }
    }

    /// Waits for the work to finish and returns its result (again on later calls).
    public func join() -> Value {
        if let thread = state.withLock({ state in defer { state.thread = nil }; return state.thread }) {
            pthread_join(thread, nil)
        }
        guard let value = state.withLock({ $0.value }) else {
            preconditionFailure("BackgroundThread: the joined thread left no result")
        }
        return value
    }

    deinit {
        // Never joined: let the thread end on its own.
        if let thread = state.withLock({ $0.thread }) { pthread_detach(thread) }
    }
}

/// `pthread_create` with the affinity trick of `awayFromCaller`.
enum ThreadStart {
    private final class Work {
        let body: @Sendable () -> Void
        /// The cores the thread may use once started, when it starts on fewer.
        var widenTo: core_set?
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }

    /// The started (joinable) thread, or nil when the system refuses one.
    static func start(awayFromCaller: Bool, _ body: @escaping @Sendable () -> Void) -> pthread_t? {
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
            return nil
        }
        return thread
    }
}
