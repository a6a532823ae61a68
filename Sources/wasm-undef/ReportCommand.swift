import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif
import Synchronization
import Workspace
import Findings
import LinkCapture
import LinkModel
import Reporting
import SourceLocations

/// The inputs and policy of `report` and `imports`: files plus `--policy`, a wasm-ld command
/// line after `--`, or a link captured by wasm-undef-ld (`--capture`).
struct LinkArguments: ParsableArguments {
    @Option(help: "Policy for undefined symbols: error (wasm-ld's default), import (--import-undefined) or allow (--allow-undefined). With `--`, replaces the policy flags of the link line.")
    var policy: PolicyName?

    @Option(name: .customLong("allow-file"), help: "An --allow-undefined-file list: one symbol name a line.")
    var allowFile: String?

    @Option(help: "Entry symbol (files mode; default: _start if an input defines it).")
    var entry: String?

    @Flag(name: .customLong("no-entry"), help: "No entry symbol (files mode).")
    var noEntry = false

    @Option(name: .customLong("export"), help: "A name to export, as --export= (files mode; repeatable).")
    var exports: [String] = []

    @Flag(name: .customLong("no-gc-sections"), help: "Keep dead code, as --no-gc-sections (files mode).")
    var noGCSections = false

    @Option(help: ArgumentHelp("A link captured by wasm-undef-ld: its folder, its link.json, its name in the captures folder ($WASM_UNDEF_CAPTURE_DIR, else .wasm-undef/captures), or latest. Its inputs keep their original names.", valueName: "capture"))
    var capture: String?

    @Option(name: .customLong("search"), help: ArgumentHelp("A folder of libraries to look in for undefined symbols and near-miss names, besides the link's -L folders (repeatable): a Rust sysroot's lib/rustlib/wasm32-…/lib, a wasi-libc folder.", valueName: "dir"))
    var searchFolders: [String] = []

    /// Files, or `-- <wasm-ld arguments>`: ArgumentParser allows one positional array, so
    /// the terminator is kept (`captureForPassthrough`) and split off here.
    @Argument(parsing: .captureForPassthrough, help: "Objects, archives and #STUB files in link order, after the options; or -- followed by a wasm-ld command line (as clang -v or rustc --print link-args show it).")
    var inputs: [String] = []

    var files: [String] {
        guard let terminator = inputs.firstIndex(of: "--") else { return inputs }
        return Array(inputs[..<terminator])
    }

    var linkerArguments: [String] {
        guard let terminator = inputs.firstIndex(of: "--") else { return [] }
        return Array(inputs[(terminator + 1)...])
    }

    func validate() throws {
        if let misplaced = files.first(where: { $0.hasPrefix("-") && $0 != "-" }) {
            throw ValidationError("\(misplaced): options go before the input files (or put a wasm-ld command line after --)")
        }
        if capture != nil {
            if !files.isEmpty || !linkerArguments.isEmpty { throw ValidationError("give either --capture or input files / a wasm-ld command line, not both") }
            if entry != nil || noEntry || !exports.isEmpty || noGCSections {
                throw ValidationError("--entry, --no-entry, --export and --no-gc-sections apply to files mode; a capture has its own link line")
            }
            return
        }
        if !files.isEmpty && !linkerArguments.isEmpty { throw ValidationError("give either input files or a wasm-ld command line after --, not both") }
        if !linkerArguments.isEmpty && (entry != nil || noEntry || !exports.isEmpty || noGCSections) {
            throw ValidationError("--entry, --no-entry, --export and --no-gc-sections apply to files mode; put them in the link line after --")
        }
    }

    /// `report` and `imports` need inputs; the TUI opens the demo without.
    func requireInputs() throws {
        if capture == nil && files.isEmpty && linkerArguments.isEmpty {
            throw ValidationError("give input files, or a wasm-ld command line after --")
        }
    }

    var policyLabel: String { policy?.rawValue ?? "error" }

    /// The options and the policy to predict under.
    func optionsAndPolicy() throws -> (LinkOptions, UndefinedPolicy) {
        do {
            return try makeOptions()
        } catch {
            throw ToolError(message: error.message, exitCode: 2)
        }
    }

    /// The options, resolved link and the policy to predict under.
    /// - Parameter whileResolving: called with the options before the (slower) resolution
    ///   starts, to start work that can run beside it.
    func resolve(whileResolving: (LinkOptions) -> Void = { _ in }) throws -> (ResolvedLink, UndefinedPolicy) {
        if let capture {
            return try CaptureCommands.resolve(try CaptureCommands.find(capture), policy: policy, allowFile: allowFile)
        }
        let result: Result<(ResolvedLink, UndefinedPolicy), LinkModelError> = Result { () throws(LinkModelError) in
            let (options, policy) = try makeOptions()
            whileResolving(options)
            return (try ResolvedLink.resolve(options), policy)
        }
        switch result {
        case .success(let value): return value
        case .failure(let error): throw ToolError(message: error.message, exitCode: 2)
        }
    }

