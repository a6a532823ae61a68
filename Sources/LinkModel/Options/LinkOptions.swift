/// How wasm-ld treats undefined symbols that nothing exempts (`--unresolved-symbols`, the
/// warn/error flags and `--allow-undefined`, reduced as in §2 of the semantics page).
public enum UnresolvedMode: String, Sendable, Hashable, CaseIterable, Codable {
    /// `report-all` with errors: the default.
    case error
    /// `--warn-unresolved-symbols`.
    case warn
    /// `--unresolved-symbols=ignore-all` (also what `--allow-undefined` sets).
    case ignore
    /// `--unresolved-symbols=import-dynamic`.
    case importDynamic = "import-dynamic"
}

/// One input of the link, in command-line order.
public struct LinkInput: Sendable, Hashable {
    /// The path as wasm-ld would open it (for `-l`, the file found on the search path).
    public var path: String
    /// Inside `--whole-archive` … `--no-whole-archive`.
    public var wholeArchive: Bool
    /// Inside `--start-lib` … `--end-lib`: objects loaded lazily, like archive members.
    public var lazy: Bool
    /// The `-l` spelling this input came from (`c` for `-lc`), if any.
    public var library: String?

    public init(path: String, wholeArchive: Bool = false, lazy: Bool = false, library: String? = nil) {
        self.path = path
        self.wholeArchive = wholeArchive
        self.lazy = lazy
        self.library = library
    }
}

/// The link options that decide what happens to undefined symbols, as wasm-ld understands them.
///
/// Built from a real command line (`LinkOptions.parse(arguments:)`) or from a policy name and a
/// list of files (`LinkOptions(files:policy:allowFile:)`). Everything wasm-ld accepts but the
/// model does not use is kept in `ignoredFlags`, so a report can show it.
public struct LinkOptions: Sendable, Hashable {
    /// Inputs in command-line order.
    public var inputs: [LinkInput] = []
    /// `-L` directories, in order.
    public var librarySearchPaths: [String] = []

    /// The effective mode after all of §2's rules.
    public var unresolvedSymbols: UnresolvedMode = .error
    /// `--import-undefined`, or implied by `--allow-undefined`.
    public var importUndefined = false
    /// `--allow-undefined` was given (it already set `unresolvedSymbols` and `importUndefined`).
    public var allowUndefined = false
    /// The last `--allow-undefined-file=`; earlier ones are ignored as wasm-ld ignores them.
    public var allowUndefinedFile: String?
    /// `--fatal-warnings` (last of it and `--no-fatal-warnings`).
    public var fatalWarnings = false
    /// `--error-limit=`; 0 means no limit.
    public var errorLimit = 20

    /// `--export=` names, in order.
    public var exports: [String] = []
    /// `--export-if-defined=` names, in order.
    public var exportIfDefined: [String] = []
    /// `--export-all`.
    public var exportAll = false
    /// `--export-dynamic` (last of it and `--no-export-dynamic`).
    public var exportDynamic = false
    /// `--export-table`.
    public var exportTable = false
    /// The entry symbol; nil after `--no-entry`.
    public var entry: String? = "_start"
    /// `--gc-sections` (the default) or `--no-gc-sections`.
    public var gcSections = true
    /// `--import-memory[=module,name]`: the memory import's module and name.
    public var importMemory: ImportName?
    /// `--import-table`.
    public var importTable = false
    /// `--shared-memory` (makes `__tls_size`, `__tls_align`, `__wasm_init_tls` linker-defined).
    public var sharedMemory = false
    /// `-z muldefs` or `--allow-multiple-definition`: the first definition wins.
    public var allowMultipleDefinition = false
    /// `-Bsymbolic` (only a warning without `-shared`).
    public var bsymbolic = false
    /// `--noinhibit-exec`: duplicate definitions are warnings.
    public var noinhibitExec = false
    /// `--undefined=`/`-u` names, in order.
    public var undefinedNames: [String] = []
    /// `--demangle` (default) or `--no-demangle`.
    public var demangle = true
    /// `--experimental-pic` (silences the import-dynamic warning).
    public var experimentalPic = false
    /// `--check-features` (default) or `--no-check-features`.
    public var checkFeatures = true
    /// `-m wasm64`.
    public var is64: Bool?
    /// `-o`.
    public var outputPath: String?
    /// The program name that prefixes every diagnostic (`wasm-ld`, or `rust-lld` with `-flavor wasm`).
    public var programName = "wasm-ld"

    /// An `--unresolved-symbols=` value wasm-ld rejects: the link stops with
    /// `unknown --unresolved-symbols value: X` before reading symbols.
    public var invalidUnresolvedSymbolsValue: String?
    /// Set for `report FILES…` without a link line: `entry` is a root only if some input defines
    /// it, and its absence is not diagnosed (as if `--no-entry` had been passed). Without an
    /// entry, every definition of the command-line objects is a root (`rootsAllDefinitions`),
    /// so a lone object's undefined references are all examined.
    public var entryIsOptional = false
    /// In a prediction's options: the files-mode rule above applied (no entry was defined).
    public var rootsAllDefinitions = false

    /// Accepted by wasm-ld but not modelled, in command-line spelling.
    public var ignoredFlags: [String] = []
    /// Diagnostics the driver prints before reading any input (`unknown -z value: …`, an unknown
    /// `--unresolved-symbols` value), in wasm-ld's order.
    public var driverDiagnostics: [Diagnostic] = []

    public init() {}

    /// A module/name pair.
    public struct ImportName: Sendable, Hashable, Codable {
        public var module: String
        public var name: String
        public init(module: String, name: String) {
            self.module = module
            self.name = name
        }
    }
}

/// One line wasm-ld would print, without the `wasm-ld: error: ` prefix; continuation lines
/// (`>>> …`) are part of `text`, separated by newlines.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Codable {
        case error, warning
    }

    public var severity: Severity
    public var text: String

    public init(_ severity: Severity, _ text: String) {
        self.severity = severity
        self.text = text
    }

    /// `error: a.o: undefined symbol: foo`.
    public var description: String { "\(severity.rawValue): \(text)" }
}
