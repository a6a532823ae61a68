import Foundation

/// A failure of the tmux harness; `screen` holds the pane's last contents when there was one.
public struct TmuxError: Error, CustomStringConvertible {
    public var message: String
    public var screen: String?

    public var description: String {
        screen.map { message + "\n--- screen ---\n" + $0 + "--- end ---" } ?? message
    }
}

/// End-to-end terminal tests: a command running in a detached tmux session on a private
/// server (`tmux -L <unique>`, no config file), driven with `send-keys` and read back with
/// `capture-pane`, the way lazygit's integration tests press keys and assert the screen.
///
/// ```swift
/// let session = try TmuxSession(command: TmuxSession.recordingTerminalModes(of: harness, in: directory))
/// defer { session.kill() }
/// try session.waitFor("key: none")
/// try session.sendKeys("Down")
/// try session.waitFor("key: Down")
/// ```
public final class TmuxSession {
    /// The private server's socket name.
    public let socket: String
    /// The socket's path, removed by ``kill()`` (tmux leaves it behind).
    private var socketPath: String?

    /// Whether tmux is installed (tests that need it are skipped otherwise).
    public static var isAvailable: Bool {
        (try? runTmux(["-V"], socket: nil)) != nil
    }

    /// Starts `command` (a shell command line) in a new detached session of `columns` ×
    /// `rows` on a private server, with `environment` added to the command's environment
    /// (`LANG=C.UTF-8` unless given). The server does not pass on the test runner's
    /// `NO_COLOR` (swift test sets it). tmux sets the pane's `TERM` itself (to
    /// `tmux-256color`); to try another, put `env TERM=…` in the command.
    public init(command: String, columns: Int = 120, rows: Int = 40, environment: [String: String] = [:]) throws {
        socket = "wasm-undef-tmux-\(getpid())-\(UUID().uuidString.prefix(8))"
        var arguments = ["new-session", "-d", "-s", Self.sessionName, "-x", "\(columns)", "-y", "\(rows)"]
        var environment = environment
        if environment["LANG"] == nil { environment["LANG"] = "C.UTF-8" }
        for (name, value) in environment.sorted(by: { $0.key < $1.key }) {
            arguments += ["-e", "\(name)=\(value)"]
        }
        arguments.append(command)
        try Self.runTmux(arguments, socket: socket)
        socketPath = try? tmux(["display-message", "-p", "#{socket_path}"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    deinit { kill() }

    // MARK: input

    /// Sends tmux key names (`Down`, `PPage`, `BTab`, `C-c`, `F5`, `Enter`, `Escape`, `q`).
    public func sendKeys(_ keys: String...) throws {
        try tmux(["send-keys", "-t", target] + keys)
    }

    /// Sends `text` literally, each character as typed.
    public func sendText(_ text: String) throws {
        try tmux(["send-keys", "-t", target, "-l", text])
    }

    /// Sends raw bytes, as a terminal would (`send-keys -H`).
    public func sendBytes(_ bytes: [UInt8]) throws {
        try tmux(["send-keys", "-t", target, "-H"] + bytes.map { String(format: "%02x", $0) })
    }

    /// A mouse report in the X10 encoding (`ESC [ M b x y`).
    public enum MouseAction {
        case press(button: Int)
        case release
        case wheelUp
        case wheelDown

        var code: UInt8 {
            switch self {
            case .press(let button): UInt8(clamping: max(0, min(2, button)))
            case .release: 3
            case .wheelUp: 64
            case .wheelDown: 65
            }
        }
    }

    /// Sends a mouse report at the 0-based `row` and `column` (at most 222 each).
    public func sendMouse(_ action: MouseAction, row: Int, column: Int) throws {
        guard (0...222).contains(row), (0...222).contains(column) else {
            throw TmuxError(message: "X10 mouse reports reach row and column 222 at most")
        }
        try sendBytes([0x1B, 0x5B, 0x4D, 32 + action.code, UInt8(33 + column), UInt8(33 + row)])
    }

    /// Resizes the window (the program sees SIGWINCH).
    public func resize(columns: Int, rows: Int) throws {
        try tmux(["resize-window", "-t", target, "-x", "\(columns)", "-y", "\(rows)"])
    }

    // MARK: output

    /// The visible pane, one line per row; with `escapes`, with the SGR sequences for
    /// colours and attributes (`capture-pane -e`); with `history`, preceded by the lines
    /// that scrolled off the top.
    public func capture(escapes: Bool = false, history: Bool = false) throws -> String {
        try tmux(["capture-pane", "-p", "-t", target] + (escapes ? ["-e"] : []) + (history ? ["-S", "-"] : []))
    }

    /// Waits until the pane shows `text`, and returns the pane; throws with the last screen
    /// after `timeout` seconds.
    @discardableResult
    public func waitFor(_ text: String, timeout: Double = 5, escapes: Bool = false) throws -> String {
        try waitUntil(timeout: timeout, escapes: escapes, "the pane to show \"\(text)\"") { $0.contains(text) }
    }

    /// Waits until `condition` holds for the pane's contents, polling every 30 ms.
    @discardableResult
    public func waitUntil(
        timeout: Double = 5, escapes: Bool = false, _ what: String = "a condition",
        _ condition: (String) -> Bool
    ) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        repeat {
            screen = try capture(escapes: escapes)
            if condition(screen) { return screen }
            Thread.sleep(forTimeInterval: 0.03)
        } while Date() < deadline
        throw TmuxError(message: "timed out after \(timeout) s waiting for \(what)", screen: screen)
    }

    /// The pane's title, as a program sets it with OSC 0/2 (tmux keeps it per pane).
    public func paneTitle() throws -> String {
        try tmux(["display-message", "-p", "-t", target, "#{pane_title}"]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    // MARK: processes

    /// The pid of the pane's process (the shell running the command).
    public func panePID() throws -> Int32 {
        let text = try tmux(["display-message", "-p", "-t", target, "#{pane_pid}"])
        guard let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw TmuxError(message: "no pane pid in \"\(text)\"")
        }
        return pid
    }

    /// The pids of the direct children of the pane's process (Linux `/proc`).
    public func childPIDs() throws -> [Int32] {
        let pid = try panePID()
        let path = "/proc/\(pid)/task/\(pid)/children"
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return text.split(separator: " ").compactMap { Int32($0) }
    }

    /// Waits for the pane's process to have a child (the command it started), returning its pid.
    public func waitForChild(timeout: Double = 5) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        repeat {
            if let child = try childPIDs().first { return child }
            Thread.sleep(forTimeInterval: 0.03)
        } while Date() < deadline
        throw TmuxError(message: "the pane's shell started no command", screen: try? capture())
    }

    /// Ends the session and its private server (and so the commands in it). Safe to repeat.
    public func kill() {
        _ = try? tmux(["kill-server"])
        if let socketPath, !socketPath.isEmpty {
            unlink(socketPath)
            self.socketPath = nil
        }
    }

    // MARK: running tmux

    static let sessionName = "test"
    private var target: String { Self.sessionName }

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        try Self.runTmux(arguments, socket: socket)
    }

    @discardableResult
    static func runTmux(_ arguments: [String], socket: String?) throws -> String {
        var fullArguments = ["tmux"]
        if let socket { fullArguments += ["-L", socket, "-f", "/dev/null"] }
        var environment = ProcessInfo.processInfo.environment
        environment["TMUX"] = nil
        environment["LC_ALL"] = nil
        environment["NO_COLOR"] = nil
        environment["LANG"] = "C.UTF-8"
        let result = try Subprocess.run(fullArguments + arguments, environment: environment)
        guard result.status == 0 else {
            throw TmuxError(message: "tmux \(arguments.joined(separator: " ")) failed (\(result.status)): \(result.errors)")
        }
        return result.output
    }
}

/// Runs a program with no descriptors but stdin, stdout and stderr, no blocked signals and
/// every signal at its default action.
///
/// Not Foundation's `Process`: the tmux client forks the long-lived tmux server, which would
/// inherit every descriptor the client had; `Process` hands its child a socket whose closing
/// it waits for, so `waitUntilExit` would wait for the server, and pipes from tests running
/// in parallel would leak into it too. Here the child gets `/dev/null` as input, temporary
/// files as output, and everything else closed.
enum Subprocess {
    struct Result {
        var status: Int32
        var output: String
        var errors: String
    }

