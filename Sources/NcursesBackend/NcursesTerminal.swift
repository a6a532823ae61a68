import CNcursesw
import Glibc
import TerminalText
import TerminalUI

/// Why the terminal could not be started.
public enum TerminalError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Standard input or output is not a terminal (a pipe, a file): use the plain-text commands.
    case notATerminal
    /// ncurses could not set up `TERM` (unset, or no terminfo entry).
    case unknownTerminal(term: String?)
    /// A terminal session is already running in this process.
    case alreadyStarted
    /// The self-pipe for waking the loop could not be created (`errno`).
    case systemError(errno: Int32)

    public var description: String {
        switch self {
        case .notATerminal:
            "standard input and output must be a terminal"
        case .unknownTerminal(let term):
            "cannot use the terminal type \(term.map { "'\(TerminalText.safe($0))'" } ?? "(TERM is not set)")"
        case .alreadyStarted:
            "the terminal is already in use"
        case .systemError(let code):
            "cannot set up the terminal: \(String(cString: strerror(code)))"
        }
    }
}

/// How to start the terminal.
public struct TerminalOptions: Sendable {
    /// How long ncurses waits after Esc for the rest of an escape sequence, in milliseconds.
    public var escapeDelay: Int32
    /// Whether to ask for mouse presses, releases and the wheel.
    public var mouse: Bool
    /// Whether to use colours when the terminal has them; `NO_COLOR` (non-empty) turns them
    /// off whatever this says.
    public var colors: Bool
    /// Whether to hold standard error while curses owns the screen and print it after (see
    /// ``StandardErrorCapture``); off, anything written to fd 2 lands on the frame.
    public var captureStandardError: Bool

    public init(escapeDelay: Int32 = 25, mouse: Bool = true, colors: Bool = true, captureStandardError: Bool = true) {
        self.escapeDelay = escapeDelay
        self.mouse = mouse
        self.colors = colors
        self.captureStandardError = captureStandardError
    }
}

/// The terminal under curses: blits ``CellGrid``s, reads keys, mouse and resizes, and gives
/// the terminal back on every way out.
///
/// Use it from one thread (the UI thread). The app's loop is:
///
/// ```swift
/// ProcessSetup.disableInteractiveBacktraces()   // first thing in main
/// let terminal = try NcursesTerminal.start()
/// defer { terminal.stop() }
/// while true {
///     terminal.present(render(state, size: terminal.size))
///     guard let event = terminal.nextEvent(timeout: 250) else { continue }
///     if case .terminate(let request) = event { terminal.stop(); request.exitProcess() }
///     …
/// }
/// ```
///
/// Ways out and what restores the terminal: a normal return (`stop()`, or `deinit`); a thrown
/// error (`defer`); SIGINT, SIGTERM, SIGHUP (``InputEvent/terminate(_:)``, then `stop()`);
/// `exit()` anywhere (an `atexit` hook); a crash (``CrashRestore``, then the crash report).
/// Standard error is held while curses owns the screen and printed after it is given back.
public final class NcursesTerminal {
    /// What the terminal can show; choose ``Glyphs`` and the theme from it.
    public let capabilities: TerminalCapabilities
    /// Wakes ``nextEvent(timeout:)`` from other threads.
    public let waker = Waker()
    /// The terminal's size now (updated when a resize is read).
    public internal(set) var size: Size

    let screen: OpaquePointer
    let window: UnsafeMutablePointer<WINDOW>
    var colorPairs: ColorPairs
    /// The frame on the screen, for diffing; nil forces a full repaint.
    var lastFrame: CellGrid?
    var cursorVisible: Bool?
    var stopped = false

    private init(screen: OpaquePointer, window: UnsafeMutablePointer<WINDOW>, capabilities: TerminalCapabilities, colorPairs: ColorPairs) {
        self.screen = screen
        self.window = window
        self.capabilities = capabilities
        self.colorPairs = colorPairs
        size = Size(rows: Int(wu_lines()), columns: Int(wu_cols()))
    }

    deinit { stop() }

