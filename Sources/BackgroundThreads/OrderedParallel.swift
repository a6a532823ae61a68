#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Work on independent items (archive members, chunks of a large section) spread over the
/// cores, with results still consumed in item order, a batch at a time so a listing of a
/// huge archive is never held whole in memory.
///
/// Helpers are `BackgroundThread`s started on the other cores: `concurrentPerform`'s pool
/// started late and on the caller's core here, and the listing of wasi-libc's 746 members
/// ran on one core.
public enum OrderedParallel {
    /// One batch being worked on: the next item to claim and the filled slots.
    private final class Batch<Item: Sendable, Output: Sendable>: @unchecked Sendable {
        let items: ArraySlice<Item>
        let transform: @Sendable (Item) -> Output
        let next = Atomic<Int>(0)
        /// Written once per index, by whichever thread claimed it; read after every helper
        /// has been joined.
        let slots: UnsafeMutableBufferPointer<Output?>

        init(items: ArraySlice<Item>, transform: @escaping @Sendable (Item) -> Output) {
            self.items = items
            self.transform = transform
            slots = .allocate(capacity: items.count)
            slots.initialize(repeating: nil)
        }

        deinit {
            slots.deinitialize()
            slots.deallocate()
        }

        /// Claims and transforms items until none is left.
        func work() {
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < items.count else { return }
                slots[index] = transform(items[items.startIndex + index])
            }
        }
    }

    /// How many threads beside the caller's help: one per other core, at most three.
    public static let helpers: Int = min(max(Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))) - 1, 0), 3)

    /// Calls `transform` on every item (concurrently, `batchSize` items at a time) and
    /// `consume` with each result in the order of `items`. An error from `consume` stops it:
    /// no later result is consumed.
    public static func forEach<Item: Sendable, Output: Sendable, Failure: Error>(
        _ items: [Item], batchSize: Int = 256, transform: @escaping @Sendable (Item) -> Output,
        consume: (Output) throws(Failure) -> Void
    ) throws(Failure) {
        var start = 0
        while start < items.count {
            let batch = Batch(items: items[start..<min(start + batchSize, items.count)], transform: transform)
            // Small batches are not worth a thread.
            let helpers = batch.items.count < 8 ? [] : (0..<helpers).map { _ in
                BackgroundThread(awayFromCaller: true) { batch.work() }
            }
            batch.work()
            for helper in helpers { helper.join() }
            for output in batch.slots {
                guard let output else { preconditionFailure("OrderedParallel: an item was not transformed") }
                try consume(output)
            }
            start += batch.items.count
        }
    }
}
