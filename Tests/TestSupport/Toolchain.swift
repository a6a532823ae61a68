import Foundation

/// The LLVM tools that ship with the Swift toolchain running the tests: `clang` (with the
/// wasm32/wasm64 targets), `wasm-ld`, `llvm-ar`, `llvm-nm`, `llvm-objdump`.
///
/// They are looked up next to the `swift` driver (so a system LLVM earlier on `PATH` does not
/// get in the way), or in `$WASM_UNDEF_TOOLCHAIN_BIN` when set.
public struct Toolchain: Sendable {
    /// The directory holding the tools.
    public let binDirectory: String

    public var clang: String { binDirectory + "/clang" }
    public var wasmLD: String { binDirectory + "/wasm-ld" }
    public var llvmAR: String { binDirectory + "/llvm-ar" }
    public var llvmNM: String { binDirectory + "/llvm-nm" }
    public var llvmObjdump: String { binDirectory + "/llvm-objdump" }

    /// The toolchain found on this machine, or nil (tests that need it are then disabled).
    public static let shared: Toolchain? = locate()

    /// Why `shared` is nil, for test skip messages.
    public static let missingReason = "no Swift toolchain with clang and wasm-ld found next to `swift` (set WASM_UNDEF_TOOLCHAIN_BIN)"

    static func locate() -> Toolchain? {
        let fileManager = FileManager.default
        func usable(_ directory: String) -> Toolchain? {
            let toolchain = Toolchain(binDirectory: directory)
            return fileManager.isExecutableFile(atPath: toolchain.clang) && fileManager.isExecutableFile(atPath: toolchain.wasmLD)
                ? toolchain : nil
        }
        let environment = ProcessInfo.processInfo.environment
        if let directory = environment["WASM_UNDEF_TOOLCHAIN_BIN"] { return usable(directory) }
        for directory in (environment["PATH"] ?? "").split(separator: ":").map(String.init) {
            let swift = directory + "/swift"
            guard fileManager.isExecutableFile(atPath: swift) else { continue }
            let resolved = URL(fileURLWithPath: swift).resolvingSymlinksInPath().deletingLastPathComponent().path
            if let toolchain = usable(resolved) ?? usable(directory) { return toolchain }
        }
        return nil
    }

    /// Compiles one C (`.c`) or assembly (`.s`) file to a wasm object.
    ///
    /// - Parameters:
    ///   - target: `wasm32` (default) or `wasm64`, or a triple such as `wasm32-wasi`.
    ///   - flags: extra clang flags (`-fPIC`, `-matomics`, `-g`…); `-O1` unless an `-O` is given.
    /// - Throws: `ToolError` with clang's output when compilation fails.
    public func compile(_ source: String, to object: String, target: String = "wasm32", flags: [String] = [], sysroot: String? = nil) throws {
        var arguments = ["--target=\(target)", "-c", source, "-o", object]
        if !flags.contains(where: { $0.hasPrefix("-O") }) { arguments.append("-O1") }
        if let sysroot { arguments.append("--sysroot=\(sysroot)") }
        arguments += flags
        try run(clang, arguments).check()
    }

    /// Builds an archive (`llvm-ar rcs`) from objects, in the order given.
    public func archive(_ objects: [String], to archive: String) throws {
        try? FileManager.default.removeItem(atPath: archive)
        try run(llvmAR, ["rcs", archive] + objects).check()
    }

    /// Runs `wasm-ld` with `arguments` in `directory`.
    public func link(_ arguments: [String], in directory: String? = nil) throws -> ProcessResult {
        try run(wasmLD, arguments, in: directory)
    }
}

/// What a finished process left behind.
public struct ProcessResult: Sendable {
    public var status: Int32
    public var standardOutput: String
    public var standardError: String
    public var commandLine: String

    /// Throws unless the process exited 0.
    @discardableResult
    public func check() throws -> ProcessResult {
        guard status == 0 else { throw ToolError(commandLine: commandLine, status: status, output: standardError + standardOutput) }
        return self
    }
}

