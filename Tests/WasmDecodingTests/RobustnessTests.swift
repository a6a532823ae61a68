import Foundation
import Testing
import TestSupport
import WasmDecoding

/// Hostile input: truncated and corrupted files give a result or an error with an offset
/// inside the file, never a crash, a hang or a huge allocation.
@Suite("Decoder robustness on truncated and mutated input", .timeLimit(.minutes(5)))
struct RobustnessTests {
    /// Decodes `bytes` as completely as the tool ever does: every section of a module or
    /// object, every member of an archive, the symbol and section listings.
    static func decodeEverything(_ bytes: [UInt8]) -> DecodeError? {
        let file = InputFile(path: "fuzz", storage: ByteStorage(copying: bytes))
        do throws(DecodeError) {
            switch file.kind {
            case .archive:
                for member in try Archive(file.window).members where member.kind.isWasm {
                    do throws(DecodeError) {
                        try WasmBinary(member.data).decodeAll()
                    } catch {
                        throw error.inMember(member.location)
                    }
                }
            default:
                try WasmBinary(file.window).decodeAll()
            }
            _ = try SectionListing.listings(of: file)
        } catch {
            return error
        }
        do throws(InputError) {
            _ = try SymbolListing.symbols(of: file)
        } catch {
            if case .decode(let decodeError) = error.reason { return decodeError }
        }
        return nil
    }

    static func check(_ bytes: [UInt8], _ what: String) {
        if let error = decodeEverything(bytes) {
            #expect(error.offset >= 0 && error.offset <= bytes.count, "\(what): error offset \(error.offset) outside 0...\(bytes.count)")
            #expect(!error.expected.isEmpty)
        }
    }

    @Test("every prefix of every small fixture decodes or fails with an offset")
    func everyPrefix() throws {
        var prefixes = 0
        for fixture in try FixtureCatalog.allBytes() where fixture.bytes.count <= 64 * 1024 {
            for length in 0..<fixture.bytes.count {
                Self.check(Array(fixture.bytes[..<length]), "\(fixture.name) prefix \(length)")
                prefixes += 1
            }
            // The whole file must decode.
            #expect(Self.decodeEverything(fixture.bytes) == nil, "\(fixture.name) does not decode whole")
        }
        print("robustness: \(prefixes) prefixes decoded")
    }

    @Test("thousands of seeded random mutations decode or fail with an offset")
    func randomMutations() throws {
        var generator = SplitMix64(seed: 0xbad_5eed)
        var failures = 0, mutations = 0
        let fixtures = try FixtureCatalog.allBytes()
        for round in 0..<6_000 {
            let fixture = fixtures[round % fixtures.count]
            var bytes = fixture.bytes
            let edits = Int(generator.next() % 4) + 1
            for _ in 0..<edits where !bytes.isEmpty {
                let position = Int(generator.next() % UInt64(bytes.count))
                switch generator.next() % 6 {
                case 0: bytes[position] ^= UInt8(1 << (generator.next() % 8))
                case 1: bytes[position] = UInt8(truncatingIfNeeded: generator.next())
                case 2: bytes[position] = 0xff
                case 3: bytes.insert(UInt8(truncatingIfNeeded: generator.next()), at: position)
                case 4: bytes.remove(at: position)
                default:
                    // An LEB that claims a huge size or count.
                    bytes.replaceSubrange(position..<min(bytes.count, position + 1), with: [0xff, 0xff, 0xff, 0xff, 0x0f])
                }
            }
            if Self.decodeEverything(bytes) != nil { failures += 1 }
            Self.check(bytes, "\(fixture.name) mutation \(round)")
            mutations += 1
        }
        print("robustness: \(mutations) mutations, \(failures) rejected with an offset, none crashed")
    }
}
