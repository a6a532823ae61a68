import Foundation
import TestSupport
import Testing

/// One case of the differential suite: a folder under `Cases/` with sources and a `case.txt`
/// manifest.
///
/// Manifest lines (`#` lines before the first directive describe the case):
///
///     object NAME.o SOURCE [clang flags…]     compile SOURCE (.c, .cc, .s) to NAME.o
///     rust NAME.o SOURCE.rs [rustc flags…]    compile a Rust crate to NAME.o (wasm32-unknown-unknown,
///                                             cdylib, -O); the case is left out when no rustc on
///                                             this machine has that target
///     archive [DIR/]LIB.a SOURCE|OBJECT|FILE…  compile sources, then llvm-ar them (and any
///                                             other file as it is) in that order
///     link ARGS…                              the link line (inputs and fixed flags), minus -o
///     flags ARGS…                             an extra flag set (repeatable)
///     matrix standard|none                    run the standard flag sets (default) or only `flags`
///
/// Every other file of the folder (allow lists, `.imports` side files, `#STUB` libraries) is
/// copied next to the objects.
struct LinkCase: Sendable, CustomTestStringConvertible {
    struct Object: Sendable {
        var output: String
        var source: String
        var flags: [String]
    }

    struct ArchiveSpec: Sendable {
        var output: String
        var members: [String]
    }

    var name: String
    var directory: String
    var description: String
    var objects: [Object] = []
    var rustObjects: [Object] = []
    var archives: [ArchiveSpec] = []
    var link: [String] = []
    var extraFlagSets: [[String]] = []
    var standardMatrix = true

    var testDescription: String { name }

    static var casesDirectory: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Cases").path
    }

    /// Every case folder, sorted by name.
    /// - Throws: when the folder cannot be listed or a case's `case.txt` is missing or
    ///   malformed: a broken case fails the suite, it never silently drops out of it.
    static func all() throws -> [LinkCase] {
        let root = casesDirectory
        return try FileManager.default.contentsOfDirectory(atPath: root).sorted().map { try LinkCase(directory: root + "/" + $0) }
    }

    /// Why this case cannot run on this machine (a Rust case without a rustc for wasm32).
    var unavailable: String? {
        rustObjects.isEmpty || RustCompiler.wasm32 != nil ? nil
            : "no rustc with the wasm32 target (set RUSTC, or install one) for the Rust objects of \(name)"
    }

    init(directory: String) throws {
        self.directory = directory
        name = URL(fileURLWithPath: directory).lastPathComponent
        let text = try String(contentsOfFile: directory + "/case.txt", encoding: .utf8)
        var descriptionLines: [String] = []
        var seenDirective = false
        for rawLine in text.split(separator: "\n") {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            if line.hasPrefix("#") {
                if !seenDirective { descriptionLines.append(line.dropFirst().trimmingCharacters(in: .whitespaces)) }
                continue
            }
            seenDirective = true
            let words = line.split(separator: " ").map(String.init)
            switch words[0] {
            case "object": objects.append(Object(output: words[1], source: words[2], flags: Array(words.dropFirst(3))))
            case "rust": rustObjects.append(Object(output: words[1], source: words[2], flags: Array(words.dropFirst(3))))
            case "archive": archives.append(ArchiveSpec(output: words[1], members: Array(words.dropFirst(2))))
            case "link": link = Array(words.dropFirst())
            case "flags": extraFlagSets.append(Array(words.dropFirst()))
            case "matrix": standardMatrix = words.count > 1 && words[1] == "standard"
            default: throw FixtureError(message: "\(name)/case.txt: unknown directive \(words[0])")
            }
        }
        description = descriptionLines.joined(separator: " ")
    }

    /// Whether the case ships an `allow.txt` (the allow-file flag sets use it).
    var hasAllowFile: Bool { FileManager.default.fileExists(atPath: directory + "/allow.txt") }

    /// The flag sets this case is linked with.
    var flagSets: [[String]] {
        var sets: [[String]] = standardMatrix ? FlagMatrix.standard : []
        if standardMatrix && hasAllowFile { sets += FlagMatrix.withAllowFile }
        return sets + extraFlagSets
    }

    /// Builds the case's objects and archives (cached by content) and returns the directory
    /// holding them, which is also where the links run.
    func build() throws -> String {
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
        let key = "case-" + name + "-" + FixtureDirectory.key(
            files: files.map { directory + "/" + $0 }, extra: ["v1", Toolchain.binDirectory?.path ?? "", RustCompiler.wasm32 ?? ""])
        return try FixtureDirectory.directory(for: key) { scratch in
            let fileManager = FileManager.default
            for file in files where file != "case.txt" {
                try fileManager.copyItem(atPath: directory + "/" + file, toPath: scratch + "/" + file)
            }
            for object in objects {
                try Toolchain.compile(object.source, to: object.output, flags: object.flags, in: scratch)
            }
            for object in rustObjects {
                try RustCompiler.compile(object.source, to: object.output, flags: object.flags, in: scratch)
            }
            for archive in archives {
                let memberDirectory = ".members/" + archive.output.replacingOccurrences(of: "/", with: "_")
                try fileManager.createDirectory(atPath: scratch + "/" + memberDirectory, withIntermediateDirectories: true)
                var members: [String] = []
                for member in archive.members {
                    let sourceExtensions = ["c", "cc", "cpp", "s"]
                    if !sourceExtensions.contains(URL(fileURLWithPath: member).pathExtension) {
                        members.append(member)   // an object built above, or a file added as it is
                    } else {
                        let object = memberDirectory + "/" + URL(fileURLWithPath: member).deletingPathExtension().lastPathComponent + ".o"
                        try Toolchain.compile(member, to: object, in: scratch)
                        members.append(object)
                    }
                }
                let folder = URL(fileURLWithPath: scratch + "/" + archive.output).deletingLastPathComponent().path
                try fileManager.createDirectory(atPath: folder, withIntermediateDirectories: true)
                try Toolchain.archive(members, to: archive.output, in: scratch)
            }
        }
    }
}

