/// A range of a `ByteStorage`: what a lazy section reader decodes from.
///
/// `start` and `end` index the storage; `offset(of:)` turns an index into the absolute
/// offset in the input (what error messages and the UI show).
public struct ByteWindow: Sendable {
    /// The bytes this window is part of; kept alive by the window.
    public let storage: ByteStorage
    /// First index (in the storage) of the window.
    public let start: Int
    /// One past the last index (in the storage) of the window.
    public let end: Int

    /// A window onto `storage[start..<end]`; the bounds are clamped to the storage.
    public init(storage: ByteStorage, start: Int, end: Int) {
        self.storage = storage
        self.start = max(0, min(start, storage.count))
        self.end = max(self.start, min(end, storage.count))
    }

    /// Number of bytes in the window.
    public var count: Int { end - start }
    /// Whether the window is empty.
    public var isEmpty: Bool { end == start }
    /// Absolute offset (in the input) of the first byte.
    public var absoluteStart: Int { storage.origin + start }
    /// Absolute offset (in the input) one past the last byte.
    public var absoluteEnd: Int { storage.origin + end }
    /// The absolute range this window covers.
    public var absoluteRange: Range<Int> { absoluteStart..<absoluteEnd }

    /// A sub-window by absolute offsets; clamped to this window.
    public func slice(absolute range: Range<Int>) -> ByteWindow {
        let lower = max(start, min(end, range.lowerBound - storage.origin))
        let upper = max(lower, min(end, range.upperBound - storage.origin))
        return ByteWindow(storage: storage, start: lower, end: upper)
    }

    /// A sub-window by offsets relative to the start of this window; clamped.
    public func slice(relative range: Range<Int>) -> ByteWindow {
        slice(absolute: (absoluteStart + range.lowerBound)..<(absoluteStart + range.upperBound))
    }

    /// A reader positioned at the start of the window.
    public func reader() -> BinaryReader { BinaryReader(window: self) }

    /// The byte at absolute offset `offset`, or nil outside the window.
    public func byte(atAbsolute offset: Int) -> UInt8? {
        let index = offset - storage.origin
        guard index >= start, index < end else { return nil }
        return storage.base.load(fromByteOffset: index, as: UInt8.self)
    }

    /// A copy of the bytes (for tests, hex views and small payloads).
    public var bytes: [UInt8] {
        guard count > 0 else { return [] }
        return Array(UnsafeRawBufferPointer(start: storage.base + start, count: count))
    }

    /// Calls `body` with the window's bytes; no copy.
    public func withUnsafeBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        try body(UnsafeRawBufferPointer(start: count > 0 ? storage.base + start : nil, count: count))
    }
}
