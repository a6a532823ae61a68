import Foundation
import Testing
import TestSupport

/// Files the tool writes go to a temporary file beside the target and are renamed into
/// place; an existing file is never replaced without --force; a failed write leaves the old
/// file as it was and says why.
@Suite("Writing files safely")
struct SafeWriteTests {
    static func demoObjects(in folder: TemporaryDirectory) throws -> URL {
        let tool = try TmuxSession.builtProduct(named: "wasm-undef")
        let result = try Run.program(tool, ["demo", folder.file("demo").path])
        #expect(result.status == 0, "\(result.stderr)")
        return folder.file("demo")
    }

    @Test("an existing file is refused without --force, and replaced with it")
    func existingFile() throws {
        let folder = try TemporaryDirectory()
        let demo = try Self.demoObjects(in: folder)
        let tool = try TmuxSession.builtProduct(named: "wasm-undef")
        let target = folder.file("report.txt")
        try "old report\n".write(to: target, atomically: true, encoding: .utf8)
        let refused = try Run.program(tool, ["report", "--output", target.path, "app.o", "mylib.o"], directory: demo)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("exists; pass --force to replace it"))
        #expect(try String(contentsOf: target, encoding: .utf8) == "old report\n")
        let replaced = try Run.program(tool, ["report", "--force", "--output", target.path, "app.o", "mylib.o"], directory: demo)
        #expect(replaced.status == 1, "the demo link fails, so report exits 1: \(replaced.stderr)")
        let expected = try Run.program(tool, ["report", "app.o", "mylib.o"], directory: demo).stdout
        #expect(try String(contentsOf: target, encoding: .utf8) == expected)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.hasPrefix(".wasm-undef-") }
        #expect(leftovers.isEmpty, "no temporary files left behind")
    }

    @Test("a write that fails (file size limit: as a full disk) keeps the old file and says why",
          .enabled(if: ProcessInfo.processInfo.environment["WASM_UNDEF_SANITIZER"] != "thread",
                   "ThreadSanitizer's runtime maps files of its own and dies under `ulimit -f`"))
    func failedWrite() throws {
        let folder = try TemporaryDirectory()
        let demo = try Self.demoObjects(in: folder)
        let tool = try TmuxSession.builtProduct(named: "wasm-undef")
        let target = folder.file("report.txt")
        try "old report\n".write(to: target, atomically: true, encoding: .utf8)
        // ulimit -f 1: at most 512 bytes per file; SIGXFSZ ignored, so write(2) fails with EFBIG.
        let script = "trap '' XFSZ; ulimit -f 1; exec \(TmuxSession.shellQuoted(tool.path)) report --force --output \(TmuxSession.shellQuoted(target.path)) app.o mylib.o"
        let result = try Run.program(URL(fileURLWithPath: "/bin/sh"), ["-c", script], directory: demo)
        #expect(result.status == 2)
        #expect(result.stderr.contains("cannot write \(target.path)"), "\(result.stderr)")
        #expect(try String(contentsOf: target, encoding: .utf8) == "old report\n")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.hasPrefix(".wasm-undef-") }
        #expect(leftovers.isEmpty, "the temporary file is removed")
    }

    @Test("a folder that does not exist is a clear error")
    func missingFolder() throws {
        let folder = try TemporaryDirectory()
        let demo = try Self.demoObjects(in: folder)
        let tool = try TmuxSession.builtProduct(named: "wasm-undef")
        let result = try Run.program(tool, ["report", "--output", folder.file("no/such/report.txt").path, "app.o"], directory: demo)
        #expect(result.status == 2)
        #expect(result.stderr.contains("cannot create a temporary file in"), "\(result.stderr)")
        #expect(result.stderr.contains("No such file or directory"))
    }

    @Test("a closed pipe ends the output quietly: symbols | head -1")
    func closedPipe() throws {
        let folder = try TemporaryDirectory()
        let demo = try Self.demoObjects(in: folder)
        let tool = try TmuxSession.builtProduct(named: "wasm-undef")
        // A long report (every symbol of wasi-libc when present, else the demo) piped into head.
        let input = FileManager.default.fileExists(atPath: "/usr/lib/wasm32-wasi/libc.a") ? "/usr/lib/wasm32-wasi/libc.a" : demo.appendingPathComponent("app.o").path
        let script = "\(TmuxSession.shellQuoted(tool.path)) symbols \(TmuxSession.shellQuoted(input)) | head -1; echo \"status=${PIPESTATUS:-}\""
        let result = try Run.program(URL(fileURLWithPath: "/bin/bash"), ["-c", "set -o pipefail; " + script.replacingOccurrences(of: "; echo", with: "; echo \"pipe=$?\"; echo")])
        #expect(result.stdout.hasPrefix("input"))
        #expect(result.stdout.contains("pipe=0"), "wasm-undef must exit 0 on a closed pipe: \(result.stdout)")
        #expect(result.stderr.isEmpty, "no error message: \(result.stderr)")
    }
}
