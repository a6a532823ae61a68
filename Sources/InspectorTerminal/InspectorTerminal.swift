#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import InspectorUI
import NcursesBackend
import TerminalUI
import Workspace

/// Writes the files the TUI exports. The executable supplies one that writes atomically and
/// never replaces a file unless the request says so (`SafeFileWriter`).
public protocol InspectorFileWriter: Sendable {
    /// Writes `request.contents` to `request.path`; `.exists` when the file is there and
    /// `request.overwrite` is false.
    func write(_ request: WriteRequest) -> WriteOutcome
}

/// How the TUI session ended.
public enum InspectorExit: Sendable, Equatable {
    /// `q`.
    case quit
    /// A signal: restore anything of your own, then `request.exitProcess()`.
    case signal(TerminationRequest)
}

/// The terminal UI: the run loop around `AppState`. It reads keys, mouse and resizes,
/// feeds them to the reducer, performs the effects (background loading and sorting, file
/// writes), and presents `Screen.render(state)`, only changed cells reaching the terminal.
///
/// ```swift
/// let exit = try InspectorTerminal.run(InspectionSource(options: options, searchFolders: ["."]),
///                                      writer: MyWriter())
/// ```
public enum InspectorTerminal {
    /// Runs until `q` or a termination signal; the terminal is restored before it returns,
    /// on every path.
    ///
    /// - Parameters:
    ///   - source: the link or modules to open; loading starts after the first frame.
    ///   - writer: writes `e` and `w` files.
    ///   - loader: reads the source (again for `r`).
    ///   - benchmarkLog: a file to append timestamps to (see `BenchmarkLog`); nil for none.
    /// - Throws: `TerminalError` when the terminal cannot be used (not a terminal, unknown
    ///   `TERM`); nothing has been drawn then.
    public static func run(
        _ source: InspectionSource, writer: any InspectorFileWriter, loader: any InspectionLoading = InspectionLoader(),
        benchmarkLog: String? = nil
    ) throws(TerminalError) -> InspectorExit {
        let terminal = try NcursesTerminal.start()
        defer { terminal.stop() }
        let log = BenchmarkLog(path: benchmarkLog)
        defer { log?.close() }
        var loop = Loop(terminal: terminal, source: source, writer: writer, loader: loader, log: log)
        return loop.run()
    }
}

/// One session's loop.
private struct Loop {
    let terminal: NcursesTerminal
    let writer: any InspectorFileWriter
    let loader: any InspectionLoading
    let log: BenchmarkLog?
    let mailbox = Mailbox<AppEvent>()
    var state: AppState
    /// When each background view was asked for (for the benchmark log).
    var viewStarted: [Int: ContinuousClock.Instant] = [:]

    init(terminal: NcursesTerminal, source: InspectionSource, writer: any InspectorFileWriter, loader: any InspectionLoading,
         log: BenchmarkLog?) {
        self.terminal = terminal
        self.writer = writer
        self.loader = loader
        self.log = log
        state = AppState(source: source, size: terminal.size, capabilities: terminal.capabilities)
    }

    mutating func run() -> InspectorExit {
        present()
        log?.record("first-frame")
        // Follow the inputs on disk: a change reloads (decoding only what changed).
        let mailbox = self.mailbox, waker = terminal.waker
        let watcher = FileWatcher(paths: state.source.loadSource.watchedPaths)
        watcher.start { paths in
            mailbox.post(.filesChanged(paths))
            waker.wake()
        }
        defer { watcher.stop() }
        if perform([.load(generation: state.loadGeneration)]) { return .quit }
        while true {
            guard let event = terminal.nextEvent(timeout: nil) else { continue }
            let received = ContinuousClock.now
            var events: [AppEvent] = []
            var keyLabel: String?
            switch event {
            case .key(let key):
                events.append(.key(key))
                keyLabel = key.label
            case .mouse(let mouse):
                events.append(.mouse(mouse))
            case .resize(let rows, let columns):
                events.append(.resize(Size(rows: rows, columns: columns)))
            case .wake:
                events = mailbox.drain()
            case .terminate(let request):
                return .signal(request)
            }
            for event in events {
                if perform(state.handle(event)) { return .quit }
                logMilestone(event)
            }
            let handled = ContinuousClock.now
            let rendered = present()
            if let keyLabel, let log {
                let now = ContinuousClock.now
                let milliseconds = BenchmarkLog.milliseconds
                log.record("key \(keyLabel) \(milliseconds(received, now)) reduce \(milliseconds(received, handled)) render \(milliseconds(handled, rendered)) present \(milliseconds(rendered, now))")
            }
        }
    }

    /// Performs effects (and the effects of what they report back); true to quit.
    mutating func perform(_ effects: [Effect]) -> Bool {
        var queue = effects
        while !queue.isEmpty {
            let effect = queue.removeFirst()
            switch effect {
            case .quit:
                return true
            case .load(let generation):
                let source = state.source
                let loader = self.loader
                let mailbox = self.mailbox
                let waker = terminal.waker
                Background.run {
                    loader.load(source) { update in
                        mailbox.post(.loaded(update, generation: generation))
                        waker.wake()
                    }
                }
            case .computeView(let request):
                if log != nil { viewStarted[request.generation] = ContinuousClock.now }
                let mailbox = self.mailbox
                let waker = terminal.waker
                Background.run {
                    let order = request.run()
                    mailbox.post(.viewComputed(request, order: order))
                    waker.wake()
                }
            case .write(let request):
                let outcome = writer.write(request)
                queue += state.handle(.wrote(request, outcome))
            }
        }
        return false
    }

    /// Renders and presents the state; returns when the render was done (for the benchmark log).
    @discardableResult
    func present() -> ContinuousClock.Instant {
        let frame = Screen.render(state)
        let rendered = ContinuousClock.now
        terminal.present(frame.grid, cursor: frame.cursor.map { (row: $0.row, column: $0.column) })
        return rendered
    }

    mutating func logMilestone(_ event: AppEvent) {
        guard let log else { return }
        if case .viewComputed(let request, let order) = event, let started = viewStarted.removeValue(forKey: request.generation) {
            let elapsed = BenchmarkLog.milliseconds(started, ContinuousClock.now)
            log.record("view \(request.pane.title) \(order.count) \(elapsed)")
        }
        guard case .loaded(let update, _) = event else { return }
        switch update {
        case .sections: log.record("sections")
        case .resolved: log.record("resolved")
        case .defined(let symbols, _): log.record("defined \(symbols.count)")
        case .moduleImports(let imports): log.record("imports \(imports.count)")
        case .moduleSymbols: log.record("names \(state.pane(.defined).totalCount)")
        case .findingsContext: log.record("findings")
        case .sourceLines: log.record("source lines")
        case .failed(let text): log.record("failed \(text)")
        case .incomplete(let text): log.record("incomplete \(text)")
        case .statistics(let statistics): log.record("statistics \(statistics)")
        case .finished: log.record("loaded")
        case .inputs, .progress: break
        }
    }
}
