import ArgumentParser
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

    /// What to load: the files, the wasm-ld command line, or the capture (returned too, for
    /// its error messages), with `--policy` and `--allow-file` applied to the options.
    func loadSource() throws -> (source: LoadSource, capture: CapturedLink?) {
        if let capture {
            let captured = try CaptureCommands.find(capture)
            return (try CaptureCommands.source(captured, policy: policy, allowFile: allowFile, searchFolders: searchFolders), captured)
        }
        do {
            return (LoadSource(options: try makeOptions(), searchFolders: searchFolders), nil)
        } catch {
            throw ToolError(message: error.message)
        }
    }

    /// Loads `source` once, stages ignored.
    /// - Throws: `ToolError` when the load failed.
    static func load(_ pipeline: LoadPipeline, capture: CapturedLink?) throws -> LoadResult {
        let result = pipeline.run()
        if let failure = result.failure { throw ToolError(failure, capture: capture) }
        return result
    }

    /// The options, with the policy to predict under applied.
    private func makeOptions() throws(LinkModelError) -> LinkOptions {
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
        LinkArguments.apply(self.policy, allowFile: allowFile, to: &options)
        return options
    }

    /// Applies `--policy` and `--allow-file` to the policy flags of `options`.
    static func apply(_ name: PolicyName?, allowFile: String?, to options: inout LinkOptions) {
        var policy = options.policy
        if let name {
            policy = UndefinedPolicy(name, allowFile: policy.allowFile)
        }
        if let allowFile { policy.allowFile = AllowList(path: allowFile, names: nil) }
        options.apply(policy)
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
        let (source, capture) = try link.loadSource()
        // The fix-its follow the findings too: a typo is not made an import.
        let stages: LoadStages = [.prediction, .findings]
        if watch || stats { return try runSession(source, stages: stages) }
        let result = try LinkArguments.load(LoadPipeline(source, stages: stages), capture: capture)
        let (text, linkOK) = try render(result)
        // The process ends next: tearing down tens of thousands of indexed names would only
        // cost time (a tenth of the run), so the load is left to the exit.
        Self.keptUntilExit.withLock { $0 = result }
        try emit(text, to: output, overwrite: force)
        if !linkOK { throw ExitCode(1) }
    }

    static let keptUntilExit = Mutex<LoadResult?>(nil)

    /// The report of a load (with its findings, and with `--source-lines` where each use is),
    /// or the fix-it; and whether the link would succeed (always true for a fix-it).
    func render(_ result: LoadResult) throws -> (text: String, linkOK: Bool) {
        let prediction = try Self.prediction(of: result)
        let findings = result.findings ?? LinkFindings()
        guard let resolved = result.resolved else { return (Self.render(prediction, findings: findings, format: format), prediction.linkOK) }
        if let fix { return (try fixItText(fix, prediction: prediction, findings: findings, resolved: resolved), true) }
        let sources = try sourceLines.locate(prediction, in: resolved)
        return (Self.render(prediction, findings: findings, format: format, sources: sources), prediction.linkOK)
    }

    /// The load's prediction; linked modules have none.
    static func prediction(of result: LoadResult) throws -> LinkPrediction {
        guard let prediction = result.prediction else {
            throw ToolError(message: "report takes objects and archives; a linked module has no undefined symbols to predict (try `wasm-undef symbols`)")
        }
        return prediction
    }

    /// The report as `report` prints it.
    static func render(_ prediction: LinkPrediction, findings: LinkFindings, format: OutputFormat, sources: SourceReferences? = nil) -> String {
        format == .json ? ReportJSON.render(prediction, findings: findings, sources: sources)
            : Report.text(prediction, findings: findings, sources: sources)
    }

    /// `--watch` / `--stats`: loads through a session, and with `--watch` reloads on every
    /// change, decoding again only what changed.
    func runSession(_ source: LoadSource, stages: LoadStages) throws {
        var firstLinkOK = true
        var first = true
        // The section walk is what `--stats` counts.
        let pipeline = LoadPipeline(source, stages: stages.union(.sections), reuse: ReuseStore())
        try watchLoads(pipeline, watch: watch, stats: stats) { result in
            do {
                let (text, linkOK) = try render(result)
                if first {
                    try emit(text, to: output, overwrite: force)
                    firstLinkOK = linkOK
                } else {
                    emit("\n" + text)
                }
            } catch {
                StandardError.error(error)
            }
            first = false
        }
        if !firstLinkOK { throw ExitCode(1) }
    }
}

/// Loads through `pipeline` (a session), shows the result, and with `watch` reloads and shows
/// it again after every change of its inputs (`FileWatcher`); `stats` prints each load's
/// statistics on standard error. A reload that fails (an input caught mid-write, or broken)
/// says so once, keeps the last output and waits for the next change.
func watchLoads(_ pipeline: LoadPipeline, watch: Bool, stats: Bool, show: (LoadResult) -> Void) throws {
    // Watch from before the first load, so a change made while it runs is not missed.
    let watcher = watch ? FileWatcher(paths: pipeline.source.watchedPaths) : nil
    defer { watcher?.stop() }
    var changes = watcher?.changes()
    let first = try LinkArguments.load(pipeline, capture: nil)
    if stats { StandardError.note("load: \(first.statistics)") }
    show(first)
    var waiting = false
    while let changed = changes?.next() {
        let result = pipeline.run()
        if let failure = result.failure {
            if !waiting {
                StandardError.note(failure.message)
                StandardError.note("incomplete or unreadable input, waiting for the next change…")
            }
            waiting = true
            continue
        }
        waiting = false
        if stats { StandardError.note("reload (\(changed.sorted().joined(separator: ", "))): \(result.statistics)") }
        show(result)
    }
}

/// Writes `text` to standard output.
func emit(_ text: String) {
    var out = StandardOutput()
    out.write(text)
    out.flush()
}

/// Writes `text` to `path` (atomically, never replacing a file unless `overwrite`), or to
/// standard output.
func emit(_ text: String, to path: String?, overwrite: Bool = false) throws {
    guard let path else { return emit(text) }
    try SafeFileWriter.write(Array(text.utf8), to: path, overwrite: overwrite)
}
