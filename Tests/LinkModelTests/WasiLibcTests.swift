import Foundation
import LinkModel
import Testing
import TestSupport

/// Debian's wasi-libc (`libc.a`, `crt1-command.o`, headers), or `$WASI_SYSROOT` laid out like
/// a wasi-sdk sysroot.
struct WasiSysroot {
    var libraryDirectory: String
    var includeDirectory: String

    static let found: WasiSysroot? = {
        let fileManager = FileManager.default
        var candidates: [(String, String)] = []
        if let root = ProcessInfo.processInfo.environment["WASI_SYSROOT"] {
            candidates.append((root + "/lib/wasm32-wasi", root + "/include/wasm32-wasi"))
            candidates.append((root + "/lib/wasm32-wasi", root + "/include"))
        }
        // The layout of Debian's wasi-libc package.
        candidates.append(("/usr/lib/wasm32-wasi", "/usr/include/wasm32-wasi"))
        for (library, include) in candidates
        where fileManager.fileExists(atPath: library + "/libc.a") && fileManager.fileExists(atPath: include + "/stdio.h") {
            return WasiSysroot(libraryDirectory: library, includeDirectory: include)
        }
        return nil
    }()

    var libc: String { libraryDirectory + "/libc.a" }
    var crt1: String { libraryDirectory + "/crt1-command.o" }
}

/// One real link: a C program against wasi-libc's `libc.a` and `crt1-command.o` with a host
/// function (and a host data symbol) left undefined, compared with wasm-ld like the cases.
@Suite("A real link against wasi-libc agrees with wasm-ld",
       .enabled(if: Toolchain.wasmLD != nil && WasiSysroot.found != nil, "no wasm-ld beside swift, or no wasi sysroot (apt-get install wasi-libc)"))
struct WasiLibcTests {
    static var sourceDirectory: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("RealLinks").path
    }

    /// Compiles hello_wasi.c once (cached by content).
    static func build() throws -> String {
        let sysroot = try #require(WasiSysroot.found)
        let source = sourceDirectory + "/hello_wasi.c"
        let key = "wasi-hello-" + FixtureDirectory.key(files: [source, sourceDirectory + "/allow.txt"],
                                                      extra: [sysroot.libc, Toolchain.binDirectory?.path ?? ""])
        return try FixtureDirectory.directory(for: key) { scratch in
            try FileManager.default.copyItem(atPath: source, toPath: scratch + "/hello_wasi.c")
            try FileManager.default.copyItem(atPath: sourceDirectory + "/allow.txt", toPath: scratch + "/allow.txt")
            try Toolchain.compile("hello_wasi.c", to: "hello_wasi.o",
                                  flags: ["--target=wasm32-wasi", "-isystem", sysroot.includeDirectory], in: scratch)
        }
    }

    static let flagSets: [[String]] = [
        [], ["--allow-undefined"], ["--import-undefined"], ["--warn-unresolved-symbols"],
        ["--unresolved-symbols=ignore-all"], ["--unresolved-symbols=import-dynamic"], ["--no-gc-sections"],
        ["--no-gc-sections", "--allow-undefined"], ["--allow-undefined-file=allow.txt"],
        ["--allow-undefined-file=allow.txt", "--unresolved-symbols=ignore-all"], ["--export-all", "--allow-undefined"],
    ]

    @Test("crt1-command.o + hello + libc.a, under each policy", arguments: flagSets)
    func agrees(_ flags: [String]) throws {
        let sysroot = try #require(WasiSysroot.found)
        let directory = try Self.build()
        let output = try TemporaryDirectory(prefix: "wasm-undef-wasi")
        for line in [[sysroot.crt1, "hello_wasi.o", sysroot.libc],
                     [sysroot.crt1, "hello_wasi.o", "-L", sysroot.libraryDirectory, "-lc"]] {
            let arguments = line + flags
            let outputPath = output.file("hello.wasm").path
            let observed = try LinkObservation.link(arguments, in: directory, output: outputPath)
            let prediction = try LinkModel.predict(arguments: arguments + ["-o", outputPath], workingDirectory: directory)
            #expect(observed.agrees(with: prediction),
                    "[\(arguments.joined(separator: " "))]\n--- wasm-ld\n\(observed)--- predicted\n\(LinkObservation(prediction: prediction))")
        }
    }

    @Test("the undefined host function is the only error, referenced from main")
    func hostCallbackIsTheError() throws {
        let sysroot = try #require(WasiSysroot.found)
        let directory = try Self.build()
        let prediction = try LinkModel.predict(arguments: [sysroot.crt1, "hello_wasi.o", sysroot.libc, "-o", "/dev/null"],
                                               workingDirectory: directory)
        let errors = prediction.undefined.filter { $0.outcome == .error }
        #expect(errors.map(\.name) == ["host_callback", "host_data"])
        #expect(errors.first?.referencedBy.first?.function == "__main_argc_argv")
        #expect(prediction.undefined.contains { $0.explicitImportName == "fd_write" && $0.outcome == .import })
        #expect(prediction.inputs[2].membersUsed.contains("printf.o"))
    }
}
