#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LinkModel
import WasmDecoding
import WasmBytes

extension FuzzChecks {
    /// bytes → an object linked with a fixed one (`fuzzed.o fixed.o --no-entry`), predicted
    /// under every named policy. The link must give predictions, or a `LinkModelError` that
    /// blames the fuzzed file, with a `DecodeError` inside it when it says why.
    public static func link(_ bytes: UnsafeRawBufferPointer) throws(FuzzFinding) {
        guard let fixture = LinkFixture.shared else { throw FuzzFinding("cannot write the link's files in the temporary folder") }
        guard fixture.writeFuzzed(bytes) else { throw FuzzFinding("cannot write \(fixture.fuzzedPath)") }
        let locations = FileLocations(redirects: ["fuzzed.o": fixture.fuzzedPath, "fixed.o": fixture.fixedPath], redirectsOnly: true)
        do {
            let options = try LinkOptions.parse(arguments: ["fuzzed.o", "fixed.o", "--no-entry", "-o", "out.wasm"],
                                                files: locations.fileAccess)
            let link = try ResolvedLink.resolve(options, locations: locations)
            for (_, prediction) in link.predictAll() where prediction.inputs.count != 2 {
                throw FuzzFinding("a prediction with \(prediction.inputs.count) inputs instead of 2")
            }
        } catch let error as FuzzFinding {
            throw error
        } catch let error as LinkModelError {
            switch error.kind {
            case .malformedInput, .notModelled:
                guard error.path == nil || error.path == "fuzzed.o" else {
                    throw FuzzFinding("the link blames \(error.path ?? "?"): \(error)")
                }
                if let decodeError = error.decodeError { try checkOffset(decodeError, bytes.count, "link") }
            case .usage, .unreadableInput:
                throw FuzzFinding("the fixed link fails: \(error)")
            }
        } catch {
            throw FuzzFinding("an unexpected error: \(error)")
        }
    }
}

/// The link's two input files in a folder of their own: the fuzzed bytes, rewritten for each
/// input, and a fixed object that defines `fixed_defined` and calls `fuzzed_needed`.
private struct LinkFixture: Sendable {
    let fuzzedPath: String
    let fixedPath: String

    static let shared = LinkFixture()

    private init?() {
        var template = Array("/tmp/wasm-undef-fuzz-link-XXXXXX".utf8CString)
        guard let folder = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }).map({ String(cString: $0) }) else {
            return nil
        }
        fuzzedPath = folder + "/fuzzed.o"
        fixedPath = folder + "/fixed.o"
        guard Self.store(Self.fixedObject, at: fixedPath) else { return nil }
    }

    func writeFuzzed(_ bytes: UnsafeRawBufferPointer) -> Bool {
        Self.store(Array(bytes), at: fuzzedPath)
    }

    private static func store(_ bytes: [UInt8], at path: String) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 { if errno == EINTR { continue } else { return false } }
                offset += written
            }
            return true
        }
    }

    /// A relocatable object: type `() -> ()`, import `env.fuzzed_needed`, a function
    /// `fixed_defined` whose body calls it (a padded index at code offset 4, relocated).
    static let fixedObject: [UInt8] = {
        let uleb = WasmBytes.uleb(_:) as (Int) -> [UInt8], name = WasmBytes.name(_:) as (String) -> [UInt8]
        func section(_ id: UInt8, _ content: [UInt8]) -> [UInt8] { [id] + uleb(content.count) + content }
        let body: [UInt8] = [0x00, 0x10, 0x80, 0x80, 0x80, 0x80, 0x00, 0x0b]
        let symbols: [UInt8] = [2]
            + [0x00, 0x00, 0x01] + name("fixed_defined")     // function 1, defined
            + [0x00, 0x10, 0x00]                             // function 0, undefined (the import)
        return [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]
            + section(1, [1, 0x60, 0x00, 0x00])
            + section(2, [1] + name("env") + name("fuzzed_needed") + [0x00, 0x00])
            + section(3, [1, 0])
            + section(10, [1] + uleb(body.count) + body)
            + section(0, name("linking") + [2, 8] + uleb(symbols.count) + symbols)
            + section(0, name("reloc.CODE") + [3, 1, 0x00, 4, 1])   // code is section 3
    }()
}
