import Foundation
import Testing
import TestSupport

/// `-` reads a module from standard input through the push parser.
@Suite("Standard input")
struct StandardInputTests {
    @Test("sections and symbols of a piped object equal those of the file")
    func piped() throws {
        let folder = try TemporaryDirectory()
        let tool = try TmuxSession.builtProduct(named: "wasm-undef")
        _ = try Run.program(tool, ["demo", folder.file("demo").path])
        let object = folder.file("demo/app.o")
        let bytes = try Data(contentsOf: object)
        for command in ["sections", "symbols"] {
            let fromFile = try Run.program(tool, [command, "--tsv", object.path])
            let fromPipe = try Run.program(tool, [command, "--tsv", "-"], input: bytes)
            #expect(fromPipe.status == 0, "\(fromPipe.stderr)")
            #expect(fromPipe.stdout == fromFile.stdout.replacingOccurrences(of: object.path, with: "<stdin>"))
        }
    }

    @Test("a pipe that stops inside a section is an error with the offset where it stopped")
    func truncated() throws {
        let folder = try TemporaryDirectory()
        let tool = try TmuxSession.builtProduct(named: "wasm-undef")
        _ = try Run.program(tool, ["demo", folder.file("demo").path])
        let bytes = try Data(contentsOf: folder.file("demo/app.o"))
        let result = try Run.program(tool, ["sections", "-"], input: bytes.prefix(bytes.count - 10))
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("wasm-undef: error: <stdin>: at offset 0x"))
        #expect(result.stderr.contains("but the input ends"))
    }
}

@Suite("imports of a linked module")
struct LinkedModuleImportsTests {
    @Test("imports lists a linked module's own import section, env functions marked")
    func linkedModule() throws {
        let folder = try TemporaryDirectory()
        let tool = try TmuxSession.builtProduct(named: "wasm-undef")
        _ = try Run.program(tool, ["demo", folder.file("demo").path])
        let wasmLD = try #require(Toolchain.wasmLD)
        let linked = try Run.program(wasmLD, ["app.o", "mylib.o", "--allow-undefined", "-o", "demo.wasm"], directory: folder.file("demo"))
        #expect(linked.status == 0)
        let result = try Run.program(tool, ["imports", "--tsv", "demo.wasm"], directory: folder.file("demo"))
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        let byName = Dictionary(rows.map { (String($0[1]), $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byName["mylibraryinit"]?[0] == "env")
        #expect(byName["mylibraryinit"]?[4].hasPrefix("env function") == true)
        #expect(byName["log"]?[0] == "host")
        #expect(byName["log"]?[4] == "")
    }
}
