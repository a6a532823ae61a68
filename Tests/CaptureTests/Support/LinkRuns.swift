import Foundation
import TestSupport
import WasmDecoding

/// A scratch folder for one end-to-end test: sources, objects, the captures folder.
struct CaptureScratch {
    let directory: TemporaryDirectory
    var path: String { directory.url.path }
    var captures: String { path + "/captures" }

    init() throws {
        directory = try TemporaryDirectory(prefix: "wasm-undef-capture")
    }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: directory.file(name))
    }

    /// The environment of this process plus `WASM_UNDEF_CAPTURE_DIR` and `extra`.
    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["WASM_UNDEF_CAPTURE_DIR"] = captures
        environment.merge(extra) { $1 }
        return environment
    }

    /// Runs `program` in the workspace.
    func run(_ program: URL, _ arguments: [String], _ extra: [String: String] = [:]) throws -> ProcessResult {
        try Run.program(program, arguments, environment: environment(extra), directory: directory.url)
    }

    /// The capture folders made so far, oldest first.
    func captureFolders() -> [String] {
        // `.files` holds the contents captures share; it is not a capture.
        ((try? FileManager.default.contentsOfDirectory(atPath: captures)) ?? []).filter { !$0.hasPrefix(".") }.sorted().map { captures + "/" + $0 }
    }

    /// `wasm-undef report --capture FOLDER --format json`: its exit status and document.
    func report(capture folder: String) throws -> (status: Int32, json: [String: Any]) {
        let result = try run(try BuiltProducts.cli, ["report", "--capture", folder, "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any]
        guard let object else { throw FixtureError(message: "report printed no JSON object:\n\(result.stdout)\n\(result.stderr)") }
        return (result.status, object)
    }
}

/// A capture's `link.json`, as a test reads it (with Foundation, independently of LinkCapture).
struct ManifestDocument {
    let json: [String: Any]
    let folder: String

    init(folder: String) throws {
        self.folder = folder
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/link.json"))
        json = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    var files: [[String: Any]] { json["files"] as? [[String: Any]] ?? [] }
    var arguments: [String] { json["arguments"] as? [String] ?? [] }
    var exitStatus: Int? { (json["result"] as? [String: Any])?["exit_status"] as? Int }

    func file(role: String) -> [[String: Any]] { files.filter { $0["role"] as? String == role } }

    /// The bytes of a captured file's copy.
    func storedBytes(_ file: [String: Any]) -> Data? {
        guard let stored = file["stored"] as? String else { return nil }
        return FileManager.default.contents(atPath: folder + "/" + stored)
    }
}

/// wasm-ld's lines on standard error as (severity, text) pairs, `>>> ` lines joined to the
/// line before, the way `report --format json` lists them; other lines are dropped.
func linkerDiagnostics(_ stderr: String, program: String = "wasm-ld") -> [[String]] {
    var result: [[String]] = []
    for line in stderr.split(separator: "\n").map(String.init) {
        let trimmed = line.drop { $0 == " " }
        if trimmed.hasPrefix("\(program): error: ") {
            result.append(["error", String(trimmed.dropFirst("\(program): error: ".count))])
        } else if trimmed.hasPrefix("\(program): warning: ") {
            result.append(["warning", String(trimmed.dropFirst("\(program): warning: ".count))])
        } else if trimmed.hasPrefix(">>> "), !result.isEmpty {
            result[result.count - 1][1] += "\n" + trimmed
        }
    }
    return result
}

/// The `diagnostics` of a report document as (severity, text) pairs.
func reportDiagnostics(_ json: [String: Any]) -> [[String]] {
    (json["diagnostics"] as? [[String: Any]] ?? []).map { [$0["severity"] as? String ?? "", $0["text"] as? String ?? ""] }
}

/// The import section of a linked module as `module.name`.
func importNames(ofModule path: String) throws -> [String] {
    let storage = try ByteStorage.map(path: path)
    let binary = try WasmBinary(storage.window)
    return try (binary.importSection()?.collect() ?? []).map { "\($0.module).\($0.name)" }
}

/// The xxHash64 digest a manifest records for `bytes`.
func xxh64(_ bytes: Data) -> String {
    let value = bytes.withUnsafeBytes { ContentDigest.digest($0) }
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
}
