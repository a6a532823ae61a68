#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the parser looks at the file system: response files and `-l` searches. A seam for tests.
public struct FileAccess: Sendable {
    /// The contents of a text file, or nil if it cannot be read.
    public var readText: @Sendable (String) -> String?
    /// Whether a file exists.
    public var exists: @Sendable (String) -> Bool

    public init(readText: @escaping @Sendable (String) -> String?, exists: @escaping @Sendable (String) -> Bool) {
        self.readText = readText
        self.exists = exists
    }

    /// The real file system.
    public static let system = FileAccess(
        readText: { path in try? TextFile.read(path).get() },
        exists: { path in access(path, F_OK) == 0 }
    )
}

/// Reads whole small text files (response files, allow lists, `.imports`).
enum TextFile {
    /// The file's text, or the reason it cannot be read in `strerror` wording
    /// (`No such file or directory`), as wasm-ld prints it.
    static func read(_ path: String) -> Result<String, TextFileError> {
        guard let file = fopen(path, "rb") else { return .failure(TextFileError(reason: String(cString: strerror(errno)))) }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count > 0 { bytes.append(contentsOf: buffer[0..<count]) }
            if count < buffer.count {
                if ferror(file) != 0 { return .failure(TextFileError(reason: String(cString: strerror(errno)))) }
                break
            }
        }
        return .success(String(decoding: bytes, as: UTF8.self))
    }
}

struct TextFileError: Error {
    var reason: String
}

extension LinkOptions {
    /// Program names that may start a pasted command line; they are dropped.
    static let linkerNames: Set<String> = ["wasm-ld", "rust-lld", "lld", "wasm-ld.exe", "rust-lld.exe", "lld.exe"]

    /// Parses a wasm-ld command line, as pasted from clang's `-###`/`-v` or rustc's
    /// `--print link-args`: an optional leading linker path, `-flavor wasm`, response files, then
    /// options and inputs exactly as wasm-ld 21 splits them.
    ///
    /// - Throws: `LinkModelError` with kind `.usage` for arguments wasm-ld would reject or that
    ///   are not a link (`--help`), `.unreadableInput` for a library `-l` cannot find, and
    ///   `.notModelled` for `-shared`, `-pie`, `-r` and `--wrap`.
    public static func parse(arguments: [String], files: FileAccess = .system) throws(LinkModelError) -> LinkOptions {
        var options = LinkOptions()
        let (program, flavored, linkArguments) = try splitProgram(arguments)
        // A line that names its program prints with that name (`wasm-ld -flavor wasm` still
        // says `wasm-ld:`); `-flavor wasm` alone is how rustc runs its bundled `rust-lld`.
        options.programName = program ?? (flavored ? "rust-lld" : "wasm-ld")
        let arguments = try ResponseFiles.expand(linkArguments, read: files.readText)

        var wholeArchive = false
        var inLib = false
        var isStatic = false
        var warnOverError: Bool? = nil
        var unresolvedValue: String? = nil
        var pendingLibraries: [(index: Int, name: String, isStatic: Bool)] = []
        var zWarnings: [Diagnostic] = []
        var exportDynamic: Bool? = nil

        for parsed in OptionTable.parse(arguments) {
            switch parsed {
            case .input(let path):
                options.inputs.append(LinkInput(path: path, wholeArchive: wholeArchive, lazy: inLib))
            case .unknown(let argument):
                throw .unknownArgument(argument)
            case .missingValue(let argument):
                throw .missingValue(argument)
            case .option(let id, let value, let spelling):
                let value = value ?? ""
                switch id {
                case .allowUndefined: options.allowUndefined = true
                case .importUndefined: options.importUndefined = true
                case .allowUndefinedFile: options.allowUndefinedFile = value
                case .unresolvedSymbols: unresolvedValue = value
                case .warnUnresolvedSymbols: warnOverError = true
                case .errorUnresolvedSymbols: warnOverError = false
                case .fatalWarnings: options.fatalWarnings = true
                case .noFatalWarnings: options.fatalWarnings = false
                case .export: options.exports.append(value)
                case .exportIfDefined: options.exportIfDefined.append(value)
                case .exportAll: options.exportAll = true
                case .exportDynamic: exportDynamic = true
                case .noExportDynamic: exportDynamic = false
                case .exportTable: options.exportTable = true
                case .entry: options.entry = value
                case .noEntry: options.entry = nil
                case .gcSections: options.gcSections = true
                case .noGCSections: options.gcSections = false
                case .importMemory:
                    if spelling[0].hasSuffix("=") || spelling[0].contains("=") {
                        let parts = value.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false)
                        options.importMemory = ImportName(module: String(parts[0]), name: parts.count > 1 ? String(parts[1]) : "")
                    } else {
                        options.importMemory = ImportName(module: "env", name: "memory")
                    }
                case .importTable: options.importTable = true
                case .sharedMemory: options.sharedMemory = true
                case .errorLimit:
                    guard let limit = Int(value), limit >= 0 else {
                        throw .invalidValue(spelling[0], value, expected: "a number")
                    }
                    options.errorLimit = limit
                case .noinhibitExec: options.noinhibitExec = true
                case .allowMultipleDefinition: options.allowMultipleDefinition = true
                case .noAllowMultipleDefinition: options.allowMultipleDefinition = false
                case .z:
                    if value == "muldefs" {
                        options.allowMultipleDefinition = true
                    } else {
                        if !value.hasPrefix("stack-size=") && !value.hasPrefix("muldefs") {
                            zWarnings.append(Diagnostic(.warning, "unknown -z value: \(value)"))
                        }
                        options.ignoredFlags.append(spelling.joined(separator: " "))
                    }
                case .undefined: options.undefinedNames.append(value)
                case .library:
                    pendingLibraries.append((options.inputs.count, value, isStatic))
                    options.inputs.append(LinkInput(path: "", wholeArchive: wholeArchive, lazy: inLib, library: value))
                case .libraryPath: options.librarySearchPaths.append(value)
                case .wholeArchive: wholeArchive = true
                case .noWholeArchive: wholeArchive = false
                case .startLib:
                    guard !inLib else { throw LinkModelError(kind: .usage, message: "nested --start-lib") }
                    inLib = true
                case .endLib:
                    guard inLib else { throw LinkModelError(kind: .usage, message: "stray --end-lib") }
                    inLib = false
                case .bstatic: isStatic = true
                case .bdynamic: isStatic = false
                case .demangle: options.demangle = true
                case .noDemangle: options.demangle = false
                case .output: options.outputPath = value
                case .machine:
                    switch value {
                    case "wasm32": options.is64 = false
                    case "wasm64": options.is64 = true
                    default: throw LinkModelError(kind: .usage, message: "invalid target architecture: \(value)")
                    }
                case .experimentalPic: options.experimentalPic = true
                case .checkFeatures: options.checkFeatures = true
                case .noCheckFeatures: options.checkFeatures = false
                case .shared: throw .notModelled("-shared")
                case .pie: throw .notModelled("-pie")
                case .noPie: break
                case .relocatable: throw .notModelled("-r (--relocatable)")
                case .wrap: throw .notModelled("--wrap")
                case .help: throw .notALink("--help")
                case .version: throw .notALink("-v/--version")
                case .bsymbolic: options.bsymbolic = true
                case .buildID, .colorDiagnostics, .compressRelocations, .emitRelocs, .ignored, .ignoredWithValue:
                    options.ignoredFlags.append(spelling.joined(separator: " "))
                }
            }
        }

