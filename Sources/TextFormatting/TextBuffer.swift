/// A growable run of UTF-8 bytes that text output is built in: appending a string is a
/// copy of its bytes, padding is a fill, and the result goes to a file descriptor without
/// passing through `String` again.
public struct TextBuffer: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 1 << 16) {
        bytes.reserveCapacity(capacity)
    }

    public var count: Int { bytes.count }

    public mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    public mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    public mutating func appendSpaces(_ count: Int) {
        if count > 0 { bytes.append(contentsOf: repeatElement(0x20, count: count)) }
    }

    public mutating func appendByte(_ byte: UInt8) {
        bytes.append(byte)
    }

    /// Empties the buffer, keeping its capacity.
    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
    }

    /// The contents as a String.
    public var string: String { String(decoding: bytes, as: UTF8.self) }
}
