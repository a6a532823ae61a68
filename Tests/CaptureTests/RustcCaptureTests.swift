import Foundation
import Testing
import TestSupport

/// rustc links a cdylib that uses an rlib through the built `wasm-undef-ld`: same result as
/// with wasm-ld itself, the rlibs are captured with their crate names, and `report --capture`
/// agrees with wasm-ld replaying the captured link. Needs a rustc with the
/// wasm32-unknown-unknown standard library; the suite says so and is skipped otherwise.
@Suite("rustc links through wasm-undef-ld as through wasm-ld", .enabled(if: WasmRustc.usable, Comment(rawValue: WasmRustc.absence)))
struct RustcCaptureTests {
    static let helper = """
        extern "C" { fn host_missing(x: i32) -> i32; }
        pub fn helped(x: i32) -> i32 { unsafe { host_missing(x) } }
        """

    static let library = """
        #[no_mangle]
        pub extern "C" fn run(x: i32) -> i32 { helper::helped(x) }
        """

    @Test("the rlibs are captured with their crates; exit status as with wasm-ld; report --capture agrees with wasm-ld replaying the capture and names the crate that references the symbol")
    func cdylibWithAnRlib() throws {
        let rustc = URL(fileURLWithPath: try #require(WasmRustc.path))
        let wasmLD = try #require(Toolchain.wasmLD)
        let scratch = try CaptureScratch()
        try scratch.write("helper.rs", Self.helper)
        try scratch.write("lib.rs", Self.library)
        let target = ["--target", "wasm32-unknown-unknown", "-C", "opt-level=1"]
        let rlib = try scratch.run(rustc, target + ["--crate-type=rlib", "--crate-name=helper", "helper.rs", "-o", "libhelper.rlib"])
        #expect(rlib.status == 0, "\(rlib.stderr)")

        // `linker-flavor=wasm-ld` makes any rustc call the linker lld-style (`-flavor wasm` first),
        // which is what rustc since 1.7x does for a linker named like wasm-undef-ld by itself. Keep
        // the objects (save-temps) so wasm-ld can replay the captured link afterwards.
        let link = target + ["--crate-type=cdylib", "--crate-name=app", "-C", "linker-flavor=wasm-ld", "-C", "save-temps",
                             "--extern", "helper=libhelper.rlib", "lib.rs"]
        let direct = try scratch.run(rustc, link + ["-C", "linker=" + wasmLD.path, "-o", "direct.wasm"])
        let wrapped = try scratch.run(rustc, link + ["-C", "linker=" + (try BuiltProducts.wrapper).path, "-o", "app.wasm"],
                                      ["WASM_UNDEF_REAL_LINKER": wasmLD.path])
        #expect(wrapped.status == direct.status, "direct:\n\(direct.stderr)\nwrapped:\n\(wrapped.stderr)")

        let folder = try #require(scratch.captureFolders().first)
        let manifest = try ManifestDocument(folder: folder)
        #expect(manifest.arguments.prefix(2) == ["-flavor", "wasm"])
        let crates = Set(manifest.files.compactMap { $0["crate"] as? String })
        #expect(crates.isSuperset(of: ["helper", "core"]), "\(crates)")
        let helperFile = try #require(manifest.files.first { $0["crate"] as? String == "helper" })
        let helperPath = try #require(helperFile["path"] as? String)
        #expect(helperPath.hasSuffix("libhelper.rlib"))

        // The judge: wasm-ld itself, run on the recorded arguments in the recorded folder.
        let replay = try Run.program(wasmLD, manifest.json["expanded_arguments"] as? [String] ?? [],
                                     directory: URL(fileURLWithPath: manifest.json["working_directory"] as? String ?? scratch.path))
        #expect(manifest.exitStatus == Int(replay.status))
        let report = try scratch.report(capture: folder)
        #expect(report.json["link_ok"] as? Bool == (replay.status == 0))
        #expect(reportDiagnostics(report.json) == linkerDiagnostics(replay.stderr), "wasm-ld said:\n\(replay.stderr)")

        let inputs = report.json["inputs"] as? [[String: Any]] ?? []
        #expect(inputs.contains { $0["path"] as? String == helperPath && $0["crate"] as? String == "helper" })
        let symbol = (report.json["undefined"] as? [[String: Any]] ?? []).first { $0["name"] as? String == "host_missing" }
        let referencedBy = (symbol?["referenced_by"] as? [[String: Any]] ?? []).compactMap { $0["input"] as? String }
        #expect(!referencedBy.isEmpty && referencedBy.allSatisfy { $0.hasPrefix(helperPath + "(") },
                "host_missing is referenced from a member of the helper crate's rlib: \(referencedBy)")
    }
}

/// A rustc that can compile for wasm32-unknown-unknown: `$RUSTC`, else the first `rustc` on
/// PATH whose sysroot has that target's `libcore`.
enum WasmRustc {
    /// A rustc and wasm-ld to judge it are both here.
    static var usable: Bool { Toolchain.wasmLD != nil && path != nil }

    /// Why the rustc capture tests do not run, when they do not.
    static var absence: String {
        Toolchain.wasmLD == nil ? "no wasm-ld next to swift"
            : "no rustc with the wasm32-unknown-unknown target (set RUSTC, or `rustup target add wasm32-unknown-unknown`)"
    }

    static var path: String? { Toolchain.wasmRustc }
}
