#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Findings
import LinkModel
import WasmDecoding

/// The library files in a link's search folders (its `-L` folders and any `--search`
/// folder), found, opened and handed to `Findings` to index: the I/O of the findings.
public enum LibraryFolders {
    /// One library file: where it is, what links it, and what `stat` said when it was read.
    public struct File: Sendable, Hashable {
        public var path: String
        /// `-lc` when the file is `lib<name>.a` in a `-L` folder, otherwise the path.
        public var linkFlag: String
        /// Nil when the file could not be stat'ed.
        public var fingerprint: FileFingerprint?
    }

    /// What one scan read: the files as they were, and the index of what they define.
    public struct Scan: Sendable {
        public var files: [File]
        public var index: LibraryIndex
    }

    /// Scans the `-L` folders of `options` and `searchFolders` (as the process opens them)
    /// for `.a`, `.rlib` and `.o` files, the link's own inputs excluded, and indexes them.
    /// - Parameter previous: the last scan of a session: returned as it is when every library
    ///   file of the folders is the same file, unchanged, so a reload reads no library again.
    public static func scan(options: LinkOptions, searchFolders: [String], reusing previous: Scan? = nil) -> Scan {
        let linkFolders = options.librarySearchPaths
        let files = self.files(folders: linkFolders + searchFolders, linkSearchFolders: Set(linkFolders),
                               exclude: Set(options.inputs.map(\.path)))
        if let previous, previous.files == files { return previous }
        return Scan(files: files, index: LibraryIndex(catalog: catalog(of: files)))
    }

    /// The library files of `folders` (not recursive), in folder order and by name within a
    /// folder; `linkSearchFolders` are the `-L` folders, `exclude` the paths already linked.
    public static func files(folders: [String], linkSearchFolders: Set<String> = [], exclude: Set<String> = []) -> [File] {
        var seen = Set<String>()
        var files: [File] = []
        for folder in folders {
            for name in listFolder(folder).sorted() where name.hasSuffix(".a") || name.hasSuffix(".rlib") || name.hasSuffix(".o") {
                let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
                guard !exclude.contains(path), seen.insert(path).inserted else { continue }
                var flag = path
                if linkSearchFolders.contains(folder), name.hasPrefix("lib"), name.hasSuffix(".a") {
                    flag = "-l" + name.dropFirst(3).dropLast(2)
                }
                files.append(File(path: path, linkFlag: flag, fingerprint: FileFingerprint(path: path)))
            }
        }
        return files
    }

    /// The catalog of `files`, read in order (mapped: an archive's index is all most need).
    public static func catalog(of files: [File]) -> LibraryCatalog {
        var catalog = LibraryCatalog()
        for file in files {
            do {
                catalog.add(try InputFile.open(path: file.path), linkFlag: file.linkFlag)
            } catch {
                catalog.skip(path: file.path, reason: error.description)
            }
        }
        return catalog
    }

    /// The catalog of the library files in `folders`.
    public static func catalog(folders: [String], linkSearchFolders: Set<String> = []) -> LibraryCatalog {
        catalog(of: files(folders: folders, linkSearchFolders: linkSearchFolders))
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
