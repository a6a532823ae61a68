import Findings
import Foundation
import LinkModel
import Reporting
import SourceLocations
import SourcePatching
import Testing
import TestSupport
import WasmDecoding
import Workspace

/// One failed `cargo +nightly` build of the fixture crate, shared by the tests.
enum FailedBuild {
    struct Build {
        var fixture: HostAppFixture
        var objects: [String]
        var linkOutput: String
    }

    static let result: Result<Build, any Error> = Result {
        let fixture = try HostAppFixture()
        let output = try Cargo.build("nightly", in: fixture.crate, rustflags: fixture.rustflags())
        guard output.status != 0 else { throw FixtureError(message: "the unpatched crate linked under nightly") }
        return Build(fixture: fixture, objects: try Cargo.objects("nightly", in: fixture.crate), linkOutput: output.stderr)
    }

    /// The link `report` predicts for the objects and the C library, `run` exported.
    static func resolve(_ objects: [String], libraries: [String]) throws -> ResolvedLink {
        var options = LinkOptions(files: objects + libraries, policy: .error, allowFile: nil)
        options.exports = ["run"]
        return try ResolvedLink.resolve(options)
    }

    /// `report --fix rust-patch` through the library API.
    static func patch(_ build: Build, rename: Bool) throws -> (text: String, sources: SourceReferences) {
        let resolved = try resolve(build.objects, libraries: [build.fixture.clib.appendingPathComponent("libmylib.a").path])
        let prediction = resolved.predict()
        let findings = FindingsContext(resolved: resolved, libraries: LibraryFolders.scan(options: resolved.options, searchFolders: [build.fixture.search.path]).index).analyze(prediction)
        let sources = ReferenceLocator.locate(prediction.undefined, in: resolved)
        let patch = SourcePatcher.patch(FixPlan(prediction: prediction, findings: findings), sources: sources, language: .rust,
                                        options: SourcePatcher.Options(renameNearMisses: rename), files: FileSystemSources())
        return (SourcePatchText.render(patch), sources)
    }
}

@Suite("A failed 1.97 build: source lines, crates and a patch that compiles",
       .serialized, .enabled(if: Cargo.nightly && Toolchain.clang != nil && DwarfOracles.symbolizer != nil,
                             "needs rustup's cargo +nightly, clang and llvm-symbolizer"))
struct RustSourceLinesTests {
    func build() throws -> FailedBuild.Build { try FailedBuild.result.get() }

    @Test("nightly fails on every plain extern, as the issue says")
    func failedBuild() throws {
        let build = try build()
        #expect(Cargo.undefinedSymbols(build.linkOutput) == ["host_now", "host_log", "mylibrary_int", "compress_buffer", "config_value"])
    }

    @Test("each reference's file:line:column is llvm-symbolizer's and llvm-dwarfdump's row for its code offset")
    func referencesMatchOracles() throws {
        let build = try build()
        let resolved = try FailedBuild.resolve(build.objects, libraries: [build.fixture.clib.appendingPathComponent("libmylib.a").path])
        let prediction = resolved.predict()
        let sources = ReferenceLocator.locate(prediction.undefined, in: resolved)
        var checked = 0
        for symbol in prediction.undefined {
            for (reference, located) in zip(symbol.referencedBy, sources.references(of: symbol.name)) {
                let offset = try #require(located.codeOffset)
                let position = try #require(located.position, "\(symbol.name) has no source line")
                let answer = try #require(try DwarfOracles.symbolize(reference.input, addresses: [UInt64(offset)]).first)
                #expect("\(position.path):\(position.line):\(position.column)" == answer.location)
                let rows = try DwarfOracles.lineTables(reference.input).flatMap(\.rows)
                let row = try #require(rows.filter { !$0.endSequence && $0.address <= UInt64(offset) }.max { $0.address < $1.address })
                #expect(row.line == position.line && row.column == position.column)
                #expect(position.file == "src/lib.rs")
                #expect(located.function == "hostapp::run")
                #expect(located.crate == "hostapp")
                checked += 1
            }
        }
        #expect(checked == 5)
        #expect(sources.crates["hostapp"]?.kind == .workspace)
    }

