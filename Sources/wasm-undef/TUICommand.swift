import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import InspectorTerminal
import InspectorUI
import LinkModel
import NcursesBackend
import Findings
import DemoLink
import Workspace
import LinkCapture

/// `wasm-undef [FILES…]` and `wasm-undef tui [FILES…]`: the terminal UI. Without files it
/// opens the bundled demo link. When standard output is not a terminal, plain
/// `wasm-undef FILES…` prints the text report instead (`tui` insists on the UI).
struct TUICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tui",
        abstract: "Open the terminal UI on a link or on linked modules (the default command).",
        discussion: """
            wasm-undef [--policy P] [--allow-file F] [--search DIR] FILES...
            wasm-undef tui [--policy P] -- <wasm-ld arguments>
            wasm-undef                  the bundled demo link

            Press ? in the UI for the keys. When standard output is not a terminal, \
            `wasm-undef FILES...` prints the text report (as `wasm-undef report`) instead.
            """
    )

    @OptionGroup var link: LinkArguments

    /// Timestamps for Benchmarks/tui-frames.sh (also `WASM_UNDEF_BENCHMARK_LOG`).
    @Option(name: .customLong("benchmark-log"), help: .hidden)
    var benchmarkLog: String?

    func run() throws {
        let explicit = CommandLine.arguments.dropFirst().first == "tui"
        let demo = link.files.isEmpty && link.linkerArguments.isEmpty && link.capture == nil
        let interactive = isatty(STDOUT_FILENO) == 1
        if !interactive && !explicit {
            try printReport(demo: demo)
            return
        }
        ProcessSetup.disableInteractiveBacktraces()
        let logPath = benchmarkLog ?? getenv("WASM_UNDEF_BENCHMARK_LOG").map { String(cString: $0) }
        var demoFolder: DemoFolder?
        let source: InspectionSource
        if demo {
            let folder = try DemoFolder.create()
            demoFolder = folder
            source = demoSource(in: folder)
        } else {
            source = try linkSource()
        }
        do {
            try Self.open(source, logPath: logPath, baseDirectory: demoFolder?.originalDirectory) { demoFolder?.remove() }
        } catch {
            demoFolder?.remove()
            throw error
        }
    }

    /// Runs the TUI on `source` until `q` or a signal; `cleanUp` runs once the terminal is
    /// restored, before a signal ends the process.
    static func open(_ source: InspectionSource, logPath: String? = nil, baseDirectory: String? = nil,
                     cleanUp: () -> Void = {}) throws {
        let exit: InspectorExit
        do {
            exit = try InspectorTerminal.run(source, writer: TUIFileWriter(baseDirectory: baseDirectory), benchmarkLog: logPath)
        } catch {
            let hint = error == .notATerminal ? " (wasm-undef report prints the report as text)" : ""
            throw ToolError(message: error.description + hint)
        }
        cleanUp()
        if case .signal(let request) = exit { request.exitProcess() }
    }

    /// The demo: its files in a private folder that becomes the working directory, opened as
    /// `app.o mylib.o` with that folder as a search folder (where libcompress.a waits).
    private func demoSource(in folder: DemoFolder) -> InspectionSource {
        var options = LinkOptions(files: DemoLink.linkLine, policy: link.policy ?? .error, allowFile: link.allowFile)
        if let entry = link.entry {
            options.entry = entry
            options.entryIsOptional = false
        }
        if link.noEntry { options.entry = nil }
        options.exports = link.exports
        options.gcSections = !link.noGCSections
        return InspectionSource(options: options, searchFolders: ["."] + link.searchFolders,
                                title: "demo: " + DemoLink.linkLine.joined(separator: " "))
    }

    private func linkSource() throws -> InspectionSource {
        let (load, capture) = try link.loadSource()
        try Self.checkReadable(load, capture: capture)
        var source = InspectionSource(options: load.options, searchFolders: load.searchFolders, locations: load.locations,
                                      title: capture?.name)
        if link.files.contains("-") {
            source.standardInput = try Self.moveStandardInputAside()
        }
        return source
    }

    /// `wasm-undef -`: the module comes down the pipe on standard input, and the keys from
    /// the terminal. Standard input is moved to another descriptor (returned, read by the
    /// loader) and the controlling terminal put in its place for curses.
    static func moveStandardInputAside() throws -> Int32 {
        guard isatty(STDIN_FILENO) == 0 else {
            throw ToolError(message: "-: standard input is a terminal; pipe a module in (wasm-undef - < app.wasm)")
        }
        let pipe = dup(STDIN_FILENO)
        let terminal = Glibc.open("/dev/tty", O_RDWR | O_CLOEXEC)
        guard pipe >= 0, terminal >= 0, dup2(terminal, STDIN_FILENO) >= 0 else {
            throw ToolError(message: "-: no terminal to read keys from (/dev/tty: \(String(cString: strerror(errno))))")
        }
        close(terminal)
        return pipe
    }

    /// Fails before the terminal is taken when an input cannot be read.
    static func checkReadable(_ source: LoadSource, capture: CapturedLink? = nil) throws {
        for path in source.inputPaths where path != "-" {
            do {
                try InputOpener.checkReadable(path, locations: source.locations)
            } catch {
                throw ToolError(error, capture: capture)
            }
        }
    }

    /// What plain `wasm-undef FILES… > file` does: the text report, as `report` writes it.
    private func printReport(demo: Bool) throws {
        var folder: DemoFolder?
        defer { folder?.remove() }
        var source: LoadSource, capture: CapturedLink?
        if demo {
            let created = try DemoFolder.create()
            folder = created
            let demo = demoSource(in: created)
            source = LoadSource(options: demo.options, searchFolders: demo.searchFolders)
        } else {
            (source, capture) = try link.loadSource()
        }
        let result = try LinkArguments.load(LoadPipeline(source, stages: [.prediction, .findings]), capture: capture)
        let prediction = try ReportCommand.prediction(of: result)
        let text = ReportCommand.render(prediction, findings: result.findings ?? LinkFindings(), format: .text)
        folder?.remove()
        folder = nil
        try emit(text, to: nil)
        if !prediction.linkOK { throw ExitCode(1) }
    }
}