        // Only the last of --warn/--error-unresolved-symbols counts; report-all keeps it.
        let errorOrWarn: UnresolvedMode = warnOverError == true ? .warn : .error
        options.unresolvedSymbols = errorOrWarn
        if let unresolvedValue {
            switch unresolvedValue {
            case "ignore-all": options.unresolvedSymbols = .ignore
            case "import-dynamic": options.unresolvedSymbols = .importDynamic
            case "report-all": break
            default: options.invalidUnresolvedSymbolsValue = unresolvedValue
            }
        }
        if options.allowUndefined {
            options.importUndefined = true
            options.unresolvedSymbols = .ignore
        }
        options.exportDynamic = exportDynamic ?? false
        options.driverDiagnostics = zWarnings

        // -L applies to every -l wherever it appears; .so before .a unless -Bstatic.
        for library in pendingLibraries {
            options.inputs[library.index].path = try findLibrary(
                library.name, in: options.librarySearchPaths, isStatic: library.isStatic, files: files)
        }
        if options.inputs.isEmpty { throw .noInputs() }
        return options
    }

    /// Splits off what comes before the options: a leading linker path (`/x/rust-lld`) and
    /// `-flavor wasm`. Returns the linker's name (without `.exe`), whether `-flavor wasm` was
    /// given, and the rest.
    static func splitProgram(_ arguments: [String]) throws(LinkModelError) -> (program: String?, flavored: Bool, rest: [String]) {
        var arguments = arguments[...]
        var program: String?
        if let first = arguments.first, linkerNames.contains(baseName(first)) {
            program = baseName(first).replacingSuffix(".exe", with: "")
            arguments.removeFirst()
        }
        var flavored = false
        if arguments.first == "-flavor" {
            guard arguments.count >= 2 else { throw .missingValue("-flavor") }
            let flavor = arguments[arguments.startIndex + 1]
            guard flavor == "wasm" else { throw .notALink("-flavor \(flavor) is not the wasm linker") }
            flavored = true
            arguments.removeFirst(2)
        }
        return (program, flavored, Array(arguments))
    }

    /// wasm-ld's `findLibrary`, on top of `searchLibrary`: a shared library is not modelled and
    /// a library found nowhere is an error.
    static func findLibrary(_ name: String, in directories: [String], isStatic: Bool, files: FileAccess) throws(LinkModelError) -> String {
        guard let path = searchLibrary(name, in: directories, isStatic: isStatic, files: files) else {
            throw .libraryNotFound(name)
        }
        if !name.hasPrefix(":") && path.hasSuffix(".so") { throw .notModelled("the shared library \(path) (-l\(name))") }
        return path
    }

    /// wasm-ld's `searchLibrary`: `-l:name` is a file name on the search path; `-lname` is
    /// `libname.so` (unless static) then `libname.a`, directory by directory.
    public static func searchLibrary(_ name: String, in directories: [String], isStatic: Bool, files: FileAccess = .system) -> String? {
        for directory in directories {
            if name.hasPrefix(":") {
                let path = joinPath(directory, String(name.dropFirst()))
                if files.exists(path) { return path }
                continue
            }
            if !isStatic {
                let shared = joinPath(directory, "lib\(name).so")
                if files.exists(shared) { return shared }
            }
            let archive = joinPath(directory, "lib\(name).a")
            if files.exists(archive) { return archive }
        }
        return nil
    }

    public static func joinPath(_ directory: String, _ file: String) -> String {
        directory.isEmpty ? file : (directory.hasSuffix("/") ? directory + file : directory + "/" + file)
    }

    static func baseName(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
    }
}

extension String {
    func replacingSuffix(_ suffix: String, with replacement: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) + replacement : self
    }
}
