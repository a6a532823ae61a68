import Foundation
import Testing
import TestSupport

/// What the wrapper promises whatever the link: the real linker's streams, exit status and
/// signal pass through, and a capture that fails costs one warning, never the link.
@Suite("wasm-undef-ld passes the real linker through")
struct WrapperBehaviourTests {
    /// A stand-in linker: echoes standard input, its arguments, a line on stderr, then exits
    /// with `$FAKE_STATUS` (or kills itself with `$FAKE_SIGNAL`).
    static let fakeLinker = """
        #!/bin/sh
        cat
        echo "args: $*"
        echo "fake-ld: a line on stderr" >&2
        if [ -n "$FAKE_SIGNAL" ]; then kill -s "$FAKE_SIGNAL" $$; fi
        exit "${FAKE_STATUS:-0}"
        """

    static func fake(in scratch: CaptureScratch) throws -> String {
        let path = scratch.path + "/fake-ld"
        try scratch.write("fake-ld", fakeLinker)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return path
    }

    @Test("standard input, output, error and the exit status are the real linker's; a failure adds one line naming the capture")
    func streamsAndStatus() throws {
        let scratch = try CaptureScratch()
        let fake = try Self.fake(in: scratch)
        try scratch.write("a.o", "not really an object")
        let result = try Run.program(try BuiltProducts.wrapper, ["a.o", "-o", "out.wasm", "--export=x y"], input: Data("from stdin\n".utf8),
                                     environment: scratch.environment(["WASM_UNDEF_REAL_LINKER": fake, "FAKE_STATUS": "3"]),
                                     directory: scratch.directory.url)
        #expect(result.status == 3)
        #expect(result.stdout == "from stdin\nargs: a.o -o out.wasm --export=x y\n")
        let folder = try #require(scratch.captureFolders().first)
        #expect(result.stderr == "fake-ld: a line on stderr\nwasm-undef: inspect this link with: wasm-undef open \(folder)\n")
        let manifest = try ManifestDocument(folder: folder)
        #expect(manifest.exitStatus == 3)
        #expect(manifest.arguments == ["a.o", "-o", "out.wasm", "--export=x y"])
    }

    @Test("a linker killed by a signal kills the wrapper with the same signal")
    func signals() throws {
        let scratch = try CaptureScratch()
        let fake = try Self.fake(in: scratch)
        let process = Process()
        process.executableURL = try BuiltProducts.wrapper
        process.arguments = ["a.o"]
        process.environment = scratch.environment(["WASM_UNDEF_REAL_LINKER": fake, "FAKE_SIGNAL": "TERM"])
        process.currentDirectoryURL = scratch.directory.url
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(process.terminationStatus == SIGTERM)
        let result = try ManifestDocument(folder: try #require(scratch.captureFolders().first)).json["result"] as? [String: Any]
        #expect(result?["signal"] as? Int == Int(SIGTERM))
        #expect(result?["exit_status"] is NSNull)
    }

    @Test("a capture folder that cannot be made costs one warning; the link runs and succeeds as without the wrapper")
    func unwritableCaptures() throws {
        let scratch = try CaptureScratch()
        let fake = try Self.fake(in: scratch)
        try scratch.write("a.o", "x")
        try scratch.write("not-a-folder", "x")
        let result = try scratch.run(try BuiltProducts.wrapper, ["a.o"], [
            "WASM_UNDEF_REAL_LINKER": fake, "WASM_UNDEF_CAPTURE_DIR": scratch.path + "/not-a-folder/captures",
        ])
        #expect(result.status == 0)
        #expect(result.stdout == "args: a.o\n")
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines.first == "fake-ld: a line on stderr")
        #expect(lines.last?.hasPrefix("wasm-undef: warning: the link was not fully captured: cannot create the folder \(scratch.path)/not-a-folder/captures") == true,
                "\(result.stderr)")
    }

    @Test("an input that cannot be read is warned about once; a file that does not exist is left to the linker to report")
    func unreadableInput() throws {
        let scratch = try CaptureScratch()
        let fake = try Self.fake(in: scratch)
        try FileManager.default.createDirectory(atPath: scratch.path + "/folder.o", withIntermediateDirectories: true)
        let result = try scratch.run(try BuiltProducts.wrapper, ["folder.o", "missing.o"], ["WASM_UNDEF_REAL_LINKER": fake])
        #expect(result.status == 0)
        #expect(result.stderr.split(separator: "\n").map(String.init) == [
            "fake-ld: a line on stderr",
            "wasm-undef: warning: the link was not fully captured: cannot read folder.o: Is a directory",
        ])
        let manifest = try ManifestDocument(folder: try #require(scratch.captureFolders().first))
        #expect(manifest.files.map { $0["error"] as? String } == ["Is a directory", "No such file or directory"])
        #expect(manifest.json["problems"] as? [String] == ["cannot read folder.o: Is a directory"])
    }

    @Test("without a real linker the wrapper says so and fails the link")
    func noLinker() throws {
        let scratch = try CaptureScratch()
        let result = try scratch.run(try BuiltProducts.wrapper, ["a.o"], ["WASM_UNDEF_REAL_LINKER": scratch.path + "/nothing-here"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("wasm-undef: error: WASM_UNDEF_REAL_LINKER=\(scratch.path)/nothing-here is not an executable linker"))
    }

    @Test("a command line that names no file (--version) is passed through without a capture")
    func notALink() throws {
        let scratch = try CaptureScratch()
        let fake = try Self.fake(in: scratch)
        let result = try scratch.run(try BuiltProducts.wrapper, ["--version"], ["WASM_UNDEF_REAL_LINKER": fake])
        #expect(result.status == 0)
        #expect(result.stdout == "args: --version\n")
        #expect(scratch.captureFolders().isEmpty)
    }
}
