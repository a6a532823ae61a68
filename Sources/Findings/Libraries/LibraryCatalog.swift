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

/// The symbols that library files define: the `-L` folders of a link and any `--search`
/// folder (a Rust sysroot's `lib/rustlib/wasm32-…/lib`, a wasi-libc folder). The caller finds
/// and opens the files (`Workspace`'s `LibraryFolders`); the catalog only decodes them.
///
/// Archives are read through their symbol index when they have one (no member is decoded);
/// archives without an index and loose objects are decoded for their defined, non-local
/// symbols. Files that cannot be read are listed in `skipped`.
public struct LibraryCatalog: Sendable {
    public private(set) var definitions: [String: [LibraryDefinition]] = [:]
    /// Files that could not be read, with the reason.
    public private(set) var skipped: [(path: String, reason: String)] = []
    /// Library files read.
    public private(set) var libraries: [String] = []

    public init() {}

    /// Records a file that could not be opened.
    public mutating func skip(path: String, reason: String) {
        skipped.append((path, reason))
    }

    /// Adds one library or object file, opened by the caller; `linkFlag` is what links it
    /// (`-lc`, or its path).
    public mutating func add(_ file: InputFile, linkFlag: String) {
        let path = file.path
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
}

private extension Array where Element: Equatable {
    mutating func appendIfAbsent(_ element: Element) {
        if !contains(element) { append(element) }
    }
}
