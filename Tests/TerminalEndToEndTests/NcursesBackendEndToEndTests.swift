import Foundation
import TestSupport
import Testing

/// NcursesBackend end to end: the `tui-harness` fixture in tmux. It shows the last key,
/// mouse event, wake count and size, so each test presses something and waits for the echo.
@Suite("ncurses backend in tmux", .serialized, .enabled(if: TmuxSession.isAvailable))
struct NcursesBackendEndToEndTests {
    /// A running harness and the directory where its exit status and terminal modes land.
    struct Harness {
        let session: TmuxSession
        let directory: URL

        init(columns: Int = 120, rows: Int = 40, environment: [String: String] = [:]) throws {
            let executable = try TmuxSession.builtProduct(named: "tui-harness")
            directory = try TmuxSession.temporaryDirectory()
            session = try TmuxSession(
                command: TmuxSession.recordingTerminalModes(of: TmuxSession.shellQuoted(executable.path), in: directory),
                columns: columns, rows: rows, environment: environment
            )
            try session.waitFor("tui-harness")
        }

        func finished() throws -> RecordedTerminalState { try RecordedTerminalState.read(from: directory) }

        /// Ends the session and removes the files.
        func close() {
            session.kill()
            try? FileManager.default.removeItem(at: directory)
        }
    }

