#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The folder of captures (`$WASM_UNDEF_CAPTURE_DIR`, else `./.wasm-undef/captures`): listing,
/// finding one by name, pruning old ones.
///
/// Only folders named as the wrapper names them (`20260520-101112.345-app.wasm`) are
/// captures; anything else in the folder is left alone, by listing and pruning alike.
public struct CaptureStore: Sendable {
    /// The folder holding the captures.
    public var root: String

    public init(root: String) {
        self.root = root
    }

    /// The folder the wrapper writes to, seen from this process: `$WASM_UNDEF_CAPTURE_DIR`,
    /// else `.wasm-undef/captures` in the working directory.
    public static func current(variable: (String) -> String? = { getenv($0).map { String(cString: $0) } }) -> CaptureStore {
        let chosen = variable(LinkCapture.rootVariable).flatMap { $0.isEmpty ? nil : $0 }
        return CaptureStore(root: chosen ?? LinkCapture.defaultRoot)
    }

    /// One capture folder of the store.
    public struct Entry: Sendable {
        /// The folder's name (`20260520-101112.345-app.wasm`).
        public var name: String
        public var folder: String
        /// The manifest, or why it cannot be read (a capture still being written, or
        /// interrupted, has none yet).
        public var manifest: Result<CaptureManifest, CaptureError>
    }

    /// Every capture, oldest first (the names start with the time).
    public func entries() -> [Entry] {
        (FileSystem.contentsOfDirectory(root) ?? [])
            .filter(Self.isCaptureName)
            .map { name in
                let folder = FileSystem.join(root, name)
                let manifest: Result<CaptureManifest, CaptureError> = Result { () throws(CaptureError) in
                    try CapturedLink.open(folder).manifest
                }
                return Entry(name: name, folder: folder, manifest: manifest)
            }
            .filter { FileSystem.isDirectory($0.folder) }
    }

    /// The capture `name` stands for: a capture folder, its `link.json`, the name of a
    /// capture in this store, or `latest` (also when `name` is nil).
    public func find(_ name: String?) throws(CaptureError) -> CapturedLink {
        guard let name, name != "latest" else {
            guard let newest = entries().last(where: { (try? $0.manifest.get()) != nil }) else { throw .noCaptures(in: root) }
            return try CapturedLink.open(newest.folder)
        }
        if FileSystem.isDirectory(name), FileSystem.exists(FileSystem.join(name, LinkCapture.manifestName)) {
            return try CapturedLink.open(name)
        }
        if FileSystem.baseName(name) == LinkCapture.manifestName, FileSystem.exists(name) {
            return try CapturedLink.open(FileSystem.directoryName(name))
        }
        let inStore = FileSystem.join(root, name)
        if !name.contains("/"), FileSystem.exists(FileSystem.join(inStore, LinkCapture.manifestName)) {
            return try CapturedLink.open(inStore)
        }
        throw .notFound(name, root: root)
    }

    /// Removes all but the newest `keep` captures, and the stored contents only they held;
    /// returns the names removed.
    public func prune(keep: Int) throws(CaptureError) -> [String] {
        let all = entries()
        var removed: [String] = []
        for entry in all.dropLast(max(0, keep)) {
            try FileSystem.removeTree(entry.folder)
            removed.append(entry.name)
        }
        SharedFiles(root: root).removeUnused()
        return removed
    }

    /// `20260520-101112.345-…`: the stamp `Timestamp.folderStamp` writes, then a dash.
    static func isCaptureName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard bytes.count > 20 else { return false }
        func digits(_ range: Range<Int>) -> Bool { range.allSatisfy { bytes[$0] >= 0x30 && bytes[$0] <= 0x39 } }
        return digits(0..<8) && bytes[8] == UInt8(ascii: "-") && digits(9..<15) && bytes[15] == UInt8(ascii: ".")
            && digits(16..<19) && bytes[19] == UInt8(ascii: "-")
    }
}
