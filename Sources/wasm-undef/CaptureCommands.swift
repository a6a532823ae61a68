import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LinkCapture
import InspectorUI
import LinkModel
import NcursesBackend
import TextFormatting
import Workspace
import Findings

/// Opening links captured by wasm-undef-ld, shared by `open`, `report --capture` and
/// `imports --capture`.
enum CaptureCommands {
    /// The capture `name` stands for (nil: the newest), in the captures folder of this process.
    static func find(_ name: String?) throws -> CapturedLink {
        do {
            return try CaptureStore.current().find(name)
        } catch {
            throw ToolError(message: error.message, exitCode: 2)
        }
    }

    /// What to load for the captured link: its files read from the capture's copies under
    /// their original names, with its own policy unless `--policy`/`--allow-file` say otherwise.
    static func source(_ captured: CapturedLink, policy name: PolicyName?, allowFile: String?, searchFolders: [String] = [])
        throws -> LoadSource {
        var locations = captured.locations
        // The user's own allow list is read where the user named it, not from the capture.
        if let allowFile { locations.redirects[allowFile] = allowFile }
        do {
            var options = try captured.options()
            LinkArguments.apply(name, allowFile: allowFile, to: &options)
            return LoadSource(options: options, locations: locations, searchFolders: searchFolders)
        } catch {
            throw ToolError(message: "\(captured.name): \(error.message)")
        }
    }
}

/// `wasm-undef open [CAPTURE]`: a captured link with its real options, in the TUI.
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open a link captured by wasm-undef-ld.",
        discussion: """
            CAPTURE is a capture folder, its link.json, its name in the captures folder \
            ($WASM_UNDEF_CAPTURE_DIR, else .wasm-undef/captures), or latest (the default). \
            The link is read from the capture's copies, under the names the link line gave them.

            On a terminal it opens the terminal UI; when standard output is not a terminal it \
            prints the report, as `wasm-undef report --capture CAPTURE` does. Exit status: 0 wasm-ld would succeed, \
            1 it would fail, 2 usage error or unreadable capture.
            """
    )

    @Argument(help: "The capture (default: the newest).")
    var capture: String?

    func run() throws {
        let captured = try CaptureCommands.find(capture)
        let source = try CaptureCommands.source(captured, policy: nil, allowFile: nil)
        if isatty(STDOUT_FILENO) != 0 {
            try TUICommand.checkReadable(source, capture: captured)
            ProcessSetup.disableInteractiveBacktraces()
            var inspection = InspectionSource(options: source.options, locations: source.locations, title: captured.name)
            inspection.searchFolders = source.searchFolders
            return try TUICommand.open(inspection)
        }
        let result = try LinkArguments.load(LoadPipeline(source, stages: [.prediction, .findings]), capture: captured)
        let prediction = try ReportCommand.prediction(of: result)
        try emit(ReportCommand.render(prediction, findings: result.findings ?? LinkFindings(), format: .text), to: nil)
        if !prediction.linkOK { throw ExitCode(1) }
    }
}

/// `wasm-undef captures`: the captures, and pruning.
struct CapturesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "captures",
        abstract: "List the links captured by wasm-undef-ld, or prune old ones.",
        discussion: """
            Captures live in $WASM_UNDEF_CAPTURE_DIR, else .wasm-undef/captures in the folder \
            the link ran in. Open one with `wasm-undef open NAME` or \
            `wasm-undef report --capture NAME`.
            """
    )

    @Option(help: ArgumentHelp("The folder of captures (default: $WASM_UNDEF_CAPTURE_DIR, else .wasm-undef/captures).", valueName: "dir"))
    var dir: String?

    @Option(help: ArgumentHelp("Remove all but the newest N captures, then list what is left.", valueName: "N"))
    var keep: Int?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Flag(help: "Tab-separated values instead of aligned columns (text format).")
    var tsv = false

    func validate() throws {
        if let keep, keep < 0 { throw ValidationError("--keep needs a count of 0 or more") }
    }

    static let columns: [TextTable.Column] = [
        .init("captured (UTC)"), .init("output"), .init("inputs", .right), .init("size", .right), .init("result"), .init("name"),
    ]

    func run() throws {
        let store = dir.map(CaptureStore.init(root:)) ?? CaptureStore.current()
        var out = StandardOutput()
        if let keep {
            let removed: [String]
            do {
                removed = try store.prune(keep: keep)
            } catch {
                throw ToolError(message: error.message, exitCode: 2)
            }
            if format == .text && !tsv { out.write("removed \(removed.count) capture\(removed.count == 1 ? "" : "s")\n") }
        }
        let rows = store.entries().map(Row.init)
        switch format {
        case .json:
            var json = JSONWriter()
            json.object { json in
                json.field("schema", "wasm-undef.captures/1")
                json.field("folder", store.root)
                json.array("captures") { json in
                    for row in rows {
                        json.object { json in
                            json.field("name", row.name)
                            json.field("folder", row.folder)
                            json.field("created", row.created)
                            json.field("output", row.output)
                            json.field("inputs", row.inputs)
                            json.field("size", row.size)
                            json.field("result", row.result)
                            json.field("exit_status", row.exitStatus)
                        }
                    }
                }
            }
            out.write(json.document)
        case .text:
            var table = TextTable(Self.columns)
            for row in rows {
                table.append([row.created.map(Self.shortTime) ?? "-", row.output ?? "-", row.inputs.map(String.init) ?? "-",
                              row.size.map(Self.byteCount) ?? "-", row.result, row.name])
            }
            if rows.isEmpty && !tsv {
                out.write("no captures in \(store.root)\n")
            } else {
                out.write(tsv ? table.renderTSV() : table.render())
            }
        }
        out.flush()
    }

    /// What one line says about a capture.
    struct Row {
        var name: String
        var folder: String
        var created: String?
        var output: String?
        var inputs: Int?
        var size: Int?
        var result: String
        var exitStatus: Int?

        init(_ entry: CaptureStore.Entry) {
            name = entry.name
            folder = entry.folder
            switch entry.manifest {
            case .success(let manifest):
                created = manifest.created
                output = manifest.output
                inputs = manifest.files.filter { $0.role == .input || $0.role == .library }.count
                size = manifest.files.reduce(0) { $0 + ($1.size ?? 0) }
                result = manifest.result?.summary ?? "incomplete"
                exitStatus = manifest.result?.exitStatus
            case .failure:
                result = "unreadable"
            }
        }
    }

    /// `2026-05-20T10:11:12.345Z` → `2026-05-20 10:11:12`.
    static func shortTime(_ iso: String) -> String {
        String(iso.prefix(19)).split(separator: "T").joined(separator: " ")
    }

    /// `1.2 MB`, `640 KB`, `412 B`.
    static func byteCount(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        if bytes < 1024 * 1024 { return "\(bytes / 1024) KB" }
        let tenths = bytes * 10 / (1024 * 1024)
        return "\(tenths / 10).\(tenths % 10) MB"
    }
}
