/// How the decoder runs independent pieces of work (the chunks of a large section's digest,
/// the members of an archive). WasmDecoding starts no thread of its own: a caller that wants
/// the work spread over the cores passes a runner that does so (`Workspace.AllCores`);
/// `InOrder`, the default, runs the pieces one after another on the caller's thread.
public protocol ParallelWork: Sendable {
    /// Calls `transform` on every item, possibly on several threads at once, and `consume`
    /// with each result in the order of `items`. An error from `consume` stops it: no later
    /// result is consumed.
    func forEach<Item: Sendable, Output: Sendable, Failure: Error>(
        _ items: [Item], transform: @escaping @Sendable (Item) -> Output, consume: (Output) throws(Failure) -> Void
    ) throws(Failure)
}

/// Every piece in turn, on the caller's thread.
public struct InOrder: ParallelWork {
    public init() {}

    public func forEach<Item: Sendable, Output: Sendable, Failure: Error>(
        _ items: [Item], transform: @escaping @Sendable (Item) -> Output, consume: (Output) throws(Failure) -> Void
    ) throws(Failure) {
        for item in items { try consume(transform(item)) }
    }
}
