import Foundation

/// Builds wasm fixtures from source text with the toolchain's clang and llvm-ar, once per
/// test process, cached by content in a shared temporary folder so repeated test runs reuse
/// them.
public enum Fixtures {
    private static let cache: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wasm-undef-fixtures")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    /// Compiles `source` (C unless `language` says otherwise) to a relocatable object and
    /// returns its path.
    /// - Parameters:
    ///   - language: `c`, `c++` or `assembler` (clang's `-x` values).
    ///   - flags: extra clang flags; the target defaults to `--target=wasm32`.
    public static func object(_ source: String, language: String = "c", flags: [String] = []) throws -> URL {
        guard let clang = Toolchain.clang else { throw ToolMissing(tool: "clang") }
        let allFlags = (flags.contains { $0.hasPrefix("--target=") } ? [] : ["--target=wasm32"]) + flags
        let key = StableHash.hex(of: source + "\u{0}" + language + "\u{0}" + allFlags.joined(separator: "\u{0}"))
        let output = cache.appendingPathComponent("\(key).o")
        if FileManager.default.fileExists(atPath: output.path) { return output }
        let sourceFile = cache.appendingPathComponent("\(key).src")
        try Data(source.utf8).write(to: sourceFile)
        let temporary = cache.appendingPathComponent("\(key).\(UUID().uuidString).tmp")
        let result = try Run.program(clang, allFlags + ["-x", language, "-c", sourceFile.path, "-o", temporary.path])
        guard result.status == 0 else {
            throw FixtureError(message: "clang failed (\(result.status)):\n\(result.stderr)")
        }
        _ = try? FileManager.default.replaceItemAt(output, withItemAt: temporary)
        if !FileManager.default.fileExists(atPath: output.path) { try FileManager.default.moveItem(at: temporary, to: output) }
        return output
    }

    /// Archives `objects` with the toolchain's llvm-ar (`format`: gnu or bsd) under the
    /// given member names.
    /// - Parameter symbolIndex: whether llvm-ar writes the symbol index (it refuses to for a
    ///   member it cannot read).
    public static func archive(_ members: [(name: String, object: URL)], format: String = "gnu", symbolIndex: Bool = true) throws -> URL {
        guard let ar = Toolchain.llvmAr else { throw ToolMissing(tool: "llvm-ar") }
        var description = format + (symbolIndex ? "+index" : "")
        for member in members {
            let contents = try Data(contentsOf: member.object)
            description += "|\(member.name):" + StableHash.hex(of: contents.map { String($0) }.joined(separator: ","))
        }
        let key = StableHash.hex(of: description)
        let output = cache.appendingPathComponent("\(key).a")
        if FileManager.default.fileExists(atPath: output.path) { return output }
        let folder = cache.appendingPathComponent("\(key).members.\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var names: [String] = []
        for member in members {
            let target = folder.appendingPathComponent(member.name)
            try FileManager.default.copyItem(at: member.object, to: target)
            names.append(member.name)
        }
        let temporary = cache.appendingPathComponent("\(key).\(UUID().uuidString).tmp")
        let result = try Run.program(ar, [symbolIndex ? "rcs" : "rcS", "--format=\(format)", temporary.path] + names, directory: folder)
        guard result.status == 0 else { throw FixtureError(message: "llvm-ar failed:\n\(result.stderr)") }
        if !FileManager.default.fileExists(atPath: output.path) { try FileManager.default.moveItem(at: temporary, to: output) }
        return output
    }
}

public struct FixtureError: Error, CustomStringConvertible {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}
