import Foundation
import TestSupport
import Testing

/// The harness itself, on trivial programs: if these fail, the backend tests mean nothing.
@Suite("tmux harness", .serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct TmuxHarnessTests {
    @Test("a command's output can be captured")
    func capture() throws {
        let session = try TmuxSession(command: "sh -c 'printf hello; sleep 5'")
        defer { session.kill() }
        let screen = try session.waitFor("hello")
        #expect(screen.hasPrefix("hello"))
    }

    @Test("waiting for text that never appears fails after the timeout, showing the screen")
    func timeout() throws {
        let session = try TmuxSession(command: "sh -c 'printf hello; sleep 5'")
        defer { session.kill() }
        try session.waitFor("hello")
        do {
            try session.waitFor("goodbye", timeout: 0.3)
            Issue.record("expected a timeout")
        } catch {
            #expect((error as? TmuxError)?.screen?.contains("hello") == true)
        }
    }

    @Test("literal text and named keys reach the command")
    func keys() throws {
        let session = try TmuxSession(command: "sh -c 'read line; echo \"got:$line\"; sleep 5'")
        defer { session.kill() }
        try session.sendText("abc é")
        try session.sendKeys("Enter")
        try session.waitFor("got:abc é")
    }

    @Test("raw bytes are sent as they are")
    func bytes() throws {
        let session = try TmuxSession(command: "sh -c 'stty raw -echo; dd bs=1 count=6 2>/dev/null | od -An -tx1; sleep 5'")
        defer { session.kill() }
        Thread.sleep(forTimeInterval: 0.3)
        try session.sendMouse(.press(button: 0), row: 4, column: 5)
        try session.waitFor("1b 5b 4d 20 26 25")
    }

    @Test("the recorded terminal state tells a restored terminal from a broken one")
    func recordedState() throws {
        let restoredDirectory = try TmuxSession.temporaryDirectory()
        let restored = try TmuxSession(command: TmuxSession.recordingTerminalModes(of: "true", in: restoredDirectory))
        defer {
            restored.kill()
            try? FileManager.default.removeItem(at: restoredDirectory)
        }
        let good = try RecordedTerminalState.read(from: restoredDirectory)
        #expect(good == RecordedTerminalState(exitStatus: 0, canonical: true, echo: true))

        let brokenDirectory = try TmuxSession.temporaryDirectory()
        let broken = try TmuxSession(command: TmuxSession.recordingTerminalModes(of: "stty -icanon -echo; false", in: brokenDirectory))
        defer {
            broken.kill()
            try? FileManager.default.removeItem(at: brokenDirectory)
        }
        let bad = try RecordedTerminalState.read(from: brokenDirectory)
        #expect(bad == RecordedTerminalState(exitStatus: 1, canonical: false, echo: false))
        #expect(!bad.isRestored)
    }

    @Test("a resize changes what the command's terminal reports")
    func resize() throws {
        let session = try TmuxSession(
            command: "sh -c 'stty size; trap \"stty size\" WINCH; while :; do sleep 0.05; done'", columns: 80, rows: 24
        )
        defer { session.kill() }
        try session.waitFor("24 80")
        try session.resize(columns: 100, rows: 30)
        try session.waitFor("30 100")
    }
}