/// The flag sets every case is linked with (§1's columns and the interactions of §2).
enum FlagMatrix {
    static let standard: [[String]] = [
        [],
        ["--warn-unresolved-symbols"],
        ["--unresolved-symbols=ignore-all"],
        ["--import-undefined"],
        ["--allow-undefined"],
        ["--unresolved-symbols=import-dynamic"],
        ["--no-gc-sections"],
        ["--warn-unresolved-symbols", "--import-undefined"],
        ["--allow-undefined", "--unresolved-symbols=report-all"],
        ["--fatal-warnings", "--warn-unresolved-symbols"],
        ["--no-gc-sections", "--allow-undefined"],
        ["--no-gc-sections", "--warn-unresolved-symbols"],
        ["--error-limit=1"],
        ["--unresolved-symbols=import-dynamic", "--experimental-pic"],
        ["--unresolved-symbols=import-dynamic", "--fatal-warnings"],
    ]

    /// Added for cases that ship an `allow.txt`.
    static let withAllowFile: [[String]] = [
        ["--allow-undefined-file=allow.txt"],
        ["--allow-undefined-file=allow.txt", "--unresolved-symbols=ignore-all"],
        ["--allow-undefined-file=allow.txt", "--warn-unresolved-symbols", "--no-gc-sections"],
    ]
}

/// A rustc that can compile for wasm32-unknown-unknown: `$RUSTC`, else the first `rustc` on
/// PATH whose sysroot has that target's `libcore`.
enum RustCompiler {
    static var wasm32: String? { Toolchain.wasmRustc }

    static func compile(_ source: String, to object: String, flags: [String], in directory: String) throws {
        guard let rustc = wasm32 else { throw ToolMissing(tool: "rustc with the wasm32-unknown-unknown target") }
        let arguments = ["--target", "wasm32-unknown-unknown", "--crate-type=cdylib", "--emit=obj", "-O"] + flags + [source, "-o", object]
        let result = try Run.program(URL(fileURLWithPath: rustc), arguments, directory: URL(fileURLWithPath: directory))
        guard result.status == 0 else { throw FixtureError(message: "rustc \(arguments.joined(separator: " ")) failed:\n\(result.stderr)") }
    }
}
