/// The files a wasm-ld command line makes the linker read, found as wasm-ld finds them: inputs
/// in order, libraries through `-L`/`-l`, and the allow file. For tools that copy or watch a
/// link's files, such as the capture wrapper.
///
/// Unlike `LinkOptions.parse`, listing never fails: a line wasm-ld rejects (an unknown
/// option, `-shared`, a library it cannot find) still names files, and those are exactly the
/// ones worth keeping to see why the link failed. The `.imports` file beside an archive is not
/// listed, because only the bytes tell an archive from an object: see
/// `LinkOptions.importsSideFile(of:)`.
public struct LinkFileList: Sendable, Hashable {
    /// One file the linker reads.
    public struct File: Sendable, Hashable {
        /// Why the linker reads it.
        public enum Role: String, Sendable, Hashable {
            /// An input named on the command line (object, archive, `#STUB` file).
            case input
            /// An input found for `-l` on the `-L` path.
            case library
            /// The (last) `--allow-undefined-file`.
            case allowFile = "allow-file"
        }

        /// The path as the linker opens it, relative to its working directory (for `-l`, the
        /// file found on the search path).
        public var path: String
        public var role: Role
        /// The `-l` spelling the file was found for (`c` for `-lc`).
        public var library: String?

        public init(path: String, role: Role, library: String? = nil) {
            self.path = path
            self.role = role
            self.library = library
        }
    }

    /// Every file in command-line order; a file named twice is listed twice.
    public var files: [File] = []
    /// `-l` names found in no `-L` directory (wasm-ld stops with `unable to find library`).
    public var missingLibraries: [String] = []
    /// The `-o` file the linker writes (not read), if given.
    public var output: String?

    public init(files: [File] = [], missingLibraries: [String] = [], output: String? = nil) {
        self.files = files
        self.missingLibraries = missingLibraries
        self.output = output
    }
}

extension LinkOptions {
    /// The files `arguments` make wasm-ld read: a leading linker path and `-flavor wasm` are
    /// skipped and response files expanded as `parse(arguments:files:)` does, and options are
    /// split by the same option table, so a value is never mistaken for an input.
    public static func files(named arguments: [String], files: FileAccess = .system) -> LinkFileList {
        var arguments = (try? splitProgram(arguments))?.rest ?? arguments
        arguments = (try? ResponseFiles.expand(arguments, read: files.readText)) ?? arguments
        var list = LinkFileList()
        var directories: [String] = []
        var libraries: [(index: Int, name: String, isStatic: Bool)] = []
        var isStatic = false
        var allowFile: String?
        for parsed in OptionTable.parse(arguments) {
            guard case .option(let id, let value, _) = parsed else {
                if case .input(let path) = parsed { list.files.append(LinkFileList.File(path: path, role: .input)) }
                continue
            }
            switch id {
            case .library: libraries.append((list.files.count, value ?? "", isStatic))
            case .libraryPath: directories.append(value ?? "")
            case .bstatic: isStatic = true
            case .bdynamic: isStatic = false
            case .allowUndefinedFile: allowFile = value
            case .output: list.output = value
            default: break
            }
        }
        // -L applies to every -l wherever it appears, so libraries are found at the end.
        for library in libraries.reversed() {
            if let path = searchLibrary(library.name, in: directories, isStatic: library.isStatic, files: files) {
                list.files.insert(LinkFileList.File(path: path, role: .library, library: library.name), at: library.index)
            } else {
                list.missingLibraries.insert(library.name, at: 0)
            }
        }
        if let allowFile { list.files.append(LinkFileList.File(path: allowFile, role: .allowFile)) }
        return list
    }

    /// The `.imports` file wasm-ld reads beside an archive (`libc.a` → `libc.imports`): its
    /// names are allowed to be undefined (lld's `path::replace_extension`).
    public static func importsSideFile(of archivePath: String) -> String {
        let slash = archivePath.lastIndex(of: "/")
        let fileStart = slash.map { archivePath.index(after: $0) } ?? archivePath.startIndex
        if let dot = archivePath[fileStart...].lastIndex(of: "."), dot != fileStart {
            return String(archivePath[..<dot]) + ".imports"
        }
        return archivePath + ".imports"
    }
}
