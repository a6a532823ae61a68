import Foundation

/// The package's own executables as the build left them, for end-to-end tests.
public enum BuiltProducts {
    /// The package root: two folders above this file's folder.
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `wasm-undef` executable: beside the running test bundle (`swift test` builds it
    /// into the same folder), else `.build/debug/wasm-undef` under the package root.
    public static func wasmUndef() throws -> URL {
        var candidates: [URL] = []
        if let executable = Bundle.main.executableURL {
            candidates.append(executable.deletingLastPathComponent().appendingPathComponent("wasm-undef"))
        }
        candidates.append(packageRoot.appendingPathComponent(".build/debug/wasm-undef"))
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw FixtureError(message: "wasm-undef is not built (looked at \(candidates.map(\.path))); run swift build")
        }
        return found
    }
}
