import Foundation

/// The programs the differential tests compare against or build fixtures with, found on
/// `PATH`. A missing tool makes the tests that need it skip, with a message saying which.
enum ExternalTool {
    /// Debian's (or any) `llvm-cxxfilt`: the oracle for demangled names.
    static let cxxfilt = onPath("llvm-cxxfilt")
    /// The `llvm-nm` of the Swift toolchain (beside `swift` on `PATH`), which reads wasm
    /// objects and rlibs; `llvm-nm -C` is also a second, newer-LLVM oracle.
    static let nm = besideSwift("llvm-nm")
    /// The toolchain's `clang++`, for the C++ fixture.
    static let clangxx = besideSwift("clang++")
    /// `rustc`, for the v0 fixtures.
    static let rustc = onPath("rustc")

    /// The first executable called `name` in a `PATH` directory.
    static func onPath(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// `name` in the directory of the `swift` found on `PATH` (symlinks resolved).
    static func besideSwift(_ name: String) -> URL? {
        guard let swift = onPath("swift") else { return nil }
        let candidate = swift.resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent(name)
        return FileManager.default.isExecutableFile(atPath: candidate.path) ? candidate : nil
    }

    /// What a finished run printed.
    struct Output {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    /// Runs `tool` to completion. Output goes through temporary files, so a chatty tool
    /// cannot block on a full pipe.
    static func run(
        _ tool: URL, _ arguments: [String], input: URL? = nil, environment: [String: String] = [:]
    ) throws -> Output {
        let scratch = try ScratchDirectory()
        let stdout = scratch.url.appendingPathComponent("stdout")
        let stderr = scratch.url.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: stdout.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderr.path, contents: nil)

        let process = Process()
        process.executableURL = tool
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardInput = try input.map { try FileHandle(forReadingFrom: $0) } ?? FileHandle.nullDevice
        let outHandle = try FileHandle(forWritingTo: stdout)
        let errHandle = try FileHandle(forWritingTo: stderr)
        process.standardOutput = outHandle
        process.standardError = errHandle
        try process.run()
        process.waitUntilExit()
        try outHandle.close()
        try errHandle.close()
        return Output(
            status: process.terminationStatus,
            standardOutput: String(decoding: try Data(contentsOf: stdout), as: UTF8.self),
            standardError: String(decoding: try Data(contentsOf: stderr), as: UTF8.self)
        )
    }
}

/// A temporary directory removed when the value goes away.
final class ScratchDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("wasm-undef-demangling-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}