/// A tool failed.
public struct ToolError: Error, CustomStringConvertible {
    public var commandLine: String
    public var status: Int32
    public var output: String
    public var description: String { "`\(commandLine)` exited \(status):\n\(output)" }
}

/// Runs `executable` with `arguments` (no shell), optionally in `directory`, and collects its
/// output. Output is drained while the process runs, so large outputs cannot dead-lock it.
public func run(_ executable: String, _ arguments: [String], in directory: String? = nil) throws -> ProcessResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    let outputPipe = Pipe(), errorPipe = Pipe()
    process.standardOutput = outputPipe
    process.standardError = errorPipe
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let collector = OutputCollector()
    let group = DispatchGroup()
    for (pipe, isError) in [(outputPipe, false), (errorPipe, true)] {
        group.enter()
        DispatchQueue.global().async {
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            collector.store(data, isError: isError)
            group.leave()
        }
    }
    group.wait()
    process.waitUntilExit()
    let commandLine = ([executable] + arguments).joined(separator: " ")
    return ProcessResult(
        status: process.terminationStatus,
        standardOutput: String(decoding: collector.output, as: UTF8.self),
        standardError: String(decoding: collector.error, as: UTF8.self),
        commandLine: commandLine)
}

private final class OutputCollector: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var output = Data()
    private(set) var error = Data()
    func store(_ data: Data, isError: Bool) {
        lock.lock()
        defer { lock.unlock() }
        if isError { error = data } else { output = data }
    }
}

/// A fresh directory under the system temporary directory, removed when `remove()` is called.
public struct TemporaryDirectory: Sendable {
    public let path: String

    public init(prefix: String = "wasm-undef") throws {
        let base = NSTemporaryDirectory()
        let path = base + (base.hasSuffix("/") ? "" : "/") + "\(prefix)-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        self.path = path
    }

    /// `path/name`.
    public func file(_ name: String) -> String { path + "/" + name }

    public func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// A stable 64-bit FNV-1a digest, for cache keys built from file contents and flags.
public struct ContentHash: Sendable {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func combine(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            state ^= UInt64(byte)
            state = state &* 0x0000_0100_0000_01b3
        }
        // Separator, so ("ab","c") and ("a","bc") differ.
        state ^= 0xff
        state = state &* 0x0000_0100_0000_01b3
    }

    public mutating func combine(_ string: String) { combine(Array(string.utf8)) }

    /// Sixteen hex digits.
    public var hex: String {
        let digits = String(state, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

/// A directory of build products keyed by content hash that survives between test runs
/// (`$TMPDIR/wasm-undef-fixtures/<key>`), so reruns do not recompile unchanged fixtures.
public enum FixtureCache {
    public static var root: String {
        let base = NSTemporaryDirectory()
        return base + (base.hasSuffix("/") ? "" : "/") + "wasm-undef-fixtures"
    }

    /// The directory for `key`, built by `build` into a scratch directory that is then renamed
    /// into place (so a crash mid-build never leaves a half-filled cache entry, and parallel
    /// builders of the same key cannot see each other's partial output).
    public static func directory(for key: String, build: (String) throws -> Void) throws -> String {
        let fileManager = FileManager.default
        let final = root + "/" + key
        if fileManager.fileExists(atPath: final + "/.complete") { return final }
        try fileManager.createDirectory(atPath: root, withIntermediateDirectories: true)
        let scratch = root + "/.building-\(key)-\(UUID().uuidString.prefix(8))"
        try fileManager.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        do {
            try build(scratch)
            fileManager.createFile(atPath: scratch + "/.complete", contents: Data())
            try? fileManager.removeItem(atPath: final)
            try fileManager.moveItem(atPath: scratch, toPath: final)
        } catch {
            try? fileManager.removeItem(atPath: scratch)
            if fileManager.fileExists(atPath: final + "/.complete") { return final }
            throw error
        }
        return final
    }
}
