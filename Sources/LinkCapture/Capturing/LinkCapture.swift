#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import LinkModel
import WasmDecoding

/// One link being captured: a new folder under the captures folder holding `link.json` and a
/// copy of every file the linker reads (`files/NN-name`; a content several captures hold is
/// stored once, see `SharedFiles`).
///
/// Capturing never decides anything about the link: it reads what the command line names,
/// and every failure (a full disk, an unreadable file) is recorded in `problems` instead of
/// thrown, so the wrapper can warn and let the real linker run exactly as it would have.
public struct LinkCapture: Sendable {
    /// The capture folder (absolute), or nil when none could be made or the command line
    /// names no file (`--version`).
    public private(set) var folder: String?
    /// What was recorded, as written to `link.json`.
    public private(set) var manifest: CaptureManifest
    /// Where the copies' contents are stored once for all captures.
    private var shared: SharedFiles? = nil

    /// The default folder of captures, relative to the linker's working directory.
    public static let defaultRoot = ".wasm-undef/captures"
    /// The environment variable that replaces `defaultRoot`.
    public static let rootVariable = "WASM_UNDEF_CAPTURE_DIR"
    /// The manifest's file name inside a capture folder.
    public static let manifestName = "link.json"

    /// Captures the link `arguments` (after the program name) describe.
    /// - Parameters:
    ///   - invokedAs: the wrapper's `argv[0]`.
    ///   - linker: the real linker that will run.
    ///   - root: the folder of captures (relative paths are relative to `workingDirectory`).
    ///   - workingDirectory: the linker's working directory (absolute).
    ///   - started: when the link started, for the manifest and the folder name.
    public static func capture(arguments: [String], invokedAs: String, linker: RealLinker?, root: String,
                               workingDirectory: String, started: Timestamp = .now()) -> LinkCapture {
        var problems: [String] = []
        var expanded = arguments
        // Response files, `-l` searches and side files, relative to the linker's folder.
        let files = FileLocations(workingDirectory: workingDirectory).fileAccess
        do {
            expanded = try ResponseFiles.expand(arguments, read: files.readText)
        } catch {
            problems.append("response files not expanded: \(error.message)")
        }
        let named = LinkOptions.files(named: expanded, files: files)
        var manifest = CaptureManifest(
            created: started.iso8601, invokedAs: invokedAs, workingDirectory: workingDirectory, arguments: arguments,
            expandedArguments: expanded, linker: linker, output: named.output,
            missingLibraries: named.missingLibraries, problems: problems)
        guard !named.files.isEmpty || !named.missingLibraries.isEmpty else {
            return LinkCapture(folder: nil, manifest: manifest)
        }

        let folder: String
        let root = FileSystem.absolute(root, from: workingDirectory)
        do {
            folder = try makeFolder(root: root,
                                    name: started.folderStamp + "-" + safeName(FileSystem.baseName(named.output ?? "a.out")))
            try FileSystem.makeDirectories(FileSystem.join(folder, "files"))
        } catch {
            manifest.problems.append(error.message)
            return LinkCapture(folder: nil, manifest: manifest)
        }

        var capture = LinkCapture(folder: folder, manifest: manifest, shared: SharedFiles(root: root))
        var seen: Set<String> = []
        for file in named.files where seen.insert(file.path).inserted {
            let role: CapturedFile.Role = switch file.role {
            case .input: .input
            case .library: .library
            case .allowFile: .allowFile
            }
            let (copied, isArchive) = capture.copy(file.path, role: role, library: file.library)
            capture.manifest.files.append(copied)
            // wasm-ld reads `X.imports` beside every archive X it links, if there is one.
            let sideFile = LinkOptions.importsSideFile(of: file.path)
            if isArchive, FileSystem.exists(FileSystem.absolute(sideFile, from: workingDirectory)), seen.insert(sideFile).inserted {
                capture.manifest.files.append(capture.copy(sideFile, role: .imports, library: nil).file)
            }
        }
        capture.writeManifest()
        return capture
    }

    /// Records how the real link ended and rewrites `link.json`.
    public mutating func finish(_ result: LinkResult) {
        manifest.result = result
        writeManifest()
    }

    /// Problems worth a warning: anything that kept a file the linker reads out of the capture,
    /// except a file that does not exist, which the linker reports itself.
    public var problems: [String] { manifest.problems }

    private mutating func writeManifest() {
        guard let folder else { return }
        do {
            try FileSystem.writeAtomically(manifest.json, to: FileSystem.join(folder, Self.manifestName))
        } catch {
            if !manifest.problems.contains(error.message) { manifest.problems.append(error.message) }
        }
    }

    /// Copies one file into `files/`, digesting it on the way.
    private mutating func copy(_ path: String, role: CapturedFile.Role, library: String?) -> (file: CapturedFile, isArchive: Bool) {
        var file = CapturedFile(path: path, role: role, library: library)
        guard let folder else { return (file, false) }
        let source = FileSystem.absolute(path, from: manifest.workingDirectory)
        // Read, not mapped: a file rewritten while we copy must not fault the wrapper.
        let storage: ByteStorage
        do {
            storage = try ByteStorage.read(path: source)
        } catch {
            file.error = String(cString: strerror(error.errno))
            if error.errno != ENOENT { manifest.problems.append("cannot read \(path): \(file.error ?? "")") }
            return (file, false)
        }
        let bytes = UnsafeRawBufferPointer(start: storage.base, count: storage.count)
        let stored = "files/" + Self.padded(manifest.files.count) + "-" + Self.safeName(FileSystem.baseName(path))
        let digest = ContentDigest.digest(bytes)
        do {
            if let shared {
                try shared.place(bytes, digest: digest, at: FileSystem.join(folder, stored))
            } else {
                try FileSystem.writeNewFile(FileSystem.join(folder, stored), bytes)
            }
        } catch {
            file.error = error.message
            manifest.problems.append(error.message)
            return (file, false)
        }
        file.stored = stored
        file.size = storage.count
        file.digest = Self.hex(digest)
        let isArchive = storage.count >= 8 && Array(bytes.prefix(8)) == Array("!<arch>\n".utf8)
        return (file, isArchive)
    }

    /// Creates `root/name`, or `root/name-2`… when a link in the same millisecond took it.
    private static func makeFolder(root: String, name: String) throws(CaptureError) -> String {
        try FileSystem.makeDirectories(root)
        for attempt in 1...100 {
            let candidate = FileSystem.join(root, attempt == 1 ? name : "\(name)-\(attempt)")
            if try FileSystem.makeNewDirectory(candidate) { return candidate }
        }
        throw .fileSystem("create a capture folder in", root, reason: "too many captures named \(name)")
    }

    /// A file name made of safe characters (`/`, spaces and controls become `_`).
    static func safeName(_ name: String) -> String {
        let safe = name.unicodeScalars.map { scalar -> Character in
            let allowed = (scalar.value >= 0x30 && scalar.value <= 0x39) || (scalar.value >= 0x41 && scalar.value <= 0x5a)
                || (scalar.value >= 0x61 && scalar.value <= 0x7a) || "._+-".unicodeScalars.contains(scalar)
            return allowed ? Character(scalar) : "_"
        }
        let text = String(safe.prefix(100))
        return text.isEmpty || text == "." || text == ".." ? "_" : text
    }

    /// `007`: copies list in command-line order.
    static func padded(_ number: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