    @Test("the first frame: frame, size, capabilities, wide characters and escaped text")
    func firstFrame() throws {
        let harness = try Harness()
        defer { harness.close() }
        let screen = try harness.session.waitFor("bottom-right")
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first?.hasPrefix("┌ tui-harness ─") == true)
        #expect(lines.first?.hasSuffix("┐") == true)
        #expect(lines[39].hasPrefix("└") && lines[39].hasSuffix("┘"))
        #expect(lines[38].hasSuffix("bottom-right│"))
        #expect(screen.contains("size: 120x40"))
        #expect(screen.contains("unicode: yes colors: yes"))
        #expect(screen.contains("wide: 名前😀 end"))
        #expect(screen.contains(#"escaped: a\x1b[31mb\u{202e}c"#))
        let colored = try harness.session.capture(escapes: true)
        #expect(colored.contains("\u{1b}[31mred text"))
    }

    @Test("keys arrive as Keys: arrows, pages, Home/End, Tab, Shift-Tab, Enter, Esc, Backspace, F-keys, Ctrl, non-ASCII")
    func keys() throws {
        let harness = try Harness()
        defer { harness.close() }
        let session = harness.session
        let cases: [(send: String, label: String)] = [
            ("Down", "Down"), ("Up", "Up"), ("Left", "Left"), ("Right", "Right"),
            ("NPage", "PgDn"), ("PPage", "PgUp"), ("Home", "Home"), ("End", "End"),
            ("Tab", "Tab"), ("BTab", "S-Tab"), ("Enter", "Enter"), ("Escape", "Esc"),
            ("BSpace", "Bksp"), ("DC", "Del"), ("F1", "F1"), ("F5", "F5"), ("F12", "F12"),
            ("C-u", "^U"), ("Space", "Space"), ("x", "x"),
        ]
        for (count, item) in cases.enumerated() {
            try session.sendKeys(item.send)
            try session.waitFor("key: \(item.label) (\(count + 1) keys)", timeout: 3)
        }
        try session.sendText("é")
        try session.waitFor("key: é (\(cases.count + 1) keys)")
        try session.sendText("名")
        try session.waitFor("key: 名 (\(cases.count + 2) keys)")
    }

    @Test("mouse press, release and wheel arrive at the right cell")
    func mouse() throws {
        let harness = try Harness()
        defer { harness.close() }
        let session = harness.session
        try session.sendMouse(.press(button: 0), row: 4, column: 5)
        try session.waitFor("mouse: press left at 4,5")
        try session.sendMouse(.release, row: 4, column: 5)
        try session.waitFor("mouse: release left at 4,5")
        try session.sendMouse(.press(button: 2), row: 30, column: 100)
        try session.waitFor("mouse: press right at 30,100")
        try session.sendMouse(.wheelDown, row: 10, column: 10)
        try session.waitFor("mouse: wheel down at 10,10")
        try session.waitFor("selected: 3 top: 3")
        try session.sendMouse(.wheelUp, row: 10, column: 10)
        try session.waitFor("mouse: wheel up at 10,10")
    }

    // Under AddressSanitizer the harness never sees tmux's SIGWINCH (its frame stays at the
    // first size); the normal run checks resizing, the sanitizer run checks memory.
    @Test("a resize reflows the frame at the new size",
          .disabled(if: ProcessInfo.processInfo.environment["WASM_UNDEF_SANITIZER"] == "address", "SIGWINCH does not arrive under AddressSanitizer"))
    func resize() throws {
        let harness = try Harness(columns: 80, rows: 24)
        defer { harness.close() }
        let session = harness.session
        try session.resize(columns: 100, rows: 30)
        // The frame is drawn in one refresh, but a capture can land inside it: wait for the
        // whole frame (its last line) as well as the status.
        let patience: Double = ProcessInfo.processInfo.environment["WASM_UNDEF_SANITIZER"] == nil ? 5 : 30
        let screen = try session.waitUntil(timeout: patience, "the 100x30 frame") { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return screen.contains("size: 100x30 resizes: 1") && lines.count > 29 && lines[29].hasPrefix("└")
        }
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0].hasSuffix("┐") && lines[0].count == 100)
        #expect(lines[29].hasPrefix("└") && lines[29].hasSuffix("┘"))
        #expect(lines[28].hasSuffix("bottom-right│"))
        try session.resize(columns: 60, rows: 12)
        let smaller = try session.waitUntil(timeout: patience, "the 60x12 frame") { screen in
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return screen.contains("size: 60x12 resizes: 2") && lines.count > 11 && lines[11].hasPrefix("└")
        }
        let rows = smaller.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(rows[11].hasPrefix("└") && rows[11].count == 60)
    }

    @Test("another thread wakes the loop")
    func wake() throws {
        let harness = try Harness()
        defer { harness.close() }
        try harness.session.sendKeys("w")
        try harness.session.waitFor("wakes: 1", timeout: 2)
    }

    @Test("q quits and the terminal is restored")
    func quit() throws {
        let harness = try Harness()
        defer { harness.close() }
        try harness.session.sendKeys("q")
        let state = try harness.finished()
        #expect(state == RecordedTerminalState(exitStatus: 0, canonical: true, echo: true))
        try harness.session.waitFor("tui-harness: bye")
    }

    @Test("standard error written during the session stays off the frame and is printed after it")
    func standardError() throws {
        let harness = try Harness()
        defer { harness.close() }
        try harness.session.sendKeys("e")
        let screen = try harness.session.waitFor("key: e (1 keys)")
        #expect(!screen.contains("a warning on stderr"))
        try harness.session.sendKeys("q")
        _ = try harness.finished()
        let after = try harness.session.waitFor("tui-harness: bye")
        #expect(after.contains("tui-harness: a warning on stderr"))
    }

    @Test("Ctrl-C (SIGINT from the terminal) restores the terminal and ends by the signal")
    func interruptFromTerminal() throws {
        let harness = try Harness()
        defer { harness.close() }
        try harness.session.sendKeys("C-c")
        let state = try harness.finished()
        #expect(state == RecordedTerminalState(exitStatus: 128 + 2, canonical: true, echo: true))
    }

    @Test("SIGTERM, SIGINT and SIGHUP sent to the process restore the terminal", arguments: [
        (SIGTERM, "TERM"), (SIGINT, "INT"), (SIGHUP, "HUP"),
    ])
    func signals(signal: Int32, name: String) throws {
        let harness = try Harness()
        defer { harness.close() }
        let pid = try harness.session.waitForChild()
        #expect(kill(pid, signal) == 0, "kill -\(name)")
        let state = try harness.finished()
        #expect(state == RecordedTerminalState(exitStatus: 128 + Int(signal), canonical: true, echo: true))
    }

    @Test("a runtime trap restores the terminal and never waits for a key")
    func trap() throws {
        let harness = try Harness()
        defer { harness.close() }
        try harness.session.sendKeys("T")
        let state = try harness.finished(timeout: 10)
        if ProcessInfo.processInfo.environment["WASM_UNDEF_SANITIZER"] != nil {
            // A sanitizer's runtime reports the trap and exits with its own status; the
            // terminal must be restored all the same.
            #expect(state.exitStatus != 0 && state.canonical && state.echo, "\(state)")
        } else {
            #expect(state == RecordedTerminalState(exitStatus: 128 + Int(SIGILL), canonical: true, echo: true))
        }
        let screen = try harness.session.capture(history: true)
        #expect(screen.contains("deliberate trap"))
        #expect(!screen.contains("Press space to interact"))
    }

    @Test("NO_COLOR turns colours off but keeps attributes")
    func noColor() throws {
        let harness = try Harness(environment: ["NO_COLOR": "1"])
        defer { harness.close() }
        try harness.session.waitFor("colors: no")
        let screen = try harness.session.capture(escapes: true)
        #expect(!screen.contains("\u{1b}[31m"))
        #expect(screen.range(of: #"\u{1b}\[[0-9;]*3[0-7]m"#, options: .regularExpression) == nil)
        #expect(screen.contains("\u{1b}[7m"))
    }

    @Test("an empty NO_COLOR leaves colours on")
    func emptyNoColor() throws {
        let harness = try Harness(environment: ["NO_COLOR": ""])
        defer { harness.close() }
        try harness.session.waitFor("colors: yes")
    }

    @Test("a non-UTF-8 locale draws ASCII frames and ? for non-ASCII characters")
    func asciiLocale() throws {
        let harness = try Harness(environment: ["LANG": "C", "LC_ALL": "C"])
        defer { harness.close() }
        let screen = try harness.session.waitFor("unicode: no")
        #expect(screen.hasPrefix("+ tui-harness ---"))
        #expect(screen.contains("wide: ? ? ?  end"))
        #expect(screen.contains("| bottom-right|") == false)
        #expect(screen.contains("bottom-right|"))
    }

    @Test("an unknown TERM is an error message, not a crash")
    func unknownTerm() throws {
        // The harness never draws, so this test starts it without `Harness`.
        let executable = try TmuxSession.builtProduct(named: "tui-harness")
        let directory = try TmuxSession.temporaryDirectory()
        let command = "env TERM=no-such-terminal " + TmuxSession.shellQuoted(executable.path)
        let session = try TmuxSession(command: TmuxSession.recordingTerminalModes(of: command, in: directory))
        defer {
            session.kill()
            try? FileManager.default.removeItem(at: directory)
        }
        try session.waitFor("cannot use the terminal type 'no-such-terminal'")
        let state = try RecordedTerminalState.read(from: directory)
        #expect(state == RecordedTerminalState(exitStatus: 2, canonical: true, echo: true))
    }

    @Test("without a terminal, start fails with a message")
    func notATerminal() throws {
        let process = Process()
        process.executableURL = try TmuxSession.builtProduct(named: "tui-harness")
        let errors = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(message == "tui-harness: standard input and output must be a terminal\n")
    }
}

extension NcursesBackendEndToEndTests.Harness {
    func finished(timeout: Double) throws -> RecordedTerminalState {
        try RecordedTerminalState.read(from: directory, timeout: timeout)
    }
}
