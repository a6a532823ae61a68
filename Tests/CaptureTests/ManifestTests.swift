import Foundation
@testable import LinkCapture
import TextFormatting
import Testing
import TestSupport

@Suite("link.json")
struct ManifestTests {
    static let sample = CaptureManifest(
        created: "2026-05-20T10:11:12.345Z", invokedAs: "/bin/wasm-undef-ld", workingDirectory: "/home/me/app",
        arguments: ["-flavor", "wasm", "@args", "quote\"back\\slash", "tab\tnewline\n", "é 🦀", "\u{1b}[31m", "\u{202e}rtl"],
        expandedArguments: ["-flavor", "wasm", "main.o", "-o", "app.wasm"],
        linker: RealLinker(path: "/usr/bin/rust-lld", leadingArguments: ["-flavor", "wasm"], foundBy: "PATH"),
        output: "app.wasm",
        files: [
            CapturedFile(path: "main.o", role: .input, stored: "files/000-main.o", size: 412, digest: "0123456789abcdef"),
            CapturedFile(path: "/sys/libc.a", role: .library, library: "c", stored: "files/001-libc.a", size: 9, digest: "fedcba9876543210"),
            CapturedFile(path: "gone.o", role: .input, error: "No such file or directory"),
        ],
        missingLibraries: ["m"], problems: ["cannot read x: Permission denied"],
        result: LinkResult(exitStatus: nil, signal: 9, milliseconds: 120))

    @Test("a manifest survives writing and reading, whatever its strings hold")
    func roundTrip() throws {
        let read = try CaptureManifest(json: Self.sample.json, path: "link.json")
        #expect(read == Self.sample)
        var unfinished = Self.sample
        unfinished.result = nil
        unfinished.linker = nil
        #expect(try CaptureManifest(json: unfinished.json, path: "link.json") == unfinished)
    }

    @Test("the document names its schema and digest, and spells out each file's original path and crate")
    func documentFields() throws {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(Self.sample.json.utf8)) as? [String: Any])
        #expect(document["schema"] as? String == "wasm-undef.capture/1")
        #expect(document["digest_algorithm"] as? String == "xxh64")
        let files = try #require(document["files"] as? [[String: Any]])
        #expect(files.map { $0["original"] as? String } == ["/home/me/app/main.o", "/sys/libc.a", "/home/me/app/gone.o"])
        #expect((document["linker"] as? [String: Any])?["program_name"] as? String == "rust-lld")
    }

    @Test("a document that is not a capture manifest is refused with where and why")
    func malformed() {
        for text in ["", "{", "[]", "{\"schema\": \"other/1\"}", "{\"schema\": \"wasm-undef.capture/1\"}",
                     "{\"schema\": \"wasm-undef.capture/1\", \"created\": 3}", "\"\\ud800\""] {
            #expect(throws: CaptureError.self, "\(text)") { try CaptureManifest(json: text, path: "x/link.json") }
        }
        do {
            _ = try CaptureManifest(json: "{\"schema\": 1}", path: "x/link.json")
        } catch {
            #expect(error.kind == .malformedManifest)
            #expect(error.message == "x/link.json: not a wasm-undef capture manifest: schema is not wasm-undef.capture/1")
        }
    }

    @Test("the JSON reader reads what RFC 8259 allows: escapes, surrogate pairs, numbers, nesting")
    func jsonReader() throws {
        let value = try JSONValue.parse(#" { "a" : [1, -2.5e3, true, false, null, "\u00e9\ud83e\udd80\n\/"], "b": {} } "#)
        #expect(value["a"] == .array([.number("1"), .number("-2.5e3"), .bool(true), .bool(false), .null, .string("é🦀\n/")]))
        #expect(value["b"] == .object([]))
        #expect(throws: JSONSyntaxError.self) { try JSONValue.parse(String(repeating: "[", count: 100) + String(repeating: "]", count: 100)) }
        #expect(throws: JSONSyntaxError.self) { try JSONValue.parse("[1,]") }
        #expect(throws: JSONSyntaxError.self) { try JSONValue.parse("\"a\u{1}\"") }
    }
}

@Suite("The captures folder")
struct CaptureStoreTests {
    static func store(with names: [String], manifests: Bool = true) throws -> (TemporaryDirectory, CaptureStore) {
        let folder = try TemporaryDirectory(prefix: "wasm-undef-store")
        for name in names {
            try FileManager.default.createDirectory(at: folder.file(name), withIntermediateDirectories: true)
            if manifests { try Data(ManifestTests.sample.json.utf8).write(to: folder.file(name + "/link.json")) }
        }
        return (folder, CaptureStore(root: folder.url.path))
    }

    @Test("only folders named as the wrapper names them are captures, oldest first")
    func names() throws {
        let (folder, store) = try Self.store(with: ["20260520-101112.345-b.wasm", "20260519-000000.000-a.wasm", "notes", "20260520-1011-x"])
        #expect(store.entries().map(\.name) == ["20260519-000000.000-a.wasm", "20260520-101112.345-b.wasm"])
        #expect(CaptureStore.isCaptureName("20260520-101112.345-a.out-2"))
        #expect(!CaptureStore.isCaptureName("20260520-101112.345"))
        withExtendedLifetime(folder) {}
    }