    @Test("the report says referenced by src/lib.rs:LINE:COLUMN in hostapp::run, and JSON lists references")
    func reportText() throws {
        let build = try build()
        let resolved = try FailedBuild.resolve(build.objects, libraries: [build.fixture.clib.appendingPathComponent("libmylib.a").path])
        let prediction = resolved.predict()
        let sources = ReferenceLocator.locate(prediction.undefined, in: resolved)
        let text = Report.text(prediction, sources: sources)
        #expect(text.contains("referenced by src/lib.rs:20:17 in hostapp::run"))
        #expect(text.contains("hostapp (workspace): host_now, host_log, mylibrary_int, compress_buffer, config_value"))
        #expect(!text.contains("build with debug info"))
        let json = ReportJSON.render(prediction, sources: sources)
        #expect(json.contains("\"file\": \"src/lib.rs\""))
        #expect(json.contains("\"function\": \"hostapp::run\""))
        #expect(json.contains("\"code_offset\": "))
        // Nothing of it without the flag.
        #expect(!Report.text(prediction).contains("source lines:"))
    }

    @Test("the patch applies (git apply, patch -p1); then only the typo, the unlinked library and the data fail; with their own fixes it links, importing the host functions only")
    func patchCompiles() throws {
        let build = try build()
        let (text, _) = try FailedBuild.patch(build, rename: false)
        #expect(text.contains("+#[link(wasm_import_module = \"env\")]"))
        #expect(text.contains("did you mean `mylibrary_init`"))
        let work = try TemporaryDirectory(prefix: "wasm-undef-patched")
        let crate = work.url.appendingPathComponent("hostapp")
        try FileManager.default.copyItem(at: build.fixture.crate.appendingPathComponent("src"), to: crate.appendingPathComponent("src"))
        try HostAppFixture.cargoToml.write(to: crate.appendingPathComponent("Cargo.toml"), atomically: true, encoding: .utf8)
        let patchFile = work.file("fix.patch")
        try text.write(to: patchFile, atomically: true, encoding: .utf8)
        let git = URL(fileURLWithPath: "/usr/bin/env")
        let check = try Run.program(git, ["git", "apply", "--check", "--unsafe-paths", patchFile.path], directory: crate)
        #expect(check.status == 0, "git apply --check: \(check.stderr)")
        let dryRun = try Run.program(git, ["patch", "-p1", "--dry-run", "-i", patchFile.path], directory: crate)
        #expect(dryRun.status == 0, "patch --dry-run: \(dryRun.stdout) \(dryRun.stderr)")
        let apply = try Run.program(git, ["patch", "-p1", "-i", patchFile.path], directory: crate)
        try #require(apply.status == 0)
        let patched = try Cargo.build("nightly", in: crate, rustflags: build.fixture.rustflags())
        #expect(patched.status != 0)
        #expect(Cargo.undefinedSymbols(patched.stderr) == ["mylibrary_int", "compress_buffer", "config_value"])

        // The old build: stable passes --allow-undefined, so it links and imports every function.
        let old = try Cargo.build("stable", in: build.fixture.crate, rustflags: build.fixture.rustflags(), bootstrap: true)
        try #require(old.status == 0, "stable build: \(old.stderr)")
        let oldImports = try Self.functionImports(build.fixture.crate.appendingPathComponent("target-stable/wasm32-unknown-unknown/debug/hostapp.wasm"))
        #expect(oldImports == ["host_now", "host_log", "mylibrary_int", "compress_buffer"])

        // Their own fixes: the rename, and the two libraries linked.
        try FileManager.default.removeItem(at: crate.appendingPathComponent("src"))
        try FileManager.default.copyItem(at: build.fixture.crate.appendingPathComponent("src"), to: crate.appendingPathComponent("src"))
        let (renamed, _) = try FailedBuild.patch(build, rename: true)
        try renamed.write(to: patchFile, atomically: true, encoding: .utf8)
        try #require(try Run.program(git, ["patch", "-p1", "-i", patchFile.path], directory: crate).status == 0)
        let fixed = try Cargo.build("nightly", in: crate, rustflags: build.fixture.rustflags(fixed: true))
        #expect(fixed.status == 0, "fixed build: \(fixed.stderr)")
        let imports = try Self.functionImports(crate.appendingPathComponent("target-nightly/wasm32-unknown-unknown/debug/hostapp.wasm"))
        #expect(imports == oldImports.filter { !["mylibrary_int", "compress_buffer"].contains($0) })
    }

    static func functionImports(_ module: URL) throws -> [String] {
        let binary = try WasmBinary(ByteStorage.map(path: module.path).window)
        return try (binary.importSection()?.collect() ?? []).compactMap { entry in
            if case .function = entry.descriptor { return entry.name }
            return nil
        }
    }
}
