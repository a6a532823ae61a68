/// One `id: u8, size: varuint32, payload` subsection (used by `name`, `linking`, `dylink.0`).
/// Spec: <https://github.com/WebAssembly/tool-conventions/blob/main/Linking.md#linking-metadata-section>
public struct Subsection: Sendable {
    public var id: UInt8
    /// Absolute offset of the id byte.
    public var offset: Int
    public var payload: ByteWindow
}

/// Splits a window into subsections without decoding them.
///
/// The subsections must tile the window exactly; a size running past the end is an error.
func readSubsections(_ window: ByteWindow, _ what: StaticString) throws(DecodeError) -> [Subsection] {
    var reader = window.reader()
    var result: [Subsection] = []
    while !reader.isAtEnd {
        let offset = reader.offset
        let id = try reader.readByte("a subsection id")
        let sizeOffset = reader.offset
        let size = try reader.readVarUInt32("a subsection size")
        guard Int(size) <= reader.remaining else {
            throw .malformed(at: sizeOffset, "a \(what) subsection of \(size) bytes that fits in the \(reader.remaining) left")
        }
        result.append(Subsection(id: id, offset: offset, payload: try reader.readWindow(Int(size))))
    }
    return result
}

/// Runs `body` and reports running out of bytes as corruption, since the caller's window is
/// a complete payload.
func insidePayload<T>(_ body: () throws(DecodeError) -> T) throws(DecodeError) -> T {
    do {
        return try body()
    } catch {
        throw error.isUnexpectedEnd ? .malformed(at: error.offset, error.expected) : error
    }
}
