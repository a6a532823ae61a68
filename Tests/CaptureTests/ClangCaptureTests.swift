import Foundation
import Testing
import TestSupport

/// clang links through the built `wasm-undef-ld` (`-fuse-ld=/abs/path`) exactly as through
/// wasm-ld, the capture holds what the link read, and `report --capture` agrees with wasm-ld.
@Suite("clang links through wasm-undef-ld as through wasm-ld", .enabled(if: Toolchain.clang != nil && Toolchain.wasmLD != nil, "no clang and wasm-ld beside swift"))
struct ClangCaptureTests {
    static let linking = """
        __attribute__((import_module("host"), import_name("log"))) void host_log(int);
        int twice(int x) { return 2 * x; }
        void _start(void) { host_log(twice(21)); }
        """

    static let failing = """
        int host_missing(int);
        int helper(int);
        void _start(void) { host_missing(helper(1)); }
        """

    static let helper = "int helper(int x) { return x + 1; }\n"

    @Test("a link that succeeds: the same exit status, output and module, nothing added; the capture keeps clang's deleted temporary object")
    func linkThatSucceeds() throws {
        let clang = try #require(Toolchain.clang)
        let scratch = try CaptureScratch()
        try scratch.write("app.c", Self.linking)
        let base = ["--target=wasm32", "-nostdlib", "-O1", "app.c"]

        // wasm-ld names the module after its output file (the `name` section), so both links
        // write `app.wasm`, the direct one in a folder of its own.
        try FileManager.default.createDirectory(atPath: scratch.path + "/direct", withIntermediateDirectories: true)
        let direct = try scratch.run(clang, base + ["-o", "direct/app.wasm"])
        let wrapped = try scratch.run(clang, base + ["-o", "app.wasm", "-fuse-ld=" + (try BuiltProducts.wrapper).path])
        #expect(direct.status == 0, "\(direct.stderr)")
        #expect(wrapped.status == direct.status)
        #expect(wrapped.stdout == direct.stdout)
        #expect(wrapped.stderr == direct.stderr)
        #expect(FileManager.default.contents(atPath: scratch.path + "/app.wasm") == FileManager.default.contents(atPath: scratch.path + "/direct/app.wasm"))

        let folder = try #require(scratch.captureFolders().first)
        #expect(scratch.captureFolders().count == 1)
        #expect(folder.hasSuffix("-app.wasm"))
        let manifest = try ManifestDocument(folder: folder)
        #expect(manifest.exitStatus == 0)
        #expect(manifest.json["working_directory"] as? String == FileManager.default.currentDirectoryPath(scratch.path))
        #expect(manifest.arguments.firstIndex(of: "-o").map { manifest.arguments[$0 + 1] } == "app.wasm")
        let object = try #require(manifest.file(role: "input").first)
        let objectPath = try #require(object["path"] as? String)
        #expect(objectPath.hasSuffix(".o") && objectPath.contains("/app-"), "clang's temporary object: \(objectPath)")
        #expect(!FileManager.default.fileExists(atPath: objectPath), "clang deletes its temporary object after the link")
        let bytes = try #require(manifest.storedBytes(object))
        #expect(object["size"] as? Int == bytes.count)
        #expect(object["digest"] as? String == xxh64(bytes))
        #expect(manifest.json["digest_algorithm"] as? String == "xxh64")

        let report = try scratch.report(capture: folder)
        #expect(report.status == 0)
        #expect(report.json["link_ok"] as? Bool == true)
        #expect(reportDiagnostics(report.json).isEmpty)
        let predicted = (report.json["imports"] as? [[String: Any]] ?? []).map { "\($0["module"] ?? "").\($0["name"] ?? "")" }
        #expect(predicted == (try importNames(ofModule: scratch.path + "/app.wasm")))
        #expect((report.json["inputs"] as? [[String: Any]])?.first?["path"] as? String == objectPath)
    }

