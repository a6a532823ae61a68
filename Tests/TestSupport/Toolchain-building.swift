import Foundation

/// Building and linking whole fixture directories (several objects, archives, side files) with
/// the toolchain's clang, llvm-ar and wasm-ld.
extension Toolchain {
    /// Compiles one C (`.c`), C++ (`.cc`/`.cpp`) or assembly (`.s`) file to a wasm object;
    /// `-O1` unless an `-O` flag is given, `--target=wasm32` unless a `--target=` is given.
    /// - Throws: `ToolMissing`, or `FixtureError` with clang's output.
    public static func compile(_ source: String, to object: String, flags: [String] = [], in directory: String? = nil) throws {
        guard let clang else { throw ToolMissing(tool: "clang") }
        var arguments: [String] = []
        if !flags.contains(where: { $0.hasPrefix("--target=") }) { arguments.append("--target=wasm32") }
        if !flags.contains(where: { $0.hasPrefix("-O") }) { arguments.append("-O1") }
        arguments += flags + ["-c", source, "-o", object]
        let result = try Run.program(clang, arguments, directory: directory.map { URL(fileURLWithPath: $0) })
        guard result.status == 0 else {
            throw FixtureError(message: "clang \(arguments.joined(separator: " ")) failed (\(result.status)):\n\(result.stderr)")
        }
    }

    /// `llvm-ar rcs archive objects…` (member names are the objects' file names).
    public static func archive(_ objects: [String], to archive: String, in directory: String? = nil) throws {
        guard let llvmAr else { throw ToolMissing(tool: "llvm-ar") }
        if let directory { try? FileManager.default.removeItem(atPath: directory + "/" + archive) }
        let result = try Run.program(llvmAr, ["rcs", archive] + objects, directory: directory.map { URL(fileURLWithPath: $0) })
        guard result.status == 0 else { throw FixtureError(message: "llvm-ar failed:\n\(result.stderr)") }
    }

    /// Runs wasm-ld with `arguments` in `directory` and returns its exit status and output.
    public static func link(_ arguments: [String], in directory: String) throws -> ProcessResult {
        guard let wasmLD else { throw ToolMissing(tool: "wasm-ld") }
        return try Run.program(wasmLD, arguments, directory: URL(fileURLWithPath: directory))
    }
}

/// A directory of build products that survives between test runs
/// (`$TMPDIR/wasm-undef-fixtures/<key>`), keyed by a digest of everything that went into it, so
/// reruns skip unchanged fixtures.
public enum FixtureDirectory {
    public static var root: String {
        FileManager.default.temporaryDirectory.appendingPathComponent("wasm-undef-fixtures").path
    }

    /// The directory for `key`. `build` fills a scratch directory that is then renamed into
    /// place, so an interrupted build never leaves a half-filled entry and two processes building
    /// the same key cannot see each other's partial output.
    public static func directory(for key: String, build: (String) throws -> Void) throws -> String {
        let fileManager = FileManager.default
        let final = root + "/" + key
        if fileManager.fileExists(atPath: final + "/.complete") { return final }
        try fileManager.createDirectory(atPath: root, withIntermediateDirectories: true)
        let scratch = root + "/.building-\(key)-\(UUID().uuidString.prefix(8))"
        try fileManager.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        do {
            try build(scratch)
            _ = fileManager.createFile(atPath: scratch + "/.complete", contents: Data())
        } catch {
            try? fileManager.removeItem(atPath: scratch)
            throw error
        }
        // Another process (or test) may have finished the same key meanwhile: never replace a
        // complete entry, it may be in use.
        if (try? fileManager.moveItem(atPath: scratch, toPath: final)) == nil {
            if fileManager.fileExists(atPath: final + "/.complete") {
                try? fileManager.removeItem(atPath: scratch)
                return final
            }
            try? fileManager.removeItem(atPath: final)
            try fileManager.moveItem(atPath: scratch, toPath: final)
        }
        return final
    }

    /// A stable digest of the named files' names and contents, plus `extra`.
    public static func key(files: [String], extra: [String] = []) -> String {
        var text = extra.joined(separator: "\u{0}")
        for file in files.sorted() {
            text += "\u{1}" + file + "\u{2}"
            if let data = FileManager.default.contents(atPath: file) { text += String(decoding: data, as: UTF8.self) }
        }
        return StableHash.hex(of: text)
    }
}
