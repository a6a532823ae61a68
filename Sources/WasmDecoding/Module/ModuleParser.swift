/// A push parser over a module's top-level structure: the caller hands in the bytes it has
/// and says whether they are the end; the parser answers "need N more bytes" or "parsed this
/// payload, consumed K bytes".
///
/// The contract (the same as wasmparser's `Parser` and SwiftNIO's `ByteToMessageDecoder`):
/// - Call `parse(_:eof:)` with a window that starts at `offset` (the first unconsumed byte).
/// - `.needMoreData(n)`: nothing was consumed; call again with at least `n` more bytes, or
///   with `eof: true` if there are none (which turns the shortfall into an error).
/// - `.parsed(consumed:payload:)`: advance by `consumed` bytes and call again.
/// - After `.end`, parsing is finished.
///
/// A section is returned only once all of it is present, as a window onto the caller's
/// bytes, so nothing is copied and nothing inside it is decoded: readers decode on demand.
/// Feeding a binary whole, in random chunks or one byte at a time gives the same payloads.
/// Spec: <https://webassembly.github.io/spec/core/binary/modules.html#sections>
public struct ModuleParser: Sendable {
    /// What one call produced.
    public enum Step: Sendable {
        case needMoreData(Int)
        case parsed(consumed: Int, payload: Payload)
    }

    /// One top-level item.
    public enum Payload: Sendable {
        /// The preamble. For a component, parsing stops after it (`.end` follows).
        case header(ModuleHeader)
        /// One whole section.
        case section(Section)
        /// No more input.
        case end
    }

    private enum State: Sendable { case header, sections, finished }

    private var state = State.header
    private var lastRank = 0
    private var sectionCount = 0
    /// Absolute offset of the next unconsumed byte.
    public private(set) var offset: Int

    /// A parser whose input starts at absolute offset `offset` (0 for a file, the member's
    /// data offset for an archive member).
    public init(offset: Int = 0) {
        self.offset = offset
    }

    /// Parses the next payload from `data`, which must start at `offset`.
    public mutating func parse(_ data: ByteWindow, eof: Bool) throws(DecodeError) -> Step {
        precondition(data.absoluteStart == offset, "ModuleParser.parse: window must start at the parser's offset")
        var reader = data.reader()
        do {
            let payload = try parsePayload(&reader, eof: eof)
            let consumed = reader.offset - offset
            offset = reader.offset
            return .parsed(consumed: consumed, payload: payload)
        } catch {
            if case .unexpectedEnd(let needed) = error.kind, !eof {
                return .needMoreData(needed)
            }
            throw error
        }
    }

    private mutating func parsePayload(_ reader: inout BinaryReader, eof: Bool) throws(DecodeError) -> Payload {
        switch state {
        case .finished:
            return .end
        case .header:
            let header = try ModuleHeader.read(from: &reader)
            if case .component = header.kind { state = .finished } else { state = .sections }
            return .header(header)
        case .sections:
            if reader.isAtEnd {
                // With more input to come, an empty window is just "not yet".
                guard eof else { throw .unexpectedEnd(at: reader.offset, needed: 1, "a section id") }
                state = .finished
                return .end
            }
            return .section(try parseSection(&reader))
        }
    }

    private mutating func parseSection(_ reader: inout BinaryReader) throws(DecodeError) -> Section {
        let headerOffset = reader.offset
        let rawID = try reader.readByte("a section id")
        guard let id = SectionID(rawValue: rawID) else {
            throw .badTag(at: headerOffset, value: UInt64(rawID), "a section id from 0 to 13")
        }
        let sizeOffset = reader.offset
        let size = Int(try reader.readVarUInt32("a section size"))
        guard size <= reader.remaining else {
            throw .sizeTooLarge(at: sizeOffset, size: UInt64(size), remaining: reader.remaining, "a \(id) section")
        }
        let payload = try reader.readWindow(size, "a section payload")
        var name: String? = nil
        var content = payload
        if id == .custom {
            var nameReader = payload.reader()
            do {
                name = try nameReader.readName("a custom section name")
            } catch {
                // Inside a complete payload, running out is corruption, not "need more".
                throw .malformed(at: error.offset, error.expected)
            }
            content = nameReader.rest
        } else if let rank = id.orderRank {
            guard rank > lastRank else {
                throw .malformed(at: headerOffset, "sections in order, each at most once (\(id) after a later or equal section)")
            }
            lastRank = rank
        }
        let header = SectionHeader(
            index: sectionCount, id: id, name: name, headerOffset: headerOffset,
            payloadRange: payload.absoluteRange, contentRange: content.absoluteRange)
        sectionCount += 1
        return Section(header: header, content: content)
    }
}
