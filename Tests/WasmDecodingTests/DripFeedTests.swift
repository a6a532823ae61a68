import Foundation
import Testing
import TestSupport
import WasmDecoding

/// The push parser gives the same result however the input is cut: whole, in random chunks,
/// one byte at a time (the verifier pattern of SwiftNIO's `ByteToMessageDecoderVerifier`).
@Suite("Push parser: drip-feeding gives identical results")
struct DripFeedTests {
    /// What a parse produced, in comparable form: each section's header and content bytes,
    /// and the symbols decoded from the assembled binary.
    struct Outcome: Equatable {
        var header: ModuleHeader?
        var sections: [String]
        var symbols: [String]
    }

    static func outcome(_ binary: WasmBinary?) throws -> Outcome {
        guard let binary else { return Outcome(header: nil, sections: [], symbols: []) }
        let sections = binary.sections.map { section in
            let h = section.header
            return "\(h.index) \(h.id) \(h.name ?? "") \(h.headerOffset) \(h.payloadRange) \(h.contentRange) \(StableHash.hex(of: section.content.bytes.map(String.init).joined(separator: ",")))"
        }
        let symbols = binary.isRelocatable
            ? SymbolListing.rows(object: try ObjectFile(binary), input: "x", member: nil).map { "\($0)" }
            : try SymbolListing.rows(module: binary, input: "x", member: nil).map { "\($0)" }
        return Outcome(header: binary.header, sections: sections, symbols: symbols)
    }

    /// Feeds `bytes` in chunks whose sizes `nextSize` picks.
    static func stream(_ bytes: [UInt8], nextSize: () -> Int) throws -> Outcome {
        var stream = ModuleStream()
        var position = 0
        while position < bytes.count {
            let size = max(1, min(nextSize(), bytes.count - position))
            _ = try stream.feed(bytes[position..<(position + size)])
            position += size
        }
        _ = try stream.finish()
        #expect(stream.isFinished)
        return try outcome(stream.binary())
    }

    static func wasmFixtures() throws -> [(name: String, bytes: [UInt8])] {
        try FixtureCatalog.allBytes().filter { $0.bytes.starts(with: ModuleHeader.magic) }
    }

    @Test("whole, random chunks and single bytes give the same sections and symbols")
    func chunkingDoesNotMatter() throws {
        var generator = SplitMix64(seed: 0x5eed)
        for fixture in try Self.wasmFixtures() {
            let whole = try Self.outcome(try WasmBinary(ByteStorage(copying: fixture.bytes).window))
            #expect(!whole.sections.isEmpty)
            #expect(try Self.stream(fixture.bytes) { fixture.bytes.count } == whole, "\(fixture.name): fed whole")
            #expect(try Self.stream(fixture.bytes) { 1 } == whole, "\(fixture.name): one byte at a time")
            for _ in 0..<5 {
                let outcome = try Self.stream(fixture.bytes) { Int(generator.next() % 97) + 1 }
                #expect(outcome == whole, "\(fixture.name): random chunks")
            }
        }
    }

    @Test("the parser asks for more data instead of failing while a section is incomplete")
    func needMoreData() throws {
        let bytes = try Self.wasmFixtures()[0].bytes
        var parser = ModuleParser()
        let storage = ByteStorage(copying: bytes)
        let header = try parser.parse(storage.window, eof: false)
        let consumed = try #require({ if case .parsed(let consumed, .header) = header { consumed } else { nil } }(), "expected the header: \(header)")
        #expect(consumed == 8)
        // Only part of the first section: the parser must ask for the rest.
        let partial = ByteWindow(storage: storage, start: 8, end: 12)
        let rest = try parser.parse(partial, eof: false)
        let needed = try #require({ if case .needMoreData(let needed) = rest { needed } else { nil } }(), "expected needMoreData: \(rest)")
        #expect(needed > 0)
        #expect(parser.offset == 8)
        // At the end of input the same shortfall is an error with an offset.
        #expect(throws: DecodeError.self) { try parser.parse(partial, eof: true) }
    }

    @Test("a component is recognised from its preamble and not parsed as a module")
    func component() throws {
        var stream = ModuleStream()
        let payloads = try stream.feed([0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00, 0x01, 0x02, 0x03])
        #expect(stream.header?.kind == .component(version: 0x0d))
        #expect(stream.isFinished)
        #expect(payloads.count == 2)
        let file = InputFile(path: "component.wasm", storage: ByteStorage(copying: [0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00]))
        #expect(file.kind == .component)
    }
}

