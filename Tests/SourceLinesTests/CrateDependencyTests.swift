import Findings
import Foundation
import LinkModel
import Reporting
import SourceLocations
import SourcePatching
import Testing
import TestSupport
import WasmDecoding

/// A crate whose path dependency (outside its folder, so not a workspace member) declares a
/// host function: the crates are told apart with `cargo metadata`, the dependency's sources
/// are not patched, and the narrowest flag the patch offers for it makes the link succeed.
@Suite("Crates: a workspace member and a path dependency, with cargo metadata",
       .serialized, .enabled(if: Cargo.nightly, "needs rustup's cargo +nightly"))
struct CrateDependencyTests {
    static let dependency = RustPrelude.noCore + """
        extern "C" {
            pub fn sys_ticks() -> i32;
        }
        #[inline(never)]
        pub fn clock() -> i32 { unsafe { sys_ticks() } }

        """

    static let app = """
        #![feature(no_core)]
        #![no_core]
        extern crate ffi_sys;
        extern "C" { fn host_now() -> i32; }
        #[no_mangle]
        pub extern "C" fn run() -> i32 { unsafe { host_now(); } ffi_sys::clock() }

        """

    @Test("crate kinds, the dependency path, the allow-file note; applied with that flag, the link imports both host functions")
    func pathDependency() throws {
        let folder = try TemporaryDirectory(prefix: "wasm-undef-crates")
        let manager = FileManager.default
        for crate in ["app/src", "ffi-sys/src"] {
            try manager.createDirectory(at: folder.file(crate), withIntermediateDirectories: true)
        }
        try "[package]\nname = \"ffi-sys\"\nversion = \"0.1.0\"\nedition = \"2021\"\n"
            .write(to: folder.file("ffi-sys/Cargo.toml"), atomically: true, encoding: .utf8)
        try Self.dependency.write(to: folder.file("ffi-sys/src/lib.rs"), atomically: true, encoding: .utf8)
        try """
            [package]
            name = "app"
            version = "0.1.0"
            edition = "2021"
            [lib]
            crate-type = ["cdylib"]
            [dependencies]
            ffi-sys = { path = "../ffi-sys" }
            [profile.dev]
            panic = "abort"

            """.write(to: folder.file("app/Cargo.toml"), atomically: true, encoding: .utf8)
        try Self.app.write(to: folder.file("app/src/lib.rs"), atomically: true, encoding: .utf8)
        let app = folder.file("app")
        let failed = try Cargo.build("nightly", in: app)
        #expect(Cargo.undefinedSymbols(failed.stderr) == ["host_now", "sys_ticks"])
        let cargo = try #require(Cargo.executable)
        let metadataRun = try Run.program(cargo, ["+nightly", "metadata", "--format-version", "1", "--offline"], directory: app)
        try #require(metadataRun.status == 0, "\(metadataRun.stderr)")
        let metadata = try CargoMetadata(json: metadataRun.stdout)

        let deps = app.appendingPathComponent("target-nightly/wasm32-unknown-unknown/debug/deps")
        let files = try manager.contentsOfDirectory(atPath: deps.path)
        let inputs = files.filter { $0.hasSuffix(".rcgu.o") } + files.filter { $0.hasSuffix(".rlib") }
        var options = LinkOptions(files: inputs.map { deps.appendingPathComponent($0).path }, policy: .error, allowFile: nil)
        options.exports = ["run"]
        let resolved = try ResolvedLink.resolve(options)
        let prediction = resolved.predict()
        let sources = ReferenceLocator.locate(prediction.undefined, in: resolved,
                                              cargo: ReferenceLocator.CargoContext(cargoHome: nil, metadata: metadata))
        #expect(sources.crates["app"]?.kind == .workspace)
        #expect(sources.crates["ffi_sys"]?.kind == .dependency)
        #expect(sources.crates["ffi_sys"]?.dependencyPath == ["app", "ffi-sys"])
        #expect(sources.references(of: "sys_ticks").first?.function == "ffi_sys::clock")
        #expect(Report.sourceLinesText(prediction, sources).contains("ffi_sys (dependency: app → ffi-sys): sys_ticks"))

        let findings = FindingsContext(resolved: resolved).analyze(prediction)
        let patch = SourcePatcher.patch(FixPlan(prediction: prediction, findings: findings), sources: sources, language: .rust,
                                        files: FileSystemSources())
        #expect(patch.files.map(\.source.path) == ["src/lib.rs"])
        #expect(patch.notes.contains { $0.hasPrefix("sys_ticks: declared in crate ffi_sys (dependency: app → ffi-sys)") })
        try SourcePatchText.render(patch).write(to: folder.file("fix.patch"), atomically: true, encoding: .utf8)
        let applied = try Run.program(URL(fileURLWithPath: "/usr/bin/env"), ["patch", "-p1", "-i", folder.file("fix.patch").path], directory: app)
        try #require(applied.status == 0, "\(applied.stdout)")
        // The flag the note offers, with just the dependency's names.
        try "sys_ticks\n".write(to: app.appendingPathComponent("wasm-undef-allow.txt"), atomically: true, encoding: .utf8)
        let linked = try Cargo.build("nightly", in: app, rustflags: "-C link-arg=--allow-undefined-file=\(app.appendingPathComponent("wasm-undef-allow.txt").path)")
        #expect(linked.status == 0, "\(linked.stderr)")
        let binary = try WasmBinary(ByteStorage.map(path: app.appendingPathComponent("target-nightly/wasm32-unknown-unknown/debug/app.wasm").path).window)
        #expect(try (binary.importSection()?.collect() ?? []).map(\.name).sorted() == ["host_now", "sys_ticks"])
    }
}
