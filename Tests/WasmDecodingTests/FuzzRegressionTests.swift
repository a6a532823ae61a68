import Foundation
import FuzzChecks
import Testing
import TestSupport
import WasmDecoding

/// Every input a fuzzer ever failed on (`Tests/Fixtures/FuzzRegressions`), replayed through
/// the same checks the fuzz targets run: each must decode to a value or fail with a
/// `DecodeError` whose offset lies inside the file, and a drip-fed stream must agree with
/// the whole.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/FuzzRegressions")

    /// The regression files, README excepted.
    static func files() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.lastPathComponent != "README.md" && !$0.lastPathComponent.hasPrefix(".") }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    static func check(_ target: FuzzChecks.Target, _ bytes: [UInt8], _ name: String) {
        bytes.withUnsafeBytes { buffer in
            do throws(FuzzFinding) {
                try FuzzChecks.check(target, buffer)
            } catch {
                Issue.record("\(name) under fuzz-\(target.rawValue): \(error)")
            }
        }
    }

    @Test("every regression file passes every fuzz check")
    func regressions() throws {
        let files = try Self.files()
        for file in files {
            let bytes = [UInt8](try Data(contentsOf: file))
            #expect(FuzzChecks.target(forFileName: file.lastPathComponent) != nil,
                    "\(file.lastPathComponent) does not start with a fuzz target's name")
            for target in FuzzChecks.Target.allCases {
                Self.check(target, bytes, file.lastPathComponent)
            }
        }
        print("fuzz regressions: \(files.count) files replayed")
    }

    @Test("the fuzz checks hold on every fixture, fed whole, cut and byte by byte")
    func fixtures() throws {
        for fixture in try FixtureCatalog.allBytes() {
            for target in [FuzzChecks.Target.module, .object, .archive, .link] {
                Self.check(target, fixture.bytes, fixture.name)
            }
            // Stream inputs lead with the cuts (see StreamSplit): whole, single bytes, three cuts.
            for prefix: [UInt8] in [[0x00], [0x80], [0x03, 0x09, 0x00, 0x40, 0x00, 0x01, 0x01]] {
                Self.check(.stream, prefix + fixture.bytes, "\(fixture.name) after \(prefix)")
            }
        }
    }
}