    @_silgen_name("posix_spawn_file_actions_addclosefrom_np")
    private static func addCloseFrom(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ from: Int32) -> Int32

    static func run(_ arguments: [String], environment: [String: String]) throws -> Result {
        let directory = FileManager.default.temporaryDirectory
        let token = UUID().uuidString
        let outputPath = directory.appendingPathComponent("spawn-\(token).out").path
        let errorPath = directory.appendingPathComponent("spawn-\(token).err").path
        defer {
            unlink(outputPath)
            unlink(errorPath)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        _ = addCloseFrom(&actions, 3)

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        // The test runner's threads block most signals, and a spawned child inherits the mask:
        // a tmux server (and the shells in its panes) would never see SIGCHLD or SIGTERM.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp)
        guard spawned == 0 else {
            throw TmuxError(message: "cannot run \(arguments[0]): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        let errors = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
        return Result(status: exitStatus, output: output, errors: errors)
    }
}

extension TmuxSession {
    /// A shell command line that runs `command` and then records, in `directory`, how it
    /// ended (`status`: `exit=N`) and the terminal's modes (`modes`: `stty -a`), then stays
    /// alive so the pane can still be captured. SIGINT is trapped (not ignored, so the
    /// command gets the default disposition) so that Ctrl-C ends only the command.
    public static func recordingTerminalModes(of command: String, in directory: URL) -> String {
        let status = shellQuoted(directory.appendingPathComponent("status").path)
        let modes = shellQuoted(directory.appendingPathComponent("modes").path)
        let script = "trap : INT; \(command); echo \"exit=$?\" > \(status); stty -a > \(modes); exec sleep 600"
        return "sh -c " + shellQuoted(script)
    }

    /// `text` as one single-quoted shell word.
    public static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// A built executable of this package (see `BuiltProduct`), e.g. a test fixture.
    public static func builtProduct(named name: String) throws -> URL {
        try BuiltProduct.named(name)
    }
}

/// How a command run by ``TmuxSession/recordingTerminalModes(of:in:)`` left the terminal.
public struct RecordedTerminalState: Equatable, Sendable {
    /// The command's exit status as the shell saw it (128 + n for signal n).
    public var exitStatus: Int
    /// `icanon` was on (line editing: the terminal is back in cooked mode).
    public var canonical: Bool
    /// `echo` was on.
    public var echo: Bool

    public init(exitStatus: Int, canonical: Bool, echo: Bool) {
        self.exitStatus = exitStatus
        self.canonical = canonical
        self.echo = echo
    }

    /// Whether the terminal was given back as a shell expects it.
    public var isRestored: Bool { canonical && echo }

    /// Waits up to `timeout` seconds for both files in `directory` and reads them.
    public static func read(from directory: URL, timeout: Double = 5) throws -> RecordedTerminalState {
        let statusFile = directory.appendingPathComponent("status")
        let modesFile = directory.appendingPathComponent("modes")
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let status = try? String(contentsOf: statusFile, encoding: .utf8),
                let modes = try? String(contentsOf: modesFile, encoding: .utf8), modes.contains("icanon")
            {
                let words = Set(modes.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init))
                let code = Int(status.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "exit=", with: ""))
                return RecordedTerminalState(
                    exitStatus: code ?? -1, canonical: words.contains("icanon"), echo: words.contains("echo")
                )
            }
            if Date() >= deadline {
                throw TmuxError(message: "the command did not finish within \(timeout) s (no \(statusFile.path))")
            }
            Thread.sleep(forTimeInterval: 0.03)
        }
    }
}

extension TmuxSession {
    /// A fresh temporary directory for one test's files.
    public static func temporaryDirectory(_ prefix: String = "wasm-undef-tmux") throws -> URL {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(prefix)-\(getpid())-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }
}
