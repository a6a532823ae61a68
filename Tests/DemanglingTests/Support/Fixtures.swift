import Foundation

/// The sources in `Tests/DemanglingTests/Fixtures`, compiled at test time.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// Compiles a Rust fixture to a host object with v0 mangling, or throws with rustc's
    /// messages.
    static func rustObject(
        _ source: String, rustc: URL, in scratch: ScratchDirectory, environment: [String: String] = [:]
    ) throws -> URL {
        let object = scratch.url.appendingPathComponent(source + ".o")
        let output = try ExternalTool.run(rustc, [
            "--edition", "2021", "--crate-type=lib", "--emit=obj", "-C", "symbol-mangling-version=v0",
            "-o", object.path, directory.appendingPathComponent(source).path,
        ], environment: environment)
        guard output.status == 0 else { throw BuildError(tool: "rustc", messages: output.standardError) }
        return object
    }

    /// Compiles the C++ fixture to a host object.
    static func cxxObject(_ source: String, clangxx: URL, in scratch: ScratchDirectory) throws -> URL {
        let object = scratch.url.appendingPathComponent(source + ".o")
        let output = try ExternalTool.run(clangxx, [
            "-std=c++20", "-c", "-o", object.path, directory.appendingPathComponent(source).path,
        ])
        guard output.status == 0 else { throw BuildError(tool: "clang++", messages: output.standardError) }
        return object
    }

    struct BuildError: Error, CustomStringConvertible {
        var tool: String
        var messages: String
        var description: String { "\(tool) failed:\n\(messages)" }
    }
}

/// The corpus of real inputs, found through `WASM_UNDEF_CORPUS`.
enum Corpus {
    static let variable = "WASM_UNDEF_CORPUS"

    /// The corpus folder, if the variable names an existing one.
    static let directory: URL? = {
        guard let path = ProcessInfo.processInfo.environment[variable], !path.isEmpty else { return nil }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return nil
        }
        return URL(fileURLWithPath: path)
    }()

    /// Why the corpus tests do not run, for the skip message.
    static var absence: String {
        "corpus not found: set \(variable) to the folder of corpus inputs (objects, archives, rlibs, wasm modules)"
    }

    /// The symbol-bearing files in the corpus: objects, archives, rlibs and wasm modules.
    static func inputFiles() throws -> [URL] {
        guard let directory else { return [] }
        let kinds: Set<String> = ["o", "a", "rlib", "wasm"]
        return try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { kinds.contains($0.pathExtension) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }
}
