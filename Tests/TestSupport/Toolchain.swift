import BackgroundThreads
import Foundation

/// The Swift toolchain's LLVM tools (clang 21, wasm-ld, llvm-nm, llvm-objdump, llvm-ar),
/// found next to the `swift` executable on PATH. Debian's LLVM 14 tools may come earlier on
/// PATH, so tools are never looked up by bare name.
public enum Toolchain {
    /// The folder holding `swift`, `clang`, `wasm-ld`…, or nil when `swift` is not on PATH.
    public static let binDirectory: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for entry in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(entry)).appendingPathComponent("swift")
            if FileManager.default.isExecutableFile(atPath: candidate.path) {
                return candidate.resolvingSymlinksInPath().deletingLastPathComponent()
            }
        }
        return nil
    }()

    /// A tool of the toolchain, or nil if it is missing.
    public static func tool(_ name: String) -> URL? {
        guard let url = binDirectory?.appendingPathComponent(name),
              FileManager.default.isExecutableFile(atPath: url.path) else { return nil }
        return url
    }

    public static var clang: URL? { tool("clang") }
    public static var wasmLD: URL? { tool("wasm-ld") }
    public static var llvmNM: URL? { tool("llvm-nm") }
    public static var llvmObjdump: URL? { tool("llvm-objdump") }
    public static var llvmAr: URL? { tool("llvm-ar") }

    /// A rustc that can compile for wasm32-unknown-unknown: `$RUSTC`, else the first `rustc`
    /// on PATH whose sysroot has that target's `libcore`; nil when there is none.
    public static let wasmRustc: String? = {
        let environment = ProcessInfo.processInfo.environment
        var candidates: [String] = []
        if let rustc = environment["RUSTC"] { candidates.append(rustc) }
        for directory in (environment["PATH"] ?? "").split(separator: ":") { candidates.append(String(directory) + "/rustc") }
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate) {
            guard let result = try? Run.program(URL(fileURLWithPath: candidate),
                                                ["--print", "target-libdir", "--target", "wasm32-unknown-unknown"]),
                  result.status == 0 else { continue }
            let directory = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            if files.contains(where: { $0.hasPrefix("libcore-") && $0.hasSuffix(".rlib") }) { return candidate }
        }
        return nil
    }()
}

/// The result of running a program.
public struct ProcessResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
    public var stdoutData: Data
}

/// Runs programs for tests.
public enum Run {
    /// Runs `executable` with `arguments`, optionally feeding `input`, and waits.
    @discardableResult
    public static func program(_ executable: URL, _ arguments: [String], input: Data? = nil,
                               environment: [String: String]? = nil, directory: URL? = nil) throws -> ProcessResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let directory { process.currentDirectoryURL = directory }
        let outPipe = Pipe(), errPipe = Pipe(), inPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        process.standardInput = input == nil ? FileHandle.nullDevice : inPipe
        try process.run()
        // Read both pipes at once so a chatty child cannot block on a full pipe.
        let out = BackgroundThread { outPipe.fileHandleForReading.readDataToEndOfFile() }
        let err = BackgroundThread { errPipe.fileHandleForReading.readDataToEndOfFile() }
        if let input {
            inPipe.fileHandleForWriting.write(input)
            try? inPipe.fileHandleForWriting.close()
        }
        process.waitUntilExit()
        let outData = out.join(), errData = err.join()
        return ProcessResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                             stderr: String(decoding: errData, as: UTF8.self), stdoutData: outData)
    }
}

/// A fresh temporary directory, removed when the value is deinitialised.
public final class TemporaryDirectory: @unchecked Sendable {
    public let url: URL

    public init(prefix: String = "wasm-undef-test") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    public func file(_ name: String) -> URL { url.appendingPathComponent(name) }
}

/// Why a toolchain-based test cannot run.
public struct ToolMissing: Error, CustomStringConvertible {
    public var tool: String
    public init(tool: String) { self.tool = tool }
    public var description: String { "\(tool) not found next to `swift` on PATH" }
}
