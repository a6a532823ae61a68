#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The few file-system operations a capture needs, on the C library directly: the wrapper runs
/// on every link, so it stays free of Foundation's start-up cost.
public enum FileSystem {
    /// The reason for the current `errno`, as the system words it.
    static var reason: String { String(cString: strerror(errno)) }

    /// The process's working directory.
    public static func currentDirectory() -> String? {
        guard let path = getcwd(nil, 0) else { return nil }
        defer { free(path) }
        return String(cString: path)
    }

    /// `path` made absolute against `directory` (or the working directory); `.` and `..` are
    /// left as they are, since the file system decides what they mean.
    public static func absolute(_ path: String, from directory: String? = nil) -> String {
        if path.hasPrefix("/") { return path }
        guard let base = directory ?? currentDirectory() else { return path }
        return join(base, path)
    }

    /// `directory/name`, without doubling a slash.
    public static func join(_ directory: String, _ name: String) -> String {
        if directory.isEmpty { return name }
        return directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// The last component of `path`.
    public static func baseName(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        return trimmed.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
    }

    /// Everything before the last component of `path` (`.` for a bare name).
    public static func directoryName(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The canonical path (symbolic links resolved), or nil if it does not exist.
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    public static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    public static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    /// A regular file this process may execute.
    public static func isExecutableFile(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG && access(path, X_OK) == 0
    }

    /// The names in a folder, without `.` and `..`; nil if it cannot be read.
    public static func contentsOfDirectory(_ path: String) -> [String]? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// Creates `path` and its missing parents (`mkdir -p`).
    public static func makeDirectories(_ path: String) throws(CaptureError) {
        if isDirectory(path) { return }
        let parent = directoryName(path)
        if parent != path && parent != "." && parent != "/" { try makeDirectories(parent) }
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw .fileSystem("create the folder", path, reason: reason)
        }
    }

    /// Creates `path`, which must not exist yet. Returns false if it exists.
    static func makeNewDirectory(_ path: String) throws(CaptureError) -> Bool {
        if mkdir(path, 0o755) == 0 { return true }
        if errno == EEXIST { return false }
        throw .fileSystem("create the folder", path, reason: reason)
    }

    /// Removes `path` and everything under it, never following symbolic links.
    public static func removeTree(_ path: String) throws(CaptureError) {
        var status = stat()
        guard lstat(path, &status) == 0 else {
            if errno == ENOENT { return }
            throw .fileSystem("remove", path, reason: reason)
        }
        if (status.st_mode & S_IFMT) == S_IFDIR {
            for name in contentsOfDirectory(path) ?? [] { try removeTree(join(path, name)) }
            if rmdir(path) != 0 { throw .fileSystem("remove", path, reason: reason) }
        } else if unlink(path) != 0 {
            throw .fileSystem("remove", path, reason: reason)
        }
    }

    /// The whole text of a small file, or nil.
    public static func readText(_ path: String) -> String? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            bytes.append(contentsOf: buffer[0..<count])
            if count < buffer.count { break }
        }
        return ferror(file) == 0 ? String(decoding: bytes, as: UTF8.self) : nil
    }

    /// Writes `bytes` to `descriptor`, retrying short writes.
    static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var offset = 0
        while offset < bytes.count {
            let written = write(descriptor, base + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }

    /// Writes `bytes` to a new file at `path` (which must not exist).
    static func writeNewFile(_ path: String, _ bytes: UnsafeRawBufferPointer) throws(CaptureError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .fileSystem("create", path, reason: reason) }
        let ok = writeAll(descriptor, bytes)
        let failure = reason
        close(descriptor)
        if !ok {
            unlink(path)
            throw .fileSystem("write", path, reason: failure)
        }
    }

    /// Writes `text` to `path` through a temporary file in the same folder and a rename, so a
    /// reader sees the old file or the new one, never half of one.
    public static func writeAtomically(_ text: String, to path: String) throws(CaptureError) {
        let written = Array(text.utf8).withUnsafeBytes { bytes in
            Result { () throws(CaptureError) in try writeAtomically(bytes, to: path) }
        }
        try written.get()
    }

    /// Writes `bytes` to `path` through a temporary file in the same folder and a rename;
    /// the file gets `mode`.
    static func writeAtomically(_ bytes: UnsafeRawBufferPointer, to path: String, mode: mode_t = 0o644) throws(CaptureError) {
        var template = Array((join(directoryName(path), ".link-XXXXXX")).utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw .fileSystem("create a temporary file for", path, reason: reason) }
        let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        var ok = writeAll(descriptor, bytes)
        let failure = reason
        fchmod(descriptor, mode)
        ok = close(descriptor) == 0 && ok
        guard ok, rename(temporary, path) == 0 else {
            let renameFailure = ok ? reason : failure
            unlink(temporary)
            throw .fileSystem("write", path, reason: renameFailure)
        }
    }

    /// Whether the file at `path` holds exactly `bytes`.
    static func holds(_ path: String, _ bytes: UnsafeRawBufferPointer) -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, Int(status.st_size) == bytes.count else { return false }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var offset = 0
        while offset < bytes.count {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, min($0.count, bytes.count - offset)) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return false }
            let same = buffer.withUnsafeBytes { memcmp($0.baseAddress!, bytes.baseAddress! + offset, count) == 0 }
            guard same else { return false }
            offset += count
        }
        return true
    }
}
