#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BackgroundThreads
import Synchronization

/// Watches files for changes and reports them, debounced: the one way every watch mode
/// (`report --watch`, `sections --watch`, the TUI) learns that its inputs changed.
///
/// On Linux it uses inotify on the files' folders (so a file replaced by a rename, as
/// linkers and compilers write their outputs, is seen as well as one written in place);
/// where inotify is unavailable, or `polling` is asked for, it compares `stat` fingerprints
/// every `pollInterval`. Either way a change is reported once the file has stopped changing
/// for `settleTime`, so a build writing a file in pieces yields one reload, not dozens.
///
/// A command loop takes the changes on its own thread (`changes()`, blocking); the TUI has
/// them delivered on a thread of the watcher's (`start(_:)`).
public final class FileWatcher: Sendable {
    private let paths: [String]
    private let stopped = Atomic<Bool>(false)
    private let settleMilliseconds: Int32
    private let pollMilliseconds: Int32
    /// Whether inotify is in use (false: polling).
    public let usesInotify: Bool
    private let inotify: Int32

    /// Starts watching `paths`: changes from now on are reported.
    public init(paths: [String], polling: Bool = false, pollInterval milliseconds: Int = 500, settleTime settle: Int = 80) {
        self.paths = paths
        settleMilliseconds = Int32(settle)
        pollMilliseconds = Int32(milliseconds)
        #if canImport(Glibc)
        let descriptor = polling ? -1 : inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        #else
        let descriptor: Int32 = -1
        #endif
        var watching = descriptor >= 0
        #if canImport(Glibc)
        if watching {
            let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_MODIFY | IN_ATTRIB | IN_MOVED_FROM)
            for folder in Set(paths.map(Self.folder(of:))) where inotify_add_watch(descriptor, folder, mask) < 0 {
                watching = false
            }
            if !watching { close(descriptor) }
        }
        #endif
        usesInotify = watching
        inotify = watching ? descriptor : -1
    }

    /// Calls `handler` with the paths of every change, on a thread of the watcher's, until
    /// `stop()`.
    public func start(_ handler: @escaping @Sendable (Set<String>) -> Void) {
        let changes = self.changes()
        DetachedThread.start {
            var iterator = changes
            while let changed = iterator.next() { handler(changed) }
        }
    }

    deinit {
        if inotify >= 0 { close(inotify) }
    }

    /// Stops watching; no change is reported afterwards.
    public func stop() {
        stopped.store(true, ordering: .relaxed)
    }

    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func fileName(of path: String) -> String {
        path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
    }

    /// The changes, one set of paths at a time: `next()` blocks until some watched paths
    /// changed and held still, and returns nil once the watcher is stopped. Files are compared
    /// with what they were when `changes()` was called.
    public func changes() -> Changes {
        Changes(watcher: self)
    }

    /// See `changes()`.
    public struct Changes: Sequence, IteratorProtocol, Sendable {
        let watcher: FileWatcher
        var known: [String: FileFingerprint?]
        var pending: [String: FileFingerprint?] = [:]
        let names: Set<String>

        init(watcher: FileWatcher) {
            self.watcher = watcher
            known = Dictionary(watcher.paths.map { ($0, FileFingerprint(path: $0)) }, uniquingKeysWith: { first, _ in first })
            names = Set(watcher.paths.map(FileWatcher.fileName(of:)))
        }

        /// Waits for a hint (an inotify event or a poll tick), then compares fingerprints;
        /// returns the paths whose fingerprint changed and then held still.
        public mutating func next() -> Set<String>? {
            while !watcher.stopped.load(ordering: .relaxed) {
                let hinted = watcher.waitForHint(names: names, timeout: pending.isEmpty ? watcher.pollMilliseconds : watcher.settleMilliseconds)
                if watcher.stopped.load(ordering: .relaxed) { return nil }
                var settled = Set<String>()
                for path in watcher.paths where hinted || !watcher.usesInotify || pending[path] != nil {
                    let now = FileFingerprint(path: path)
                    if let previous = pending[path] {
                        if previous == now, now != known[path] ?? nil {
                            // Held still for a settle period: report it.
                            settled.insert(path)
                            known[path] = now
                            pending[path] = nil
                        } else if previous == now {
                            pending[path] = nil
                        } else {
                            pending[path] = now
                        }
                    } else if now != known[path] ?? nil {
                        pending[path] = now
                    }
                }
                if !settled.isEmpty { return settled }
            }
            return nil
        }
    }

    /// Blocks up to `timeout` ms; true when an event may concern one of `names`.
    private func waitForHint(names: Set<String>, timeout: Int32) -> Bool {
        guard usesInotify else {
            // The polling fallback: a tick.
            _ = poll(nil, 0, timeout)
            return true
        }
        var descriptor = pollfd(fd: inotify, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, timeout) > 0 else { return false }
        #if canImport(Glibc)
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var relevant = false
        while true {
            let count = buffer.withUnsafeMutableBytes { read(inotify, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let length = buffer.withUnsafeBytes { Int($0.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)) }
                let nameStart = offset + MemoryLayout<inotify_event>.size
                let name = buffer[nameStart..<min(count, nameStart + length)].prefix { $0 != 0 }
                if names.contains(String(decoding: name, as: UTF8.self)) { relevant = true }
                offset = nameStart + length
            }
        }
        return relevant
        #else
        return true
        #endif
    }
}
