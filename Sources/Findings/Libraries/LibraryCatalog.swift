#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import WasmDecoding

/// Where a library on a search path defines a symbol.
public struct LibraryDefinition: Sendable, Hashable {
    /// The library file (`/usr/lib/wasm32-wasi/libc.a`).
    public let path: String
    /// The member that defines it, for archives.
    public let member: String?
    /// What to add to the link line: `-lc` when the file is `lib<name>.a` in a `-L`
    /// folder, otherwise the path.
    public let linkFlag: String

    /// `libc.a(printf.o)` / `crt1.o`.
    public let displayName: String

    public init(path: String, member: String?, linkFlag: String) {
        self.init(path: path, member: member, linkFlag: linkFlag, fileName: Self.fileName(path))
    }

    /// For a catalog, which makes one definition per member and shares it among the
    /// member's names.
    init(path: String, member: String?, linkFlag: String, fileName: String) {
        self.path = path
        self.member = member
        self.linkFlag = linkFlag
        displayName = member.map { fileName + "(" + $0 + ")" } ?? fileName
    }

    /// `libc.a` for `/usr/lib/wasm32-wasi/libc.a`.
    static func fileName(_ path: String) -> String {
        path.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(path[path.utf8.index(after: $0)...]) } ?? path
    }
}

/// The symbols that the libraries in some folders define: the `-L` folders of a link and
/// any `--search` folder (a Rust sysroot's `lib/rustlib/wasm32-…/lib`, a wasi-libc folder).
///
/// Archives are read through their symbol index when they have one (no member is decoded);
/// archives without an index and loose objects are decoded for their defined, non-local
/// symbols. Unreadable files are skipped and listed in `skipped`.
public struct LibraryCatalog: Sendable {
    public private(set) var definitions: [String: [LibraryDefinition]] = [:]
    /// Files that could not be read, with the reason.
    public private(set) var skipped: [(path: String, reason: String)] = []
    /// Library files scanned.
    public private(set) var libraries: [String] = []

    public init() {}

    /// Scans `folders` (not recursively) for `.a`, `.rlib` and `.o` files. `linkSearchFolders`
    /// are the `-L` folders, where `lib<name>.a` is offered as `-l<name>`. `exclude` lists
    /// paths already on the link line.
    public init(folders: [String], linkSearchFolders: Set<String> = [], exclude: Set<String> = []) {
        self.init(files: Self.libraryFiles(folders: folders, linkSearchFolders: linkSearchFolders, exclude: exclude))
    }

    /// Reads `files` (as `libraryFiles` lists them), in order.
    public init(files: [(path: String, linkFlag: String)]) {
        for file in files { add(path: file.path, linkFlag: file.linkFlag) }
    }

    /// The library files `init(folders:linkSearchFolders:exclude:)` reads, in its order, each
    /// with the flag that links it.
    public static func libraryFiles(folders: [String], linkSearchFolders: Set<String> = [],
                                    exclude: Set<String> = []) -> [(path: String, linkFlag: String)] {
        var seen = Set<String>()
        var files: [(path: String, linkFlag: String)] = []
        for folder in folders {
            for name in listFolder(folder).sorted() where name.hasSuffix(".a") || name.hasSuffix(".rlib") || name.hasSuffix(".o") {
                let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
                guard !exclude.contains(path), seen.insert(path).inserted else { continue }
                var flag = path
                if linkSearchFolders.contains(folder), name.hasPrefix("lib"), name.hasSuffix(".a") {
                    flag = "-l" + name.dropFirst(3).dropLast(2)
                }
                files.append((path, flag))
            }
        }
        return files
    }

    /// What a file's catalog entry was read from: its identity, size and modification time.
    /// Equal stamps for every file of the folders mean a catalog read again would be equal.
    public struct FileStamp: Sendable, Hashable {
        public var path: String
        public var linkFlag: String
        var device: UInt64 = 0, inode: UInt64 = 0, size: Int64 = -1, modified: Int64 = 0

        /// The stamp of `path` now (size -1 when it cannot be read).
        public init(path: String, linkFlag: String) {
            self.path = path
            self.linkFlag = linkFlag
            var status = stat()
            guard stat(path, &status) == 0 else { return }
            device = UInt64(status.st_dev)
            inode = UInt64(status.st_ino)
            size = Int64(status.st_size)
            modified = Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec)
        }
    }

    /// Adds one library or object file.
    public mutating func add(path: String, linkFlag: String) {
        let file: InputFile
        do {
            file = try InputFile(path: path)
        } catch {
            skipped.append((path, error.description))
            return
        }
        libraries.append(path)
        let fileName = LibraryDefinition.fileName(path)
        func definition(_ member: String?) -> LibraryDefinition {
            LibraryDefinition(path: path, member: member, linkFlag: linkFlag, fileName: fileName)
        }
        do throws(DecodeError) {
            switch file.kind {
            case .archive:
                let archive = try Archive(file.window)
                if !archive.index.isEmpty {
                    let members = Dictionary(archive.members.map { ($0.headerOffset, definition($0.name)) }, uniquingKeysWith: { a, _ in a })
                    let unknownMember = definition(nil)
                    definitions.reserveCapacity(definitions.count + archive.index.count)
                    for entry in archive.index {
                        record(entry.name, members[entry.memberHeaderOffset] ?? unknownMember)
                    }
                } else {
                    for member in archive.members where member.hasWasmMagic {
                        let binary = try member.binary()
                        guard binary.isRelocatable else { continue }
                        let memberDefinition = definition(member.name)
                        for symbol in try member.object(from: binary).symbols where symbol.isDefined && !symbol.isLocal {
                            record(symbol.name, memberDefinition)
                        }
                    }
                }
            case .object:
                for symbol in try ObjectFile(try WasmBinary(file.window)).symbols where symbol.isDefined && !symbol.isLocal {
                    record(symbol.name, definition(nil))
                }
            default:
                break
            }
        } catch {
            skipped.append((path, InputError(path: path, reason: .decode(error)).description))
        }
    }

    private mutating func record(_ name: String, _ definition: LibraryDefinition) {
        // One lookup: most names are defined once.
        definitions[name, default: []].appendIfAbsent(definition)
    }

    /// Libraries that define `name`, in scan order.
    public func definitions(of name: String) -> [LibraryDefinition] {
        definitions[name] ?? []
    }

    private static func listFolder(_ folder: String) -> [String] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}

private extension Array where Element: Equatable {
    mutating func appendIfAbsent(_ element: Element) {
        if !contains(element) { append(element) }
    }
}
