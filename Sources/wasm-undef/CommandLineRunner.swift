import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LinkCapture
import TextFormatting
import WasmDecoding
import Workspace

/// Runs a command the way every wasm-undef entry point does: usage errors exit 2 (not
/// ArgumentParser's 64), a `ToolError` prints `wasm-undef: error: …` and exits with its
/// status (2 unless it says otherwise), and a closed standard output (`wasm-undef report |
/// head`) ends the process quietly.
enum CommandLineRunner {
    static func run(_ root: ParsableCommand.Type) {
        signal(SIGPIPE, SIG_IGN)
        do {
            var command = try root.parseAsRoot()
            try command.run()
        } catch let error as ToolError {
            fail(error)
        } catch {
            let code = root.exitCode(for: error)
            if code == .success {
                root.exit(withError: error)
            }
            if code == .validationFailure || error is ValidationError {
                StandardError.write(root.fullMessage(for: error) + "\n")
                exit(2)
            }
            root.exit(withError: error)
        }
    }

    /// Prints `error` and ends the process with its status.
    static func fail(_ error: ToolError) -> Never {
        StandardError.error(error)
        exit(error.exitCode)
    }
}

/// The CLI's one error: the message printed after `wasm-undef: error: ` and the exit status
/// (2: usage error, unreadable or malformed input). Every layer's error becomes one where a
/// command meets it.
struct ToolError: Error {
    var message: String
    var exitCode: Int32 = 2

    init(message: String, exitCode: Int32 = 2) {
        self.message = message
        self.exitCode = exitCode
    }

    /// A failed load; a captured link's failures name the capture and a file it has no copy of.
    init(_ failure: LoadFailure, capture: CapturedLink? = nil) {
        guard let capture else {
            self.init(message: failure.message)
            return
        }
        var message = failure.message
        if let path = failure.path, let missing = capture.missingFiles.first(where: { $0.path == path }) {
            message += " (the capture has no copy: \(missing.error ?? "not copied"))"
        }
        self.init(message: "\(capture.name): \(message)")
    }

    init(_ error: InputError) {
        self.init(message: error.description)
    }
}

/// Standard error: the CLI's one channel for errors and notes. Every line is escaped
/// (`TerminalSafe`) before it is written, so a file name or an input's bytes quoted in a
/// message can never drive the terminal.
enum StandardError {
    /// `wasm-undef: error: MESSAGE`.
    static func error(_ error: ToolError) {
        write("wasm-undef: error: \(error.message)\n")
    }

    /// `wasm-undef: error: …` for any error a command meets while going on.
    static func error(_ error: any Error) {
        self.error(error as? ToolError ?? ToolError(message: "\(error)"))
    }

    /// `wasm-undef: MESSAGE` (statistics, waiting for the next change).
    static func note(_ message: String) {
        write("wasm-undef: \(message)\n")
    }

    /// Writes `text`, each line escaped, unbuffered.
    static func write(_ text: String) {
        var escaped = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { TerminalSafe.escape(String($0)) }.joined(separator: "\n")
        escaped.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            var offset = 0
            while offset < bytes.count {
                let written = systemWrite(2, base + offset, bytes.count - offset)
                if written <= 0 { if errno == EINTR { continue } else { return } }
                offset += written
            }
        }
    }
}

/// `write(2)` under a name that does not clash with `StandardError.write(_:)`.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