/// The demo's files in a fresh private folder (mode 0700), which becomes the working
/// directory so that the demo reads as `app.o mylib.o` with `--search .`.
struct DemoFolder {
    let path: String
    let originalDirectory: String?

    static func create() throws -> DemoFolder {
        let base = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((base.hasSuffix("/") ? base : base + "/").utf8CString.dropLast()) + Array("wasm-undef-demo-XXXXXX".utf8CString)
        guard let created = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw ToolError(message: "cannot create a folder for the demo in \(base): \(String(cString: strerror(errno)))")
        }
        let path = String(cString: created)
        for file in DemoLink.files {
            try SafeFileWriter.write(file.bytes, to: path + "/" + file.name, overwrite: false)
        }
        let original = currentDirectory()
        guard chdir(path) == 0 else {
            throw ToolError(message: "cannot enter \(path): \(String(cString: strerror(errno)))")
        }
        return DemoFolder(path: path, originalDirectory: original)
    }

    /// Leaves the folder and removes it with the demo's files.
    func remove() {
        if let originalDirectory { _ = chdir(originalDirectory) }
        for file in DemoLink.files { unlink(path + "/" + file.name) }
        rmdir(path)
    }

    static func currentDirectory() -> String? {
        guard let pointer = getcwd(nil, 0) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}

/// The TUI's `e` and `w`: atomic writes through `SafeFileWriter`, relative paths from the
/// folder the user started in (the demo works in its own folder), `~/` from `HOME`.
struct TUIFileWriter: InspectorFileWriter {
    let baseDirectory: String?

    func write(_ request: WriteRequest) -> WriteOutcome {
        let path = resolve(request.path)
        if !request.overwrite, access(path, F_OK) == 0 { return .exists }
        do {
            try SafeFileWriter.write(Array(request.contents.utf8), to: path, overwrite: request.overwrite)
            return .written
        } catch let error as ToolError {
            if !request.overwrite, access(path, F_OK) == 0 { return .exists }
            return .failed(error.message)
        } catch {
            return .failed("\(error)")
        }
    }

    func resolve(_ path: String) -> String {
        if path.hasPrefix("~/"), let home = getenv("HOME") {
            return String(cString: home) + path.dropFirst()
        }
        guard !path.hasPrefix("/"), let baseDirectory else { return path }
        return baseDirectory + "/" + path
    }
}
