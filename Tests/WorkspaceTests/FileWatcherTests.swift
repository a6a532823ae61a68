import Foundation
import Synchronization
import Testing
import TestSupport
import Workspace

@Suite("File watching")
struct FileWatcherTests {
    final class Changes: Sendable {
        let seen = Mutex<[Set<String>]>([])
        func record(_ paths: Set<String>) { seen.withLock { $0.append(paths) } }
        var all: [Set<String>] { seen.withLock { $0 } }
    }

    static func waitFor(_ changes: Changes, count: Int, seconds: Double = 5) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if changes.all.count >= count { return true }
            usleep(20_000)
        }
        return false
    }

    @Test("a file written in place, and one replaced by a rename, are each reported once", arguments: [false, true])
    func reportsChanges(polling: Bool) throws {
        let folder = try TemporaryDirectory()
        let a = folder.file("a.o").path, b = folder.file("b.o").path
        try Data([1, 2, 3]).write(to: URL(fileURLWithPath: a))
        try Data([4, 5, 6]).write(to: URL(fileURLWithPath: b))
        let changes = Changes()
        let watcher = FileWatcher(paths: [a, b], polling: polling, pollInterval: 50, settleTime: 60)
        watcher.start { changes.record($0) }
        defer { watcher.stop() }
        #expect(watcher.usesInotify == !polling)
        usleep(150_000)
        // In place: several writes in a burst are one change.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: a))
        for byte in 0..<5 { try handle.write(contentsOf: Data([UInt8(byte)])); usleep(5_000) }
        try handle.close()
        #expect(Self.waitFor(changes, count: 1))
        #expect(changes.all.first == [a])
        // Replaced by a rename, as linkers write their output.
        let temporary = folder.file("b.o.tmp")
        try Data([9, 9, 9, 9]).write(to: temporary)
        #expect(rename(temporary.path, b) == 0)
        #expect(Self.waitFor(changes, count: 2))
        #expect(changes.all.dropFirst().first == [b])
        usleep(300_000)
        #expect(changes.all.count == 2, "no repeated reports: \(changes.all)")
    }

    @Test("a command loop takes the changes on its own thread; a change made before it waits is not missed")
    func blockingChanges() throws {
        let folder = try TemporaryDirectory()
        let a = folder.file("a.o").path
        try Data([1, 2, 3]).write(to: URL(fileURLWithPath: a))
        let watcher = FileWatcher(paths: [a, a], settleTime: 40)
        var changes = watcher.changes()
        // Changed after `changes()`, before the loop asks: still reported (the first load's window).
        try Data([7, 7, 7, 7]).write(to: URL(fileURLWithPath: a))
        #expect(changes.next() == [a])
        watcher.stop()
        #expect(changes.next() == nil, "a stopped watcher ends the loop")
    }
}