    /// Takes over the terminal: locale, curses, keypad, mouse, colours, signal handlers.
    ///
    /// The locale comes from the environment (`setlocale(LC_ALL, "")`); if its codeset is not
    /// UTF-8, ``TerminalCapabilities/unicode`` is false and non-ASCII cells are drawn as `?`
    /// (curses would draw them blank). Colours are off when the terminal has none or
    /// `NO_COLOR` is set to anything non-empty. SIGPIPE is ignored from here on, so writing
    /// an export to a closed pipe is an error, not a silent death.
    public static func start(options: TerminalOptions = TerminalOptions()) throws(TerminalError) -> NcursesTerminal {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
        guard !ProcessState.cursesActive.load(ordering: .acquiring) else { throw .alreadyStarted }
        setlocale(LC_ALL, "")
        let unicode = isUTF8Codeset()
        guard SelfPipe.create() else { throw .systemError(errno: errno) }
        signal(SIGPIPE, SIG_IGN)
        ExitHook.register()
        _ = CrashRestore.saveModes()
        ProcessState.pendingSignal.store(0, ordering: .relaxed)
        // Before newterm, so that ncurses leaves these signals to us.
        TerminationSignals.install()

        guard let screen = wu_newterm_stdio() else {
            TerminationSignals.uninstall()
            throw .unknownTerminal(term: getenv("TERM").map { String(cString: $0) })
        }
        if options.captureStandardError { _ = StandardErrorCapture.begin() }
        set_term(screen)
        ProcessState.cursesActive.store(true, ordering: .releasing)
        CrashRestore.install(reset: resetSequence())
        ResizeSignal.install()

        guard let window = wu_stdscr() else {
            endwin()
            ProcessState.cursesActive.store(false, ordering: .releasing)
            StandardErrorCapture.end()
            throw .unknownTerminal(term: getenv("TERM").map { String(cString: $0) })
        }
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(options.escapeDelay)
        // Reads never block inside curses; `nextEvent` waits in poll.
        wtimeout(window, 0)
        curs_set(0)
        if options.mouse {
            mouseinterval(0)
            let mask = WU_BUTTON1_PRESSED | WU_BUTTON1_RELEASED | WU_BUTTON2_PRESSED | WU_BUTTON2_RELEASED
                | WU_BUTTON3_PRESSED | WU_BUTTON3_RELEASED | WU_BUTTON4_PRESSED | WU_BUTTON5_PRESSED
            mousemask(mmask_t(mask), nil)
        }

        let noColor = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false
        var colors = options.colors && !noColor && has_colors()
        var pairs = ColorPairs(limit: 0, defaultColors: false)
        if colors, start_color() == OK {
            let defaults = use_default_colors() == OK
            pairs = ColorPairs(limit: Int(wu_color_pairs()), defaultColors: defaults)
        } else {
            colors = false
        }
        let terminal = NcursesTerminal(
            screen: screen, window: window,
            capabilities: TerminalCapabilities(unicode: unicode, colors: colors), colorPairs: pairs
        )
        werase(window)
        return terminal
    }

    /// Gives the terminal back: `endwin`, handlers restored. Safe to call more than once.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        ResizeSignal.uninstall()
        if ProcessState.cursesActive.exchange(false, ordering: .acquiringAndReleasing) {
            endwin()
        }
        StandardErrorCapture.end()
        delscreen(screen)
        CrashRestore.uninstall()
        TerminationSignals.uninstall()
    }

    /// Whether the locale's codeset is UTF-8.
    static func isUTF8Codeset() -> Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).lowercased().filter { $0 != "-" && $0 != "_" }
        return name == "utf8"
    }

    /// What leaves curses' screen modes, for the crash path: normal cursor, plain attributes,
    /// keypad transmit off, mouse reporting off, out of the alternate screen.
    static func resetSequence() -> [UInt8] {
        var bytes: [UInt8] = []
        for capability in ["sgr0", "cnorm", "rmkx", "rmcup"] {
            guard let value = tigetstr(capability), Int(bitPattern: value) != -1 else { continue }
            bytes += Array(String(cString: value).utf8)
        }
        bytes += Array("\u{1b}[?1000l\u{1b}[?1002l\u{1b}[?1006l\r\n".utf8)
        return bytes
    }
}

/// `exit()` while curses is active (a library calling exit, a forgotten path): give the
/// terminal back on the way out.
enum ExitHook {
    nonisolated(unsafe) static var registered = false

    static func register() {
        guard !registered else { return }
        registered = true
        atexit {
            if ProcessState.cursesActive.exchange(false, ordering: .acquiringAndReleasing) {
                endwin()
            }
            StandardErrorCapture.end()
        }
    }
}

/// ncurses turns SIGWINCH into `KEY_RESIZE` on the next read; this wraps its handler so the
/// signal also pokes the self-pipe and a loop blocked in `poll` reads it at once.
enum ResizeSignal {
    nonisolated(unsafe) static var previous = sigaction()
    nonisolated(unsafe) static var installed = false

    static func install() {
        guard !installed else { return }
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { signal in
            let previous = ResizeSignal.previous
            if (previous.sa_flags & SA_SIGINFO) == 0, let handler = previous.__sigaction_handler.sa_handler,
                unsafeBitCast(handler, to: Int.self) > 1
            {
                handler(signal)
            }
            SelfPipe.poke()
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGWINCH, &action, &previous)
        installed = true
    }

    static func uninstall() {
        guard installed else { return }
        sigaction(SIGWINCH, &previous, nil)
        installed = false
    }
}
