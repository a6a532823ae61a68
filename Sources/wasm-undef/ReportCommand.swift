import ArgumentParser
import Findings
import LinkModel
import Reporting

/// The inputs and policy of `report` and `imports`: files plus `--policy`, or a wasm-ld
/// command line after `--`.
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
        if !files.isEmpty && !linkerArguments.isEmpty { throw ValidationError("give either input files or a wasm-ld command line after --, not both") }
        if !linkerArguments.isEmpty && (entry != nil || noEntry || !exports.isEmpty || noGCSections) {
            throw ValidationError("--entry, --no-entry, --export and --no-gc-sections apply to files mode; put them in the link line after --")
        }
    }

    /// `report` and `imports` need inputs; the TUI opens the demo without.
    func requireInputs() throws {
        if files.isEmpty && linkerArguments.isEmpty { throw ValidationError("give input files, or a wasm-ld command line after --") }
    }

    var policyLabel: String { policy?.rawValue ?? "error" }

    /// The link options and the policy to start from, without reading the inputs.
    func linkOptions() throws -> (LinkOptions, UndefinedPolicy) {
        let result: Result<(LinkOptions, UndefinedPolicy), LinkModelError> = Result { () throws(LinkModelError) in try makeOptions() }
        switch result {
        case .success(let value): return value
        case .failure(let error): throw ToolError(message: error.message, exitCode: 2)
        }
    }

    /// The options, resolved link and the policy to predict under.
    func resolve() throws -> (ResolvedLink, UndefinedPolicy) {
        let result: Result<(ResolvedLink, UndefinedPolicy), LinkModelError> = Result { () throws(LinkModelError) in
            let (options, policy) = try makeOptions()
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
        var policy = options.policy
        if let name = self.policy {
            policy = UndefinedPolicy(name, allowFile: policy.allowFile)
        }
        if let allowFile { policy.allowFile = AllowList(path: allowFile, names: nil) }
        options.apply(policy)
        return (options, policy)
    }
}

extension PolicyName: ExpressibleByArgument {}

/// `wasm-undef report`: what wasm-ld would do with every undefined symbol of a link.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Predict what wasm-ld does with every undefined symbol of a link.",
        discussion: """
            wasm-undef report [--policy P] [--allow-file F] [--format text|json] FILES...
            wasm-undef report [--format text|json] -- <wasm-ld arguments>

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

    func validate() throws {
        try link.requireInputs()
    }

    func run() throws {
        let (resolved, policy) = try link.resolve()
        let prediction = resolved.predict(policy: policy)
        let findings = FindingsContext(resolved: resolved, searchFolders: link.searchFolders).analyze(prediction)
        let text = format == .json ? ReportJSON.render(prediction, findings: findings) : Report.text(prediction, findings: findings)
        try emit(text, to: output, overwrite: force)
        if !prediction.linkOK { throw ExitCode(1) }
    }
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
