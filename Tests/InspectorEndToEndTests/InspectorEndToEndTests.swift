import Foundation
import TestSupport
import Testing

/// The built `wasm-undef` in tmux on the demo link: keys in, screens out, the files it
/// writes, and the terminal it leaves behind.
@Suite("wasm-undef TUI in tmux", .serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct InspectorEndToEndTests {
    /// A demo folder (written by `wasm-undef demo`) and the TUI running in it.
    struct Session {
        let session: TmuxSession
        let directory: URL
        let executable: URL

        init(arguments: String = "tui --search . app.o mylib.o", columns: Int = 120, rows: Int = 40,
             environment: [String: String] = [:], waitFor: String = "3 Undefined (6)") throws {
            executable = try TmuxSession.builtProduct(named: "wasm-undef")
            directory = try TmuxSession.temporaryDirectory("wasm-undef-tui")
            let demo = try Self.run(executable, ["demo", directory.appendingPathComponent("demo").path])
            #expect(demo.status == 0)
            let command = "cd " + TmuxSession.shellQuoted(directory.appendingPathComponent("demo").path) + " && "
                + TmuxSession.shellQuoted(executable.path) + " " + arguments
            session = try TmuxSession(command: TmuxSession.recordingTerminalModes(of: command, in: directory),
                                      columns: columns, rows: rows, environment: environment)
            try session.waitFor(waitFor, timeout: 15)
        }

        var demo: URL { directory.appendingPathComponent("demo") }

        func finished() throws -> RecordedTerminalState { try RecordedTerminalState.read(from: directory, timeout: 10) }

        func close() {
            session.kill()
            try? FileManager.default.removeItem(at: directory)
        }

        /// Runs the built binary to completion (not in tmux).
        static func run(_ executable: URL, _ arguments: [String], in directory: URL? = nil) throws -> ProcessResult {
            try Run.program(executable, arguments, directory: directory)
        }
    }

    @Test("names with escape sequences are drawn escaped: the title, the screen and the text stay ours")
    func hostileNames() throws {
        let object = try HostileNames.object()
        let executable = try TmuxSession.builtProduct(named: "wasm-undef")
        let directory = try TmuxSession.temporaryDirectory("wasm-undef-hostile-tui")
        defer { try? FileManager.default.removeItem(at: directory) }
        let command = TmuxSession.shellQuoted(executable.path) + " tui " + TmuxSession.shellQuoted(object.path)
        let session = try TmuxSession(command: TmuxSession.recordingTerminalModes(of: command, in: directory), columns: 160, rows: 40)
        defer { session.kill() }
        // The Defined pane fills after the Undefined one: wait for both names.
        let screen = try session.waitFor("\\x1b]0;Pwned", timeout: 15)
        #expect(screen.contains("\\x1b]0;pwned\\x07"), "the undefined name")
        // A raw OSC 0 would have retitled the pane; a raw ESC[2J would have wiped the frame.
        #expect(try session.paneTitle() != "pwned")
        #expect(screen.contains("Undefined"))
        try session.sendKeys("3", "Enter")
        let detail = try session.waitFor("Undefined symbol")
        #expect(detail.contains("\\x1b[2J\\x0d\\x08\\u{202e}\\x9b"), "the detail view shows the whole name, escaped")
        try session.sendKeys("Escape", "q")
        #expect(try RecordedTerminalState.read(from: directory, timeout: 10) == RecordedTerminalState(exitStatus: 0, canonical: true, echo: true))
    }

    @Test("wasm-undef - reads a module from a pipe and takes its keys from the terminal")
    func standardInput() throws {
        let executable = try TmuxSession.builtProduct(named: "wasm-undef")
        let directory = try TmuxSession.temporaryDirectory("wasm-undef-stdin")
        defer { try? FileManager.default.removeItem(at: directory) }
        // A linked module to pipe in: the demo linked with --allow-undefined.
        let demo = directory.appendingPathComponent("demo")
        _ = try Run.program(executable, ["demo", demo.path])
        guard let wasmLD = Toolchain.wasmLD else { throw ToolMissing(tool: "wasm-ld") }
        let linked = try Run.program(wasmLD, ["app.o", "mylib.o", "--allow-undefined", "-o", "demo.wasm"], directory: demo)
        #expect(linked.status == 0, "\(linked.stderr)")
        let command = "cat " + TmuxSession.shellQuoted(demo.appendingPathComponent("demo.wasm").path) + " | "
            + TmuxSession.shellQuoted(executable.path) + " tui -"
        let session = try TmuxSession(command: TmuxSession.recordingTerminalModes(of: command, in: directory), columns: 120, rows: 40)
        defer { session.kill() }
        // The panes fill in stages: wait for the import section to be shown.
        let screen = try session.waitFor("mylibraryinit", timeout: 15)
        #expect(screen.contains("linked module"))
        try session.sendKeys("3")
        try session.sendKeys("q")
        #expect(try RecordedTerminalState.read(from: directory, timeout: 10) == RecordedTerminalState(exitStatus: 0, canonical: true, echo: true))
    }

    @Test("an object rebuilt on disk is reloaded: the panes follow, the rest is reused, a half-written file waits")
    func followsRebuilds() throws {
        let tui = try Session()
        defer { tui.close() }
        let session = tui.session
        try session.waitFor("mylibraryinit")
        // Half of app.o, as a build writing it in place leaves it for a moment.
        let appObject = tui.demo.appendingPathComponent("app.o")
        let original = try Data(contentsOf: appObject)
        try original.prefix(original.count / 2).write(to: appObject)
        try session.waitFor("incomplete, waiting for the next change", timeout: 10)
        #expect(try session.capture().contains("mylibraryinit"), "the previous view stays")
        // The build finishes, by a rename as linkers do: mylibraryinit is now spelt mylibrary_inot.
        var rebuilt = original
        let old = Data("mylibraryinit".utf8), new = Data("mylibrary_ino".utf8)   // same length
        while let range = rebuilt.range(of: old) { rebuilt.replaceSubrange(range, with: new) }
        let temporary = tui.demo.appendingPathComponent("app.o.tmp")
        try rebuilt.write(to: temporary)
        #expect(rename(temporary.path, appObject.path) == 0)
        let screen = try session.waitFor("mylibrary_ino", timeout: 10)
        #expect(!screen.contains("mylibraryinit"))
        #expect(screen.contains("reloaded:"))
        #expect(screen.contains("1 object decoded, 1 reused"), "mylib.o is reused")
        try session.sendKeys("q")
        #expect(try tui.finished() == RecordedTerminalState(exitStatus: 0, canonical: true, echo: true))
    }

    @Test("p, /, space, w, e: each key redraws the screen; the export equals `wasm-undef report`; q restores the terminal")
    func policyFilterAllowExport() throws {
        let tui = try Session()
        defer { tui.close() }
        let session = tui.session
        try session.waitFor("policy [error] import allow")
        try session.waitFor("6 undefined → 1 import, 4 errors")

        try session.sendKeys("p")
        var screen = try session.waitFor("policy error [import] allow")
        #expect(screen.contains("6 undefined → 4 imports, 1 error"))
        #expect(screen.contains("4 Imports it would produce (4)"))
        #expect(screen.contains("env.mylibraryinit"))

        try session.sendKeys("/")
        try session.waitFor("filter Undefined:")
        try session.sendText("config")
        try session.sendKeys("Enter")
        screen = try session.waitFor("3 Undefined (1 of 6) /config")
        #expect(screen.contains("config_value"))
        #expect(!screen.contains("→  mylibraryinit"))

        try session.sendKeys("Space")
        screen = try session.waitFor("config_value added to the allow list")
        #expect(screen.contains("allow list 1*"))
        #expect(screen.contains("6 undefined → 4 imports, 0 errors"))
        #expect(screen.contains("✓ link succeeds"))

        try session.sendKeys("w")
        try session.waitFor("write allow list to: allow-undefined.txt")
        try session.sendKeys("Enter")
        try session.waitFor("wrote 1 name to allow-undefined.txt")

        try session.sendKeys("e")
        try session.waitFor("export report to: wasm-undef-report.txt")
        try session.sendKeys("Enter")
        try session.waitFor("wrote the report to wasm-undef-report.txt")

        // Again: the file exists now, so it asks.
        try session.sendKeys("e")
        try session.waitFor("export report to:")
        try session.sendKeys("Enter")
        try session.waitFor("wasm-undef-report.txt exists. Replace it? (y/n)")
        try session.sendKeys("y")
        try session.waitFor("wrote the report to wasm-undef-report.txt")

        try session.sendKeys("q")
        let state = try tui.finished()
        #expect(state.exitStatus == 0)
        #expect(state.isRestored)

        let allowList = try String(contentsOf: tui.demo.appendingPathComponent("allow-undefined.txt"), encoding: .utf8)
        #expect(allowList == "config_value\n")
        let exported = try String(contentsOf: tui.demo.appendingPathComponent("wasm-undef-report.txt"), encoding: .utf8)
        let report = try Session.run(tui.executable, ["report", "--policy", "import", "--allow-file", "allow-undefined.txt",
                                                      "--search", ".", "app.o", "mylib.o"], in: tui.demo)
        #expect(report.status == 0)
        #expect(exported == report.stdout)
        #expect(exported.contains("policy: import+allow-file (--import-undefined --allow-undefined-file=allow-undefined.txt)"))
    }

    @Test("`wasm-undef` alone opens the demo: the typo, the missing library, the host import, data, weak")
    func demo() throws {
        let tui = try Session(arguments: "", waitFor: "demo: app.o mylib.o")
        defer { tui.close() }
        let session = tui.session
        var screen = try session.waitFor("near-miss")
        #expect(screen.contains("host.log"))
        #expect(screen.contains("config_value"))
        #expect(screen.contains("weak func"))
        #expect(screen.contains("not-linked"))
        try session.sendKeys("5", "/")
        try session.sendText("did you mean")
        try session.sendKeys("Enter", "Enter")
        screen = try session.waitFor("Finding (Findings)")
        #expect(screen.contains("did you mean `mylibrary_init` (mylib.o)?"))
        try session.sendKeys("Escape", "q")
        #expect(try tui.finished().isRestored)
    }

    @Test("Ctrl-C, SIGTERM and SIGHUP restore the terminal and end with the signal", arguments: ["C-c", "TERM", "HUP"])
    func signals(_ how: String) throws {
        let tui = try Session()
        defer { tui.close() }
        if how == "C-c" {
            try tui.session.sendKeys("C-c")
        } else {
            let pid = try #require(try tui.session.childPIDs().first.flatMap { shell in
                // The shell runs `cd … && wasm-undef …`: the TUI is its child.
                let path = "/proc/\(shell)/task/\(shell)/children"
                return (try? String(contentsOfFile: path, encoding: .utf8))?.split(separator: " ").compactMap { Int32($0) }.first
                    ?? shell
            })
            kill(pid, how == "TERM" ? SIGTERM : SIGHUP)
        }
        let state = try tui.finished()
        #expect(state.exitStatus == ["C-c": 130, "TERM": 143, "HUP": 129][how])
        #expect(state.isRestored)
    }

    @Test("NO_COLOR: no colour sequences, the selection still shows (reverse video)")
    func noColor() throws {
        let tui = try Session(environment: ["NO_COLOR": "1"])
        defer { tui.close() }
        let colored = try tui.session.capture(escapes: true)
        #expect(!colored.contains("\u{1b}[31m"))
        #expect(!colored.contains("\u{1b}[32m"))
        #expect(colored.contains("\u{1b}[7m"))
        try tui.session.sendKeys("q")
        #expect(try tui.finished().isRestored)
    }

    @Test("a locale that is not UTF-8: ASCII frames and marks")
    func asciiLocale() throws {
        let tui = try Session(environment: ["LANG": "C"], waitFor: "+ 3 Undefined (6) ")
        defer { tui.close() }
        let screen = try tui.session.capture()
        #expect(screen.contains("x  mylibraryinit"))
        #expect(!screen.contains("┌"))
        try tui.session.sendKeys("q")
        #expect(try tui.finished().isRestored)
    }

    // Under AddressSanitizer tmux's SIGWINCH never arrives (see NcursesBackendEndToEndTests).
    @Test("resizing reflows; below the minimum size a message; a click focuses a pane",
          .disabled(if: ProcessInfo.processInfo.environment["WASM_UNDEF_SANITIZER"] == "address", "SIGWINCH does not arrive under AddressSanitizer"))
    func resizeAndMouse() throws {
        let tui = try Session()
        defer { tui.close() }
        let session = tui.session
        try session.resize(columns: 50, rows: 12)
        try session.waitFor("wasm-undef needs at least 60×16")
        try session.resize(columns: 100, rows: 30)
        try session.waitFor("3 Undefined (6)")
        func click() throws {
            try session.sendMouse(.press(button: 0), row: 3, column: 5)
            try session.sendMouse(.release, row: 3, column: 5)
        }
        try click()
        // Once, in a full parallel test run, a click right after the resize never arrived;
        // a second click tells a lost event from a broken click.
        if (try? session.waitUntil(timeout: 2, "the focus") { $0.contains("┏ 1 Sections") }) == nil { try click() }
        try session.waitUntil("the Sections pane to take the focus") { $0.contains("┏ 1 Sections") }
        try session.sendKeys("q")
        #expect(try tui.finished().isRestored)
    }

    @Test("`wasm-undef FILES` with standard output not a terminal prints the text report")
    func notATerminal() throws {
        let executable = try TmuxSession.builtProduct(named: "wasm-undef")
        let directory = try TmuxSession.temporaryDirectory("wasm-undef-pipe")
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try Session.run(executable, ["demo", directory.path])
        let plain = try Session.run(executable, ["--search", ".", "app.o", "mylib.o"], in: directory)
        let report = try Session.run(executable, ["report", "--search", ".", "app.o", "mylib.o"], in: directory)
        #expect(plain.status == 1)
        #expect(plain.stdout == report.stdout)
        #expect(plain.stdout.hasPrefix("wasm-undef report"))
        let tui = try Session.run(executable, ["tui", "app.o"], in: directory)
        #expect(tui.status == 2)
        #expect(tui.stderr.contains("must be a terminal"))
    }
}
