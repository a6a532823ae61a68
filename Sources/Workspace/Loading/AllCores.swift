import BackgroundThreads
import WasmDecoding

/// Decoder work spread over the cores (`OrderedParallel`): what a load hands the decoder for
/// digesting large sections and listing archive members, which start no threads themselves.
public struct AllCores: ParallelWork {
    public init() {}

    public func forEach<Item: Sendable, Output: Sendable, Failure: Error>(
        _ items: [Item], transform: @escaping @Sendable (Item) -> Output, consume: (Output) throws(Failure) -> Void
    ) throws(Failure) {
        try OrderedParallel.forEach(items, transform: transform, consume: consume)
    }
}