    @Test("a capture is found by folder, by link.json, by name, and latest is the newest readable one")
    func finding() throws {
        let (folder, store) = try Self.store(with: ["20260519-000000.000-a.wasm", "20260520-101112.345-b.wasm"])
        try FileManager.default.createDirectory(at: folder.file("20260521-000000.000-writing.wasm"), withIntermediateDirectories: true)
        let path = folder.url.path + "/20260519-000000.000-a.wasm"
        #expect(try store.find(path).folder == path)
        #expect(try store.find(path + "/link.json").folder == path)
        #expect(try store.find("20260519-000000.000-a.wasm").folder == path)
        #expect(try store.find(nil).name == "20260520-101112.345-b.wasm")
        #expect(try store.find("latest").name == "20260520-101112.345-b.wasm")
        #expect(throws: CaptureError.self) { try store.find("nothing") }
    }

    @Test("pruning keeps the newest N, incomplete ones included in the count, and nothing else is touched")
    func pruning() throws {
        let (folder, store) = try Self.store(with: ["20260519-000000.000-a.wasm", "20260520-000000.000-b.wasm", "20260521-000000.000-c.wasm", "keep-me"])
        #expect(try store.prune(keep: 2) == ["20260519-000000.000-a.wasm"])
        #expect(try store.prune(keep: 0) == ["20260520-000000.000-b.wasm", "20260521-000000.000-c.wasm"])
        #expect(FileManager.default.fileExists(atPath: folder.url.path + "/keep-me/link.json"))
    }
}

@Suite("Finding the real linker")
struct RealLinkerTests {
    /// A folder of fake executables named `names`, and an environment whose PATH is `directories`.
    static func tools(_ names: [String]) throws -> TemporaryDirectory {
        let folder = try TemporaryDirectory(prefix: "wasm-undef-tools")
        for name in names {
            let path = folder.url.path + "/" + name
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: path, contents: Data("#!/bin/sh\n".utf8), attributes: [.posixPermissions: 0o755])
        }
        return folder
    }

    static func environment(path: [String], variables: [String: String] = [:], own: String? = nil, parent: String? = nil) -> RealLinker.Environment {
        var all = variables
        all["PATH"] = path.joined(separator: ":")
        let frozen = all
        return RealLinker.Environment(variable: { frozen[$0] }, ownPath: own, parentPath: parent)
    }

    @Test("called as clang calls it: wasm-ld beside that clang, else on PATH, else rust-lld with -flavor wasm")
    func clangStyle() throws {
        let tools = try Self.tools(["llvm/clang-21", "llvm/wasm-ld", "bin/wasm-ld", "rust/rust-lld"])
        let root = tools.url.path
        let beside = RealLinker.find(arguments: ["a.o"], environment: Self.environment(path: [root + "/bin"], parent: root + "/llvm/clang-21"))
        #expect(beside == RealLinker(path: root + "/llvm/wasm-ld", foundBy: "beside the calling clang"))
        let onPath = RealLinker.find(arguments: ["a.o"], environment: Self.environment(path: [root + "/rust", root + "/bin"]))
        #expect(onPath?.path == root + "/bin/wasm-ld")
        let rustLLD = RealLinker.find(arguments: ["a.o"], environment: Self.environment(path: [root + "/rust"]))
        #expect(rustLLD?.path == root + "/rust/rust-lld")
        #expect(rustLLD?.leadingArguments == ["-flavor", "wasm"])
        #expect(rustLLD?.programName == "rust-lld")
        #expect(RealLinker.find(arguments: ["a.o"], environment: Self.environment(path: [])) == nil)
    }

    @Test("called as rustc calls it (-flavor wasm): rust-lld first on PATH, which rustc makes its own, without a second -flavor")
    func rustcStyle() throws {
        let tools = try Self.tools(["bin/wasm-ld", "rust/rust-lld"])
        let root = tools.url.path
        let found = RealLinker.find(arguments: ["-flavor", "wasm", "a.o"], environment: Self.environment(path: [root + "/bin", root + "/rust"]))
        #expect(found?.path == root + "/rust/rust-lld")
        #expect(found?.leadingArguments == [])
    }

    @Test("WASM_UNDEF_REAL_LINKER wins, as a path or a name on PATH; the wrapper itself is never chosen")
    func explicitAndSelf() throws {
        let tools = try Self.tools(["bin/wasm-ld", "other/my-ld", "self/wasm-ld"])
        let root = tools.url.path
        let byPath = RealLinker.find(arguments: ["a.o"], environment: Self.environment(
            path: [root + "/bin"], variables: ["WASM_UNDEF_REAL_LINKER": root + "/other/my-ld"]))
        #expect(byPath == RealLinker(path: root + "/other/my-ld", foundBy: "WASM_UNDEF_REAL_LINKER"))
        let byName = RealLinker.find(arguments: ["a.o"], environment: Self.environment(
            path: [root + "/other"], variables: ["WASM_UNDEF_REAL_LINKER": "my-ld"]))
        #expect(byName?.path == root + "/other/my-ld")
        let skipsSelf = RealLinker.find(arguments: ["a.o"], environment: Self.environment(
            path: [root + "/self", root + "/bin"], own: FileManager.default.currentDirectoryPath(root + "/self/wasm-ld")))
        #expect(skipsSelf?.path == root + "/bin/wasm-ld")
        let explicitSelf = RealLinker.find(arguments: ["a.o"], environment: Self.environment(
            path: [], variables: ["WASM_UNDEF_REAL_LINKER": root + "/self/wasm-ld"], own: FileManager.default.currentDirectoryPath(root + "/self/wasm-ld")))
        #expect(explicitSelf == nil)
    }

    @Test("paths printed in a command are shell-quoted only when needed")
    func quoting() {
        #expect(ShellQuoting.quoted("/tmp/.wasm-undef/captures/20260520-101112.345-app.wasm") == "/tmp/.wasm-undef/captures/20260520-101112.345-app.wasm")
        #expect(ShellQuoting.quoted("/my dir/it's") == "'/my dir/it'\\''s'")
    }
}
