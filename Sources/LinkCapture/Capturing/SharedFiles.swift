#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The files that several captures hold, stored once.
///
/// A build captures the same libraries on every link (wasi-libc's `libc.a`, a Rust
/// toolchain's `libstd` rlib, tens of megabytes): each distinct content lives once in the
/// captures folder's `.files/` (named by digest and size, read-only) and each capture's
/// `files/NN-name` is a hard link to it. Where a link cannot be made (another file system, a
/// file system without links) the capture gets a plain copy, as before.
struct SharedFiles {
    /// `<captures>/.files`: not a capture name, so listing and pruning pass it by.
    let folder: String

    static let folderName = ".files"

    init(root: String) {
        folder = FileSystem.join(root, Self.folderName)
    }

    /// Creates `path` (which must not exist) holding `bytes`: a hard link to the stored copy
    /// of the same bytes, which is stored first if no capture has stored it yet.
    func place(_ bytes: UnsafeRawBufferPointer, digest: UInt64, at path: String) throws(CaptureError) {
        let shared = FileSystem.join(folder, LinkCapture.hex(digest) + "-" + String(bytes.count))
        if storedCopy(shared, of: bytes), link(shared, path) == 0 { return }
        try FileSystem.writeNewFile(path, bytes)
    }

    /// Whether `shared` holds `bytes`, storing them there if it did not exist.
    private func storedCopy(_ shared: String, of bytes: UnsafeRawBufferPointer) -> Bool {
        if FileSystem.exists(shared) { return FileSystem.holds(shared, bytes) }
        do {
            try FileSystem.makeDirectories(folder)
            // A temporary file and a rename: a wrapper running beside this one (a parallel
            // build) sees no stored file or a whole one.
            try FileSystem.writeAtomically(bytes, to: shared, mode: 0o444)
            return true
        } catch {
            return false
        }
    }

    /// Removes the stored files that no capture links to any more; returns how many.
    @discardableResult
    func removeUnused() -> Int {
        var removed = 0
        for name in FileSystem.contentsOfDirectory(folder) ?? [] where !name.hasPrefix(".") {
            let path = FileSystem.join(folder, name)
            var status = stat()
            guard lstat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, status.st_nlink == 1 else { continue }
            if unlink(path) == 0 { removed += 1 }
        }
        return removed
    }
}