    private func makeOptions() throws(LinkModelError) -> (LinkOptions, UndefinedPolicy) {
        var options: LinkOptions
        if linkerArguments.isEmpty {
            options = LinkOptions(files: files, policy: policy ?? .error, allowFile: allowFile)
            if let entry {
                options.entry = entry
                options.entryIsOptional = false
            }
            if noEntry { options.entry = nil }
            options.exports = exports
            options.gcSections = !noGCSections
        } else {
            options = try LinkOptions.parse(arguments: linkerArguments)
        }
        let policy = LinkArguments.policy(of: &options, overriddenBy: self.policy, allowFile: allowFile)
        return (options, policy)
    }

    /// The policy of `options` with `--policy` and `--allow-file` applied to both.
    static func policy(of options: inout LinkOptions, overriddenBy name: PolicyName?, allowFile: String?) -> UndefinedPolicy {
        var policy = options.policy
        if let name {
            policy = UndefinedPolicy(name, allowFile: policy.allowFile)
        }
        if let allowFile { policy.allowFile = AllowList(path: allowFile, names: nil) }
        options.apply(policy)
        return policy
    }
}

extension PolicyName: ExpressibleByArgument {}
extension FixIt.Language: ExpressibleByArgument {}

/// `wasm-undef report`: what wasm-ld would do with every undefined symbol of a link.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Predict what wasm-ld does with every undefined symbol of a link.",
        discussion: """
            wasm-undef report [--policy P] [--allow-file F] [--format text|json] FILES...
            wasm-undef report [--format text|json] -- <wasm-ld arguments>
            wasm-undef report [--policy P] [--format text|json] --capture CAPTURE
            wasm-undef report --fix rust|c|allow-file FILES...

            Exit status: 0 wasm-ld would succeed, 1 it would fail, 2 usage error or unreadable input.
            """
    )

    @OptionGroup var link: LinkArguments

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(help: "Write the report to this file instead of standard output (atomically).")
    var output: String?

    @Flag(help: "Replace the --output file if it exists.")
    var force = false

    @Option(help: ArgumentHelp("Instead of the report, write a fix-it for the symbols the host is to provide (typos, symbols of libraries not linked and undefined data are listed apart, with their own fix): rust (an extern \"C\" block per import module), c (declarations with import_module/import_name), allow-file (an --allow-undefined-file list), rust-patch or c-patch (a unified diff adding the import attribute to the existing declarations the inputs' DWARF leads to). Exit status 0.", valueName: "kind"))
    var fix: FixIt.Language?

    @Flag(help: "Keep watching the inputs and print the report again after each change (Ctrl-C ends).")
    var watch = false

    @OptionGroup var sourceLines: SourceLineOptions

    @Flag(name: .customLong("rename-near-misses"), help: "With --fix rust-patch or c-patch: link each near-miss name to the defined one (#[link_name], asm label) instead of only commenting on it.")
    var renameNearMisses = false

    @Flag(help: "After each load, print on standard error what was decoded and what was reused from the previous load.")
    var stats = false

    func validate() throws {
        try link.requireInputs()
        if watch && output != nil { throw ValidationError("--watch prints to standard output; it cannot be combined with --output") }
        if (watch || stats) && link.capture != nil { throw ValidationError("a capture does not change: --watch and --stats apply to files and link lines") }
    }

    func run() throws {
        if watch || stats { return try runSession() }
        // The libraries on the search folders are indexed on the other core while the link resolves.
        var libraries: LibraryIndex.Pending?
        let search = link.searchFolders
        let (resolved, policy) = try link.resolve { options in
            libraries = LibraryIndex.building(options: options, searchFolders: search)
        }
        let prediction = resolved.predict(policy: policy)
        let index = libraries?.value
        if let fix {
            let findings = (index.map { FindingsContext(resolved: resolved, libraries: $0) }
                ?? FindingsContext(resolved: resolved, searchFolders: search)).analyze(prediction)
            try emit(try fixItText(fix, prediction: prediction, findings: findings, resolved: resolved), to: output, overwrite: force)
            return
        }
        let text = Self.render(prediction, of: resolved, format: format, searchFolders: link.searchFolders, libraries: index,
                               sources: try sourceLines.locate(prediction, in: resolved))
        // The process ends next: tearing down tens of thousands of indexed names would only
        // cost time (a tenth of the run), so the index is left to the exit.
        Self.keptUntilExit.withLock { $0 = (index, resolved) }
        try emit(text, to: output, overwrite: force)
        if !prediction.linkOK { throw ExitCode(1) }
    }

    static let keptUntilExit = Mutex<(LibraryIndex?, ResolvedLink)?>(nil)

    /// The report of `prediction` with its findings, as `report` prints it.
    static func render(_ prediction: LinkPrediction, of resolved: ResolvedLink, format: OutputFormat, searchFolders: [String],
                       libraries: LibraryIndex? = nil, sources: SourceReferences? = nil) -> String {
        let context = libraries.map { FindingsContext(resolved: resolved, libraries: $0) }
            ?? FindingsContext(resolved: resolved, searchFolders: searchFolders)
        let findings = context.analyze(prediction)
        return format == .json ? ReportJSON.render(prediction, findings: findings, sources: sources)
            : Report.text(prediction, findings: findings, sources: sources)
    }
}

