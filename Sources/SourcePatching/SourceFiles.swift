#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the patcher reads sources from: the seam between "which files" and "how they are
/// scanned", so the scanners and the patch planning stay free of I/O and tests can hand in
/// files of their own.
public protocol SourceFiles {
    /// The file's bytes, or nil when it cannot be read.
    func read(_ path: String) -> [UInt8]?
    /// The files under `directory` (recursively) whose names end in `suffix`, sorted; build
    /// output (`target`) and hidden folders are left out.
    func files(under directory: String, suffix: String) -> [String]
}

/// Sources on disk.
public struct FileSystemSources: SourceFiles {
    public init() {}

    public func read(_ path: String) -> [UInt8]? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let got = fread(&buffer, 1, buffer.count, file)
            if got > 0 { bytes += buffer[0..<got] }
            if got < buffer.count { return ferror(file) == 0 ? bytes : nil }
        }
    }

    public func files(under directory: String, suffix: String) -> [String] {
        var result: [String] = []
        var pending = [directory]
        var visited = 0
        while let folder = pending.popLast(), visited < 10_000 {
            visited += 1
            guard let handle = opendir(folder) else { continue }
            defer { closedir(handle) }
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                if name.hasPrefix(".") || name == "target" { continue }
                let path = folder + "/" + name
                var status = stat()
                guard lstat(path, &status) == 0 else { continue }
                if (status.st_mode & S_IFMT) == S_IFDIR {
                    pending.append(path)
                } else if name.hasSuffix(suffix) {
                    result.append(path)
                }
            }
        }
        return result.sorted()
    }
}
