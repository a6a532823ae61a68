#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The linker `wasm-undef-ld` stands in for, and how it found it.
///
/// The wrapper must never change what gets linked, so it looks for the linker the caller would
/// have run:
/// 1. `$WASM_UNDEF_REAL_LINKER`: a path, or a name looked up on `PATH`.
/// 2. Called lld-style (`-flavor wasm` first), as rustc calls a linker for wasm targets:
///    `rust-lld` on `PATH`, where rustc puts its own sysroot's `rust-lld` first.
/// 3. Called by clang (`-fuse-ld=/path/to/wasm-undef-ld`): the `wasm-ld` beside that clang,
///    which is the one clang itself would have run.
/// 4. `wasm-ld` on `PATH`, then `rust-lld` on `PATH`.
///
/// The wrapper itself is never chosen, whatever name it is installed under.
public struct RealLinker: Sendable, Hashable {
    /// The program to run (also its `argv[0]`: lld picks its flavor and its message prefix from it).
    public var path: String
    /// Arguments to put before the link's own: `-flavor wasm` for `rust-lld`/`lld`, which
    /// need it when the caller did not pass it.
    public var leadingArguments: [String]
    /// Which rule found it, for the manifest (`WASM_UNDEF_REAL_LINKER`, `PATH`…).
    public var foundBy: String

    public init(path: String, leadingArguments: [String] = [], foundBy: String) {
        self.path = path
        self.leadingArguments = leadingArguments
        self.foundBy = foundBy
    }

    /// The name the linker prefixes its messages with: its file name, as lld does.
    public var programName: String {
        let name = FileSystem.baseName(path)
        return name.hasSuffix(".exe") ? String(name.dropLast(4)) : name
    }

    /// What the wrapper needs to know about its surroundings (a seam for tests).
    public struct Environment: Sendable {
        /// An environment variable.
        public var variable: @Sendable (String) -> String?
        /// The canonical path of the running wrapper, to never run it again.
        public var ownPath: String?
        /// The canonical path of the program that started the wrapper (clang, rustc…).
        public var parentPath: String?

        public init(variable: @escaping @Sendable (String) -> String?, ownPath: String?, parentPath: String?) {
            self.variable = variable
            self.ownPath = ownPath
            self.parentPath = parentPath
        }

        /// This process's environment (Linux `/proc` tells the executables).
        public static var current: Environment {
            Environment(
                variable: { name in getenv(name).map { String(cString: $0) } },
                ownPath: FileSystem.realPath("/proc/self/exe"),
                parentPath: FileSystem.realPath("/proc/\(getppid())/exe"))
        }
    }

    /// The real linker for a link called with `arguments` (after the program name), or nil.
    public static func find(arguments: [String], environment: Environment = .current) -> RealLinker? {
        let calledWithFlavor = arguments.first == "-flavor"
        func make(_ path: String, _ foundBy: String) -> RealLinker {
            var linker = RealLinker(path: path, foundBy: foundBy)
            let name = linker.programName
            if !calledWithFlavor, name == "rust-lld" || name == "lld" { linker.leadingArguments = ["-flavor", "wasm"] }
            return linker
        }
        func isSelf(_ path: String) -> Bool {
            guard let own = environment.ownPath else { return false }
            return FileSystem.realPath(path) == own
        }
        func onPath(_ name: String) -> String? {
            for directory in (environment.variable("PATH") ?? "").split(separator: ":", omittingEmptySubsequences: false) {
                let candidate = FileSystem.join(directory.isEmpty ? "." : String(directory), name)
                if FileSystem.isExecutableFile(candidate) && !isSelf(candidate) { return candidate }
            }
            return nil
        }

        if let chosen = environment.variable("WASM_UNDEF_REAL_LINKER"), !chosen.isEmpty {
            let path = chosen.contains("/") ? chosen : onPath(chosen)
            if let path, FileSystem.isExecutableFile(path), !isSelf(path) { return make(path, "WASM_UNDEF_REAL_LINKER") }
            return nil
        }
        if calledWithFlavor, let path = onPath("rust-lld") { return make(path, "PATH (rust-lld: called as rustc calls its linker)") }
        if let parent = environment.parentPath, FileSystem.baseName(parent).hasPrefix("clang") {
            let beside = FileSystem.join(FileSystem.directoryName(parent), "wasm-ld")
            if FileSystem.isExecutableFile(beside) && !isSelf(beside) { return make(beside, "beside the calling clang") }
        }
        if let path = onPath("wasm-ld") { return make(path, "PATH") }
        if let path = onPath("rust-lld") { return make(path, "PATH") }
        return nil
    }

    /// Why no linker was found, for the wrapper's error line.
    public static func notFoundMessage(environment: Environment = .current) -> String {
        if let chosen = environment.variable("WASM_UNDEF_REAL_LINKER"), !chosen.isEmpty {
            return "WASM_UNDEF_REAL_LINKER=\(chosen) is not an executable linker (and not wasm-undef-ld itself)"
        }
        return "no real linker found: put wasm-ld or rust-lld on PATH, or set WASM_UNDEF_REAL_LINKER"
    }
}
