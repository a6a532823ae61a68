import Foundation

/// The package's executables as `swift build` made them: beside the test bundle (`swift test`
/// builds every product first), else in the package's `.build/debug`, else built now with
/// `swift build --product NAME`.
public enum BuiltProduct {
    /// The package root: two levels above this file's folder (`Tests/TestSupport/`).
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The executable product `name`.
    public static func named(_ name: String) throws -> URL {
        var testBundleFolder = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        // On macOS the tests run from inside an .xctest bundle.
        while testBundleFolder.path != "/", testBundleFolder.pathExtension == "xctest"
            || testBundleFolder.lastPathComponent == "MacOS" || testBundleFolder.lastPathComponent == "Contents" {
            testBundleFolder = testBundleFolder.deletingLastPathComponent()
        }
        let candidates = [testBundleFolder, packageRoot.appendingPathComponent(".build/debug")].map { $0.appendingPathComponent(name) }
        if let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) { return found }
        guard let swift = Toolchain.tool("swift") else { throw ToolMissing(tool: "swift") }
        let result = try Run.program(swift, ["build", "--product", name], directory: packageRoot)
        guard result.status == 0, let built = candidates.last, FileManager.default.isExecutableFile(atPath: built.path) else {
            throw FixtureError(message: "swift build --product \(name) failed:\n\(result.stderr)")
        }
        return built
    }
}
