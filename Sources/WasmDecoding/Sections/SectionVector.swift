/// Something a vector in a section payload holds, decodable on its own.
public protocol SectionItem: Sendable {
    /// The fewest bytes one encoded item can take; lets a declared count be checked against
    /// the bytes that remain before anything is allocated.
    static var minimumEncodedSize: Int { get }
    /// Decodes one item at the reader's position.
    static func read(from reader: inout BinaryReader) throws(DecodeError) -> Self
}

extension SectionItem {
    public static var minimumEncodedSize: Int { 1 }
}

/// A lazy `vec(T)`: the count and the byte range, decoded item by item when iterated.
///
/// Creating one reads only the count (and checks it could fit); nothing else is touched
/// until `makeIterator()`/`collect()`. After the last item the iterator checks that the
/// vector used exactly its bytes.
public struct SectionVector<Item: SectionItem>: Sendable {
    /// Declared number of items.
    public let count: Int
    /// The whole window (count included).
    public let window: ByteWindow
    /// The items' bytes (after the count).
    public let items: ByteWindow
    private let what: StaticString
    private let requireEnd: Bool

    /// Reads the count at the start of `window`.
    /// - Parameter requireEnd: whether the items must use the window exactly (true for a
    ///   section payload, false when the vector is followed by more fields).
    public init(_ window: ByteWindow, _ what: StaticString, requireEnd: Bool = true) throws(DecodeError) {
        var reader = window.reader()
        self.count = Int(try reader.readCount(minimumItemSize: Item.minimumEncodedSize, what))
        self.window = window
        self.items = reader.rest
        self.what = what
        self.requireEnd = requireEnd
    }

    /// An iterator that decodes items on demand.
    public func makeIterator() -> Iterator { Iterator(vector: self) }

    /// Decodes every item.
    public func collect() throws(DecodeError) -> [Item] {
        var result: [Item] = []
        result.reserveCapacity(count)
        var iterator = makeIterator()
        while let item = try iterator.next() { result.append(item) }
        return result
    }

    /// Calls `body` with each item in order.
    public func forEach(_ body: (Item) throws(DecodeError) -> Void) throws(DecodeError) {
        var iterator = makeIterator()
        while let item = try iterator.next() { try body(item) }
    }

    /// Decodes items one at a time; `next()` returns nil after the last.
    public struct Iterator {
        private var reader: BinaryReader
        private var left: Int
        private let what: StaticString
        private let requireEnd: Bool

        init(vector: SectionVector) {
            reader = vector.items.reader()
            left = vector.count
            what = vector.what
            requireEnd = vector.requireEnd
        }

        /// Absolute offset of the next item.
        public var offset: Int { reader.offset }

        /// The next item, or nil when all were read.
        public mutating func next() throws(DecodeError) -> Item? {
            guard left > 0 else {
                if requireEnd { try reader.expectEnd(what) }
                return nil
            }
            left -= 1
            do {
                return try Item.read(from: &reader)
            } catch {
                // Inside a complete payload, running out of bytes is corruption.
                throw error.isUnexpectedEnd ? .malformed(at: error.offset, error.expected) : error
            }
        }

        /// The unread rest of the window after all items (for vectors followed by more fields).
        public var rest: ByteWindow { reader.rest }
    }
}

/// A `varuint32` index (the function section's type indices, function index lists).
extension UInt32: SectionItem {
    public static func read(from reader: inout BinaryReader) throws(DecodeError) -> UInt32 {
        try reader.readVarUInt32("an index")
    }
}
