import LinkModel

/// `link.json`: what `wasm-undef-ld` recorded about one real link, schema
/// `wasm-undef.capture/1`. Enough to run the same link again from the capture folder: the
/// arguments exactly as the linker got them, the folder relative paths are relative to, and a
/// copy of every file the linker reads under its original name.
public struct CaptureManifest: Sendable, Hashable {
    public static let schema = "wasm-undef.capture/1"
    /// The digest of every copied file: xxHash64 (seed 0) of its bytes, 16 hex digits. Fast
    /// enough for every link, and enough to tell whether a file changed since; not meant to
    /// resist tampering.
    public static let digestAlgorithm = "xxh64"

    /// When the link started (`2026-05-20T10:11:12.345Z`).
    public var created: String
    /// How the wrapper was run (its `argv[0]`).
    public var invokedAs: String
    /// The linker's working directory: relative paths in the arguments are relative to it.
    public var workingDirectory: String
    /// The arguments after the program name, exactly as the wrapper got them.
    public var arguments: [String]
    /// `arguments` with every `@response` file expanded: the link as the linker reads it.
    public var expandedArguments: [String]
    /// The real linker that ran, or nil when none was found.
    public var linker: RealLinker?
    /// `-o`, as given.
    public var output: String?
    /// Every file the linker reads, in command-line order, each once.
    public var files: [CapturedFile]
    /// `-l` names found in no `-L` folder (the linker fails on them too).
    public var missingLibraries: [String]
    /// What went wrong while capturing (the link ran regardless), one line each.
    public var problems: [String]
    /// The real link's result; nil while it runs, or when the wrapper was stopped before it ended.
    public var result: LinkResult?

    public init(created: String, invokedAs: String, workingDirectory: String, arguments: [String],
                expandedArguments: [String], linker: RealLinker?, output: String?, files: [CapturedFile] = [],
                missingLibraries: [String] = [], problems: [String] = [], result: LinkResult? = nil) {
        self.created = created
        self.invokedAs = invokedAs
        self.workingDirectory = workingDirectory
        self.arguments = arguments
        self.expandedArguments = expandedArguments
        self.linker = linker
        self.output = output
        self.files = files
        self.missingLibraries = missingLibraries
        self.problems = problems
        self.result = result
    }

    /// The name wasm-ld prefixes its messages with in this link (`wasm-ld`, `rust-lld`).
    public var programName: String { linker?.programName ?? "wasm-ld" }
}

/// One file the linker reads, and its copy.
public struct CapturedFile: Sendable, Hashable {
    /// Why the linker reads it.
    public enum Role: String, Sendable, Hashable, CaseIterable {
        /// An input named on the command line.
        case input
        /// An input found for `-l` on the `-L` path.
        case library
        /// The `.imports` file beside an archive input.
        case imports
        /// The `--allow-undefined-file`.
        case allowFile = "allow-file"
    }

    /// The path as the linker opens it (relative to the working directory), which is also the
    /// name every diagnostic uses.
    public var path: String
    public var role: Role
    /// The `-l` spelling it was found for.
    public var library: String?
    /// The copy, relative to the capture folder; nil when it could not be copied.
    public var stored: String?
    /// Size in bytes of the copy.
    public var size: Int?
    /// `CaptureManifest.digestAlgorithm` of the bytes, lowercase hex.
    public var digest: String?
    /// Why there is no copy.
    public var error: String?

    public init(path: String, role: Role, library: String? = nil, stored: String? = nil, size: Int? = nil,
                digest: String? = nil, error: String? = nil) {
        self.path = path
        self.role = role
        self.library = library
        self.stored = stored
        self.size = size
        self.digest = digest
        self.error = error
    }

    /// The Rust crate of an `.rlib` (`libserde-1a2b.rlib` → `serde`).
    public var crateName: String? { InputSummary.crateName(ofRustLibrary: path) }
}

/// How the real link ended.
public struct LinkResult: Sendable, Hashable {
    /// The exit status; nil when a signal ended the linker.
    public var exitStatus: Int?
    /// The signal that ended the linker.
    public var signal: Int?
    /// Wall time of the link, in milliseconds.
    public var milliseconds: Int

    public init(exitStatus: Int?, signal: Int? = nil, milliseconds: Int) {
        self.exitStatus = exitStatus
        self.signal = signal
        self.milliseconds = milliseconds
    }

    /// The link succeeded.
    public var succeeded: Bool { exitStatus == 0 }

    /// `ok`, `failed (exit 1)`, `killed (signal 9)`.
    public var summary: String {
        if let exitStatus { return exitStatus == 0 ? "ok" : "failed (exit \(exitStatus))" }
        return "killed (signal \(signal ?? 0))"
    }
}
