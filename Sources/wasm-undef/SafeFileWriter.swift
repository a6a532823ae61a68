#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files the way every wasm-undef output does: into a temporary file in the same
/// folder, flushed, then renamed into place, so a reader never sees half a file and a
/// failure (read-only folder, full disk) leaves the old file as it was. An existing file is
/// replaced only when the caller says so.
enum SafeFileWriter {
    /// Writes `bytes` to `path`.
    /// - Throws: `ToolError` (exit 2) when `path` exists and `overwrite` is false, or when
    ///   any step fails; the message names the path and the system's reason.
    static func write(_ bytes: [UInt8], to path: String, overwrite: Bool) throws {
        if !overwrite, access(path, F_OK) == 0 {
            throw ToolError(message: "\(path) exists; pass --force to replace it")
        }
        let folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        var template = Array(((folder.isEmpty ? "/" : folder + "/") + ".wasm-undef-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw failure("cannot create a temporary file in \(folder.isEmpty ? "/" : folder)") }
        let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        var ok = bytes.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 { if errno == EINTR { continue }; return false }
                offset += written
            }
            return true
        }
        let writeError = errno
        ok = ok && fsync(descriptor) == 0
        fchmod(descriptor, 0o644)
        close(descriptor)
        guard ok else {
            unlink(temporary)
            errno = writeError
            throw failure("cannot write \(path)")
        }
        guard rename(temporary, path) == 0 else {
            let error = failure("cannot move the new file into place at \(path)")
            unlink(temporary)
            throw error
        }
    }

    static func createDirectory(_ path: String) throws {
        if mkdir(path, 0o755) != 0, errno != EEXIST {
            throw failure("cannot create \(path)")
        }
    }

    private static func failure(_ what: String) -> ToolError {
        ToolError(message: "\(what): \(String(cString: strerror(errno)))")
    }
}
