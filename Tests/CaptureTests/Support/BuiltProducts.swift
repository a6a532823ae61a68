import Foundation
import TestSupport

/// The package's executables as `swift build` made them: beside the test bundle (the test
/// target depends on them, so `swift test` builds them first), else in `.build/debug` of the
/// package root, else built now with `swift build --product NAME`.
enum BuiltProducts {
    /// The package root: three levels above this file (`Tests/CaptureTests/Support/`).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var wrapper: URL { get throws { try executable("wasm-undef-ld") } }
    static var cli: URL { get throws { try executable("wasm-undef") } }

    static func executable(_ name: String) throws -> URL {
        let candidates = [
            URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent(),
            packageRoot.appendingPathComponent(".build/debug"),
        ].map { $0.appendingPathComponent(name) }
        if let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) { return found }
        guard let swift = Toolchain.tool("swift") else { throw ToolMissing(tool: "swift") }
        let result = try Run.program(swift, ["build", "--product", name], directory: packageRoot)
        guard result.status == 0, let built = candidates.last, FileManager.default.isExecutableFile(atPath: built.path) else {
            throw FixtureError(message: "swift build --product \(name) failed:\n\(result.stderr)")
        }
        return built
    }
}
