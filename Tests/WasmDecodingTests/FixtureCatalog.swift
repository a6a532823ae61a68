import Foundation
import TestSupport
import WasmDecoding

/// The decoder fixtures: objects compiled from `Fixtures/` with the toolchain's clang, two
/// archives (GNU and BSD format, with long member names), and a linked module.
enum FixtureCatalog {
    struct Build: Sendable {
        var name: String
        var source: String
        var language: String
        var flags: [String]
    }

    static let fixturesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/Decoder")

    static let builds: [Build] = [
        Build(name: "symbol-kinds-wasm32", source: "symbol-kinds.c", language: "c", flags: ["-O1"]),
        Build(name: "symbol-kinds-wasm64", source: "symbol-kinds.c", language: "c", flags: ["--target=wasm64", "-O1"]),
        Build(name: "symbol-kinds-pic", source: "symbol-kinds.c", language: "c", flags: ["-O1", "-fPIC"]),
        Build(name: "symbol-kinds-O0", source: "symbol-kinds.c", language: "c", flags: ["-O0"]),
        Build(name: "thread-local", source: "thread-local.c", language: "c", flags: ["-O1", "-matomics", "-mbulk-memory"]),
        Build(name: "debug-info", source: "debug-info.c", language: "c", flags: ["-O0", "-g"]),
        Build(name: "inline-templates", source: "inline-templates.cpp", language: "c++", flags: ["-O1", "-fno-exceptions"]),
        Build(name: "globals-tables-tags", source: "globals-tables-tags.s", language: "assembler",
              flags: ["-mexception-handling", "-mreference-types"]),
    ]

    /// Object fixtures by name.
    static func objects() throws -> [(name: String, url: URL)] {
        try builds.map { build in
            let source = try String(contentsOf: fixturesFolder.appendingPathComponent(build.source), encoding: .utf8)
            return (build.name, try Fixtures.object(source, language: build.language, flags: build.flags))
        }
    }

    /// Objects, the archives and the linked module: every fixture file.
    static func allFiles() throws -> [(name: String, url: URL)] {
        let objects = try objects()
        let wasm32 = objects.filter { !$0.name.contains("wasm64") }
        let members = wasm32.map { (name: "\($0.name)-with-a-long-member-name.o", object: $0.url) }
        return objects + [
            ("archive-gnu", try Fixtures.archive(members, format: "gnu")),
            ("archive-bsd", try Fixtures.archive(members, format: "bsd")),
            ("linked-module", try linkedModule()),
        ]
    }

    /// A module linked by wasm-ld from a self-contained object, with a name section.
    static func linkedModule() throws -> URL {
        let source = """
            __attribute__((import_module("host"), import_name("log"))) void host_log(int);
            int counter = 3;
            __attribute__((export_name("run"))) int run(int x) { host_log(x); return x + counter; }
            static int helper(int x) { return x * 2; }
            __attribute__((export_name("twice"))) int twice(int x) { return helper(x); }
            """
        let object = try Fixtures.object(source, flags: ["-O0"])
        guard let wasmLD = Toolchain.wasmLD else { throw ToolMissing(tool: "wasm-ld") }
        let output = object.deletingPathExtension().appendingPathExtension("wasm")
        if !FileManager.default.fileExists(atPath: output.path) {
            let result = try Run.program(wasmLD, ["--no-entry", object.path, "-o", output.path])
            guard result.status == 0 else { throw FixtureError(message: "wasm-ld failed: \(result.stderr)") }
        }
        return output
    }

    /// Every file's bytes, for the drip-feed and robustness tests.
    static func allBytes() throws -> [(name: String, bytes: [UInt8])] {
        try allFiles().map { ($0.name, [UInt8](try Data(contentsOf: $0.url))) }
    }
}
