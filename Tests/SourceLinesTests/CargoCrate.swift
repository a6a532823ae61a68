import Foundation
import TestSupport

/// rustup's cargo and the toolchains these tests build with: `cargo +nightly` (1.97, which no
/// longer passes `--allow-undefined`) and `cargo +stable` (1.95, which still does).
enum Cargo {
    static let executable: URL? = {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("cargo")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }()

    /// Whether `cargo +toolchain` runs.
    static func has(_ toolchain: String) -> Bool {
        guard let executable, let result = try? Run.program(executable, ["+" + toolchain, "--version"]) else { return false }
        return result.status == 0
    }

    static let nightly = has("nightly")
    static let stable = has("stable")

    /// `cargo +toolchain build --target wasm32-unknown-unknown` in `directory`.
    static func build(_ toolchain: String, in directory: URL, rustflags: String = "", bootstrap: Bool = false) throws -> ProcessResult {
        guard let executable else { throw ToolMissing(tool: "cargo") }
        var environment = ProcessInfo.processInfo.environment
        environment["RUSTFLAGS"] = rustflags
        environment["CARGO_TARGET_DIR"] = directory.appendingPathComponent("target-\(toolchain)").path
        if bootstrap { environment["RUSTC_BOOTSTRAP"] = "1" }
        environment.removeValue(forKey: "RUSTC")
        return try Run.program(executable, ["+" + toolchain, "build", "--offline", "--target", "wasm32-unknown-unknown"],
                               environment: environment, directory: directory)
    }

    /// The codegen-unit objects a build left in its `deps` folder.
    static func objects(_ toolchain: String, in directory: URL) throws -> [String] {
        let deps = directory.appendingPathComponent("target-\(toolchain)/wasm32-unknown-unknown/debug/deps")
        return try FileManager.default.contentsOfDirectory(atPath: deps.path).filter { $0.hasSuffix(".rcgu.o") }.sorted()
            .map { deps.appendingPathComponent($0).path }
    }

    /// The `undefined symbol: NAME` lines of a failed link, as a set of names.
    static func undefinedSymbols(_ output: String) -> Set<String> {
        Set(output.split(separator: "\n").compactMap { line -> String? in
            guard let range = line.range(of: "undefined symbol: ") else { return nil }
            return String(line[range.upperBound...]).trimmingCharacters(in: .whitespaces)
        })
    }
}
