/// Drives a `ModuleParser` over bytes that arrive in chunks (standard input, a file being
/// written): buffers what the parser cannot use yet and hands out payloads as soon as they
/// are complete.
///
/// Each complete section is copied once into storage of its own, so a section's window
/// stays valid however the chunks were cut; the parser is retried only once at least the
/// number of bytes it asked for has arrived, so feeding one byte at a time costs no more
/// than linear work per section.
public struct ModuleStream: Sendable {
    private var parser: ModuleParser
    private var pending: [UInt8] = []
    private var needed = 0
    public private(set) var header: ModuleHeader?
    public private(set) var sections: [Section] = []
    /// Whether the parser reached the end of the binary.
    public private(set) var isFinished = false
    /// Bytes received so far.
    public private(set) var bytesReceived = 0

    public init(offset: Int = 0) {
        parser = ModuleParser(offset: offset)
    }

    /// Adds bytes; returns the payloads they completed.
    public mutating func feed(_ chunk: some Collection<UInt8>) throws(DecodeError) -> [ModuleParser.Payload] {
        guard !isFinished else { return [] }
        pending.append(contentsOf: chunk)
        bytesReceived += chunk.count
        guard pending.count >= needed else { return [] }
        return try drain(eof: false)
    }

    /// Declares the end of input; returns the payloads that completes, or throws if the input
    /// stopped inside an item.
    public mutating func finish() throws(DecodeError) -> [ModuleParser.Payload] {
        guard !isFinished else { return [] }
        return try drain(eof: true)
    }

    /// The binary assembled from what has been parsed, once the header is known.
    public func binary() -> WasmBinary? {
        guard let header else { return nil }
        let storage = ByteStorage(copying: EmptyCollection<UInt8>(), origin: parser.offset)
        return WasmBinary(header: header, sections: sections, window: storage.window)
    }

    private mutating func drain(eof: Bool) throws(DecodeError) -> [ModuleParser.Payload] {
        let storage = ByteStorage(copying: pending, origin: parser.offset)
        var window = storage.window
        var payloads: [ModuleParser.Payload] = []
        loop: while true {
            switch try parser.parse(window, eof: eof) {
            case .needMoreData(let count):
                needed = window.count + count
                break loop
            case .parsed(let consumed, let payload):
                window = ByteWindow(storage: storage, start: window.start + consumed, end: window.end)
                switch payload {
                case .header(let decoded):
                    header = decoded
                case .section(let section):
                    sections.append(section)
                case .end:
                    isFinished = true
                    payloads.append(payload)
                    break loop
                }
                payloads.append(payload)
            }
        }
        pending.removeFirst(window.start)
        if isFinished { pending = [] }
        return payloads
    }
}