extension ReportCommand {
    /// The report of one load of a `LinkSession`, or the fix-it.
    func render(_ snapshot: LinkSnapshot, policy: UndefinedPolicy) throws -> (text: String, linkOK: Bool) {
        guard let resolved = snapshot.resolved else {
            throw ToolError(message: "report takes objects and archives; a linked module has no undefined symbols to predict (try `wasm-undef symbols`)")
        }
        let prediction = resolved.predict(policy: policy)
        let findings = snapshot.findings?.analyze(prediction) ?? LinkFindings()
        if let fix { return (try fixItText(fix, prediction: prediction, findings: findings, resolved: resolved), true) }
        let sources = try sourceLines.locate(prediction, in: resolved)
        let text = format == .json ? ReportJSON.render(prediction, findings: findings, sources: sources)
            : Report.text(prediction, findings: findings, sources: sources)
        return (text, prediction.linkOK)
    }

    /// `--watch` / `--stats`: loads through a session, and with `--watch` reloads on every
    /// change, decoding again only what changed.
    func runSession() throws {
        let (options, policy) = try link.optionsAndPolicy()
        let session = LinkSession(options: options, searchFolders: link.searchFolders)
        var firstLinkOK = true
        var first = true
        try watchSession(session, watch: watch, stats: stats) { snapshot in
            do {
                let (text, linkOK) = try render(snapshot, policy: policy)
                if first {
                    try emit(text, to: output, overwrite: force)
                    firstLinkOK = linkOK
                } else {
                    emit("\n" + text)
                }
            } catch {
                writeStandardError("wasm-undef: error: \((error as? ToolError)?.message ?? "\(error)")\n")
            }
            first = false
        }
        if !firstLinkOK && fix == nil { throw ExitCode(1) }
    }
}

/// Loads `session`, shows it, and with `watch` reloads and shows it again after every change
/// of its inputs; `stats` prints each load's statistics on standard error. A reload that
/// fails (an input caught mid-write, or broken) says so once, keeps the last output and
/// waits for the next change.
func watchSession(_ session: LinkSession, watch: Bool, stats: Bool, show: (LinkSnapshot) -> Void) throws {
    func load() throws -> LinkSnapshot {
        do {
            return try session.load()
        } catch {
            throw ToolError(message: error.message, exitCode: 2)
        }
    }
    // Watch from before the first load, so a change made while it runs is not missed.
    let changes = ChangeQueue()
    let watcher = watch ? FileWatcher(paths: session.inputPaths) { changes.add($0) } : nil
    defer { watcher?.stop() }
    let first = try load()
    if stats { writeStandardError("wasm-undef: load: \(first.statistics)\n") }
    show(first)
    guard watch else { return }
    var waiting = false
    while true {
        let changed = changes.wait()
        do {
            let snapshot = try load()
            waiting = false
            if stats { writeStandardError("wasm-undef: reload (\(changed.sorted().joined(separator: ", "))): \(snapshot.statistics)\n") }
            show(snapshot)
        } catch let error as ToolError {
            if !waiting {
                writeStandardError("wasm-undef: \(error.message)\nwasm-undef: incomplete or unreadable input, waiting for the next change…\n")
            }
            waiting = true
        }
    }
}

/// Paths reported by a `FileWatcher`, handed to the waiting command loop.
final class ChangeQueue: Sendable {
    private let pending = Mutex<Set<String>>([])

    func add(_ paths: Set<String>) {
        pending.withLock { $0.formUnion(paths) }
    }

    /// Blocks until at least one path changed; returns and clears them.
    func wait() -> Set<String> {
        while true {
            let paths = pending.withLock { paths -> Set<String> in
                defer { paths = [] }
                return paths
            }
            if !paths.isEmpty { return paths }
            usleep(20_000)
        }
    }
}

/// Writes `text` to `path` (atomically, never replacing a file unless `overwrite`), or to
/// standard output.
func emit(_ text: String) {
    var out = StandardOutput()
    out.write(text)
    out.flush()
}

/// Writes `text` to `path` (atomically, never replacing a file unless `overwrite`), or to
/// standard output.
func emit(_ text: String, to path: String?, overwrite: Bool = false) throws {
    if let path {
        try SafeFileWriter.write(Array(text.utf8), to: path, overwrite: overwrite)
    } else {
        var out = StandardOutput()
        out.write(text)
        out.flush()
    }
}