    @Test("a link that fails on an undefined symbol: wasm-ld's exit status and lines, then one line naming the capture; report --capture predicts them under the original names")
    func linkThatFails() throws {
        let clang = try #require(Toolchain.clang)
        let scratch = try CaptureScratch()
        try scratch.write("main.c", Self.failing)
        try scratch.write("helper.c", Self.helper)
        for (source, object) in [("main.c", "main.o"), ("helper.c", "helper.o")] {
            let compiled = try scratch.run(clang, ["--target=wasm32", "-O1", "-c", source, "-o", object])
            #expect(compiled.status == 0, "\(compiled.stderr)")
        }
        let link = ["--target=wasm32", "-nostdlib", "main.o", "helper.o", "-o", "app.wasm"]

        let direct = try scratch.run(clang, link)
        let wrapped = try scratch.run(clang, link + ["-fuse-ld=" + (try BuiltProducts.wrapper).path])
        #expect(direct.status == 1)
        #expect(wrapped.status == direct.status)
        #expect(wrapped.stdout == direct.stdout)

        let folder = try #require(scratch.captureFolders().first)
        let added = "wasm-undef: inspect this link with: wasm-undef open \(folder)"
        let directLines = direct.stderr.split(separator: "\n").map(String.init)
        let wrappedLines = wrapped.stderr.split(separator: "\n").map(String.init)
        #expect(wrappedLines.filter { $0 != added } == directLines, "stderr besides the added line is wasm-ld's and clang's, unchanged")
        #expect(wrappedLines.filter { $0 == added }.count == 1)
        // After everything wasm-ld printed, before clang's own line about the failed link.
        #expect(wrappedLines.firstIndex(of: added) == directLines.firstIndex { $0.hasPrefix("clang: ") })

        let manifest = try ManifestDocument(folder: folder)
        #expect(manifest.exitStatus == 1)
        #expect(manifest.file(role: "input").compactMap { $0["path"] as? String } == ["main.o", "helper.o"])
        for file in manifest.file(role: "input") {
            let path = try #require(file["path"] as? String)
            #expect(manifest.storedBytes(file) == FileManager.default.contents(atPath: scratch.path + "/" + path))
        }

        let report = try scratch.report(capture: folder)
        let observed = linkerDiagnostics(direct.stderr)
        #expect(!observed.isEmpty)
        #expect(report.status == 1)
        #expect(report.json["link_ok"] as? Bool == false)
        #expect(reportDiagnostics(report.json) == observed)
        let undefined = (report.json["undefined"] as? [[String: Any]] ?? []).first { $0["name"] as? String == "host_missing" }
        let referencedBy = (undefined?["referenced_by"] as? [[String: Any]] ?? []).compactMap { $0["input"] as? String }
        #expect(referencedBy == ["main.o"], "the original name, not the copy's")
    }

    @Test("a library found through -L/-l is captured as found, with the .imports file beside it, and the report agrees",
          .enabled(if: WasiSysroot.found != nil, "no wasi sysroot (apt-get install wasi-libc)"))
    func librariesThroughSearchPath() throws {
        let clang = try #require(Toolchain.clang)
        let sysroot = try #require(WasiSysroot.found)
        let scratch = try CaptureScratch()
        try scratch.write("hello.c", """
            #include <stdio.h>
            void host_report(int);
            int main(void) { puts("hello"); host_report(1); return 0; }
            """)
        // -nodefaultlibs: the toolchain has no wasm32 compiler-rt; wasi-libc alone suffices here.
        let arguments = ["--target=wasm32-wasi", "--sysroot=" + sysroot.root, "-nodefaultlibs", "hello.c", "-lc", "-o", "hello.wasm",
                         "-fuse-ld=" + (try BuiltProducts.wrapper).path]
        let wrapped = try scratch.run(clang, arguments)
        #expect(wrapped.status == 1, "host_report is undefined: \(wrapped.stderr)")

        let folder = try #require(scratch.captureFolders().first)
        let manifest = try ManifestDocument(folder: folder)
        let library = try #require(manifest.file(role: "library").first)
        #expect(library["path"] as? String == sysroot.libraryDirectory + "/libc.a")
        #expect(library["library"] as? String == "c")
        #expect(manifest.storedBytes(library) == FileManager.default.contents(atPath: sysroot.libraryDirectory + "/libc.a"))
        if FileManager.default.fileExists(atPath: sysroot.libraryDirectory + "/libc.imports") {
            #expect(manifest.file(role: "imports").compactMap { $0["path"] as? String } == [sysroot.libraryDirectory + "/libc.imports"])
        }

        let report = try scratch.report(capture: folder)
        #expect(report.status == wrapped.status)
        #expect(reportDiagnostics(report.json) == linkerDiagnostics(wrapped.stderr))
        let inputs = (report.json["inputs"] as? [[String: Any]] ?? []).compactMap { $0["path"] as? String }
        #expect(inputs.contains(sysroot.libraryDirectory + "/libc.a"))
    }
}

/// wasi-libc: `$WASI_SYSROOT`, else Debian's wasi-libc package under `/usr`.
struct WasiSysroot {
    var root: String
    var libraryDirectory: String { root + "/lib/wasm32-wasi" }

    static let found: WasiSysroot? = {
        let candidates = [ProcessInfo.processInfo.environment["WASI_SYSROOT"], "/usr"].compactMap { $0 }
        return candidates.map(WasiSysroot.init).first { sysroot in
            FileManager.default.fileExists(atPath: sysroot.libraryDirectory + "/libc.a")
                && FileManager.default.fileExists(atPath: sysroot.libraryDirectory + "/crt1-command.o")
        }
    }()
}

extension FileManager {
    /// `path` with symbolic links resolved, as `getcwd` reports a folder.
    func currentDirectoryPath(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    }
}
