#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An immutable run of bytes that decoded values point into.
///
/// Decoded payloads are lazy windows onto a storage, so the storage must live as long as any
/// window does; it is a class for that reason only. The bytes come from a memory-mapped file
/// (nothing is read until a page is touched) or from a heap copy (standard input, tests,
/// drip-fed chunks). `origin` is the absolute offset of the first byte in the input it came
/// from, so every offset a reader reports is an offset in the user's file.
public final class ByteStorage: @unchecked Sendable {
    /// The first byte. Never dereferenced when `count` is 0.
    public let base: UnsafeRawPointer
    /// Number of bytes.
    public let count: Int
    /// Absolute offset of `base[0]` in the input this storage was read from.
    public let origin: Int
    private let release: Release

    private enum Release {
        case none
        case deallocate(UnsafeMutableRawPointer)
        case unmap(UnsafeMutableRawPointer, Int)
    }

    private init(base: UnsafeRawPointer, count: Int, origin: Int, release: Release) {
        self.base = base
        self.count = count
        self.origin = origin
        self.release = release
    }

    deinit {
        switch release {
        case .none: break
        case .deallocate(let pointer): pointer.deallocate()
        case .unmap(let pointer, let length): munmap(pointer, length)
        }
    }

    /// A heap copy of `bytes`, whose first byte sits at `origin` in its input.
    public convenience init(copying bytes: some Collection<UInt8>, origin: Int = 0) {
        let count = bytes.count
        let memory = UnsafeMutableRawPointer.allocate(byteCount: max(count, 1), alignment: 16)
        var index = 0
        for byte in bytes {
            memory.storeBytes(of: byte, toByteOffset: index, as: UInt8.self)
            index += 1
        }
        self.init(base: UnsafeRawPointer(memory), count: count, origin: origin, release: .deallocate(memory))
    }

    /// A heap copy of raw memory.
    public convenience init(copying buffer: UnsafeRawBufferPointer, origin: Int = 0) {
        let memory = UnsafeMutableRawPointer.allocate(byteCount: max(buffer.count, 1), alignment: 16)
        if let source = buffer.baseAddress, buffer.count > 0 {
            memory.copyMemory(from: source, byteCount: buffer.count)
        }
        self.init(base: UnsafeRawPointer(memory), count: buffer.count, origin: origin, release: .deallocate(memory))
    }

    /// Maps the file read-only. The kernel pages it in on first touch, so opening a 100 MB
    /// module costs nothing until a section is read, and peak memory stays with what is read.
    ///
    /// - Throws: `FileError` when the file cannot be opened, is not a regular file, or cannot be mapped.
    /// - Parameter populate: fault every page in while mapping (`MAP_POPULATE`): cheaper than
    ///   faulting them one by one when the whole file is about to be read (a reload digesting
    ///   every section), wasteful when only headers are (a first look at a large module).
    public static func map(path: String, populate: Bool = false) throws(FileError) -> ByteStorage {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileError(path: path, errno: errno, action: "open") }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw FileError(path: path, errno: errno, action: "stat") }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            if (status.st_mode & S_IFMT) == S_IFDIR { throw FileError(path: path, errno: EISDIR, action: "read") }
            // Pipes and devices cannot be mapped: read them instead.
            return try readAll(descriptor: descriptor, path: path)
        }
        let length = Int(status.st_size)
        if length == 0 { return ByteStorage(copying: EmptyCollection<UInt8>()) }
        #if canImport(Glibc)
        let flags = MAP_PRIVATE | (populate ? MAP_POPULATE : 0)
        #else
        let flags = MAP_PRIVATE
        #endif
        guard let mapped = mmap(nil, length, PROT_READ, flags, descriptor, 0), mapped != MAP_FAILED else {
            throw FileError(path: path, errno: errno, action: "map")
        }
        return ByteStorage(base: UnsafeRawPointer(mapped), count: length, origin: 0, release: .unmap(mapped, length))
    }

    /// Reads a whole file into memory (no mapping): for inputs that may be rewritten in place
    /// while we look at them, where a mapping could fault on a truncated page.
    public static func read(path: String) throws(FileError) -> ByteStorage {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileError(path: path, errno: errno, action: "open") }
        defer { close(descriptor) }
        return try readAll(descriptor: descriptor, path: path)
    }

    /// The size of `path` when it is a regular file (nil: missing, or a pipe or device).
    static func regularFileSize(path: String) -> Int? {
        var status = stat()
        guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(status.st_size)
    }

    /// Reads from `descriptor` until end of file.
    static func readAll(descriptor: Int32, path: String) throws(FileError) -> ByteStorage {
        var capacity = 1 << 16
        var used = 0
        var memory = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        while true {
            if used == capacity {
                let bigger = UnsafeMutableRawPointer.allocate(byteCount: capacity * 2, alignment: 16)
                bigger.copyMemory(from: memory, byteCount: used)
                memory.deallocate()
                memory = bigger
                capacity *= 2
            }
            let got = systemRead(descriptor, memory + used, capacity - used)
            if got == 0 { break }
            if got < 0 {
                if errno == EINTR { continue }
                let code = errno
                memory.deallocate()
                throw FileError(path: path, errno: code, action: "read")
            }
            used += got
        }
        return ByteStorage(base: UnsafeRawPointer(memory), count: used, origin: 0, release: .deallocate(memory))
    }

    /// The whole storage as a window.
    public var window: ByteWindow { ByteWindow(storage: self, start: 0, end: count) }
}

/// A file could not be opened, read or mapped.
public struct FileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path as the user gave it.
    public var path: String
    /// The C `errno` value.
    public var errno: Int32
    /// What was being attempted: `open`, `read`, `stat`, `map`.
    public var action: String

    public init(path: String, errno: Int32, action: String) {
        self.path = path
        self.errno = errno
        self.action = action
    }

    public var description: String {
        "\(path): cannot \(action): \(String(cString: strerror(errno)))"
    }
}

/// `read(2)` under a name that does not clash with `ByteStorage.read(path:)`.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
