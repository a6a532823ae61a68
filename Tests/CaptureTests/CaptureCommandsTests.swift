import Foundation
import Testing
import TestSupport

/// `wasm-undef captures`, `open` and `report --capture` on captures made by the built wrapper.
@Suite("Captures from the command line", .enabled(if: Toolchain.clang != nil && Toolchain.wasmLD != nil, "no clang and wasm-ld beside swift"))
struct CaptureCommandsTests {
    /// Three links through the wrapper, the middle one failing.
    static func threeCaptures() throws -> CaptureScratch {
        let clang = try #require(Toolchain.clang)
        let scratch = try CaptureScratch()
        try scratch.write("ok.c", "void _start(void) {}\n")
        try scratch.write("bad.c", "void nowhere(void);\nvoid _start(void) { nowhere(); }\n")
        for (source, output) in [("ok.c", "one.wasm"), ("bad.c", "two.wasm"), ("ok.c", "three.wasm")] {
            _ = try scratch.run(clang, ["--target=wasm32", "-nostdlib", source, "-o", output, "-fuse-ld=" + (try BuiltProducts.wrapper).path])
        }
        return scratch
    }

    @Test("captures lists each capture with its output, input count, result and name, oldest first")
    func listing() throws {
        let scratch = try Self.threeCaptures()
        let result = try scratch.run(try BuiltProducts.cli, ["captures", "--tsv"])
        #expect(result.status == 0)
        let rows = result.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.map { $0[1] } == ["one.wasm", "two.wasm", "three.wasm"])
        #expect(rows.map { $0[2] } == ["1", "1", "1"])
        #expect(rows.map { $0[4] } == ["ok", "failed (exit 1)", "ok"])
        #expect(rows.map { $0[5] } == scratch.captureFolders().map { URL(fileURLWithPath: $0).lastPathComponent })
    }

    @Test("captures --keep N removes all but the newest N and leaves folders it did not make alone")
    func pruning() throws {
        let scratch = try Self.threeCaptures()
        try FileManager.default.createDirectory(atPath: scratch.captures + "/mine", withIntermediateDirectories: true)
        let result = try scratch.run(try BuiltProducts.cli, ["captures", "--keep", "1"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("removed 2 captures\n"))
        let left = scratch.captureFolders().map { URL(fileURLWithPath: $0).lastPathComponent }
        #expect(left.count == 2)
        #expect(left.contains("mine"))
        #expect(left.contains { $0.hasSuffix("-three.wasm") })
    }

    @Test("open without a terminal prints what report --capture prints, for the newest capture by default")
    func openPrintsTheReport() throws {
        let scratch = try Self.threeCaptures()
        let second = scratch.captureFolders()[1]
        let opened = try scratch.run(try BuiltProducts.cli, ["open", second])
        let reported = try scratch.run(try BuiltProducts.cli, ["report", "--capture", URL(fileURLWithPath: second).lastPathComponent])
        #expect(opened.status == 1)
        #expect(opened.stdout == reported.stdout)
        #expect(opened.stdout.contains("undefined symbol: nowhere"))
        let newest = try scratch.run(try BuiltProducts.cli, ["open"])
        #expect(newest.status == 0)
        #expect(newest.stdout.contains("result: wasm-ld would succeed"))
    }

    @Test("report --policy on a capture replaces the link's policy flags")
    func policyOverride() throws {
        let scratch = try Self.threeCaptures()
        let result = try scratch.run(try BuiltProducts.cli, ["report", "--capture", scratch.captureFolders()[1], "--policy", "import"])
        #expect(result.status == 0, "nowhere becomes an import: \(result.stdout)")
    }

    @Test("an unknown capture is a usage error that says where captures are looked for")
    func unknownCapture() throws {
        let scratch = try CaptureScratch()
        let result = try scratch.run(try BuiltProducts.cli, ["report", "--capture", "no-such-capture"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no capture no-such-capture"))
        let none = try scratch.run(try BuiltProducts.cli, ["open"])
        #expect(none.status == 2)
        #expect(none.stderr.contains("no captures in \(scratch.captures)"))
    }
}
