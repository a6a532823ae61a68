#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the files a link names are read from.
///
/// A command line names its files by paths, and wasm-ld opens them relative to its working
/// directory. A captured link keeps copies of those files in a capture folder but must still
/// name each file as the command line did, because that name is what wasm-ld prints
/// (`a.o: undefined symbol: f`), what `referenced_by` shows and what tells a user which crate
/// or library a symbol came from. So a path as named can be *redirected* to the file that
/// holds its bytes; names never change, only where the bytes are read.
public struct FileLocations: Sendable, Hashable {
    /// The directory relative paths are opened from (nil: the process's).
    public var workingDirectory: String?
    /// Paths exactly as the command line names them → the files to read instead.
    public var redirects: [String: String]
    /// Only redirected paths exist (a captured link): any other path is missing, rather than
    /// read from wherever a file of that name happens to be today.
    public var redirectsOnly: Bool

    public init(workingDirectory: String? = nil, redirects: [String: String] = [:], redirectsOnly: Bool = false) {
        self.workingDirectory = workingDirectory
        self.redirects = redirects
        self.redirectsOnly = redirectsOnly
    }

    /// The file to open for `path` as named, or nil when it is not available here.
    public func location(of path: String) -> String? {
        if let redirected = redirects[path] { return redirected }
        if redirectsOnly { return nil }
        guard let workingDirectory, !path.hasPrefix("/") else { return path }
        return LinkOptions.joinPath(workingDirectory, path)
    }

    /// Response files and `-l` searches through these locations, for `LinkOptions.parse`.
    public var fileAccess: FileAccess {
        let locations = self
        let system = FileAccess.system
        return FileAccess(
            readText: { path in locations.location(of: path).flatMap(system.readText) },
            exists: { path in locations.location(of: path).map(system.exists) ?? false })
    }

    /// `strerror(ENOENT)`: what wasm-ld says about a file that is not there.
    public static var missingReason: String { String(cString: strerror(ENOENT)) }
}
