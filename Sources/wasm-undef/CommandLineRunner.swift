import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import WasmDecoding

/// Runs a command the way every wasm-undef entry point does: usage errors exit 2 (not
/// ArgumentParser's 64), input errors print `wasm-undef: error: …` and exit 2, and a
/// closed standard output (`wasm-undef report | head`) ends the process quietly.
enum CommandLineRunner {
    static func run(_ root: ParsableCommand.Type) {
        signal(SIGPIPE, SIG_IGN)
        do {
            var command = try root.parseAsRoot()
            try command.run()
        } catch let error as InputError {
            fail(error.description)
        } catch let error as ToolError {
            fail(error.message, code: error.exitCode)
        } catch {
            let code = root.exitCode(for: error)
            if code == .success {
                root.exit(withError: error)
            }
            if code == .validationFailure || error is ValidationError {
                writeStandardError(root.fullMessage(for: error) + "\n")
                exit(2)
            }
            root.exit(withError: error)
        }
    }

    static func fail(_ message: String, code: Int32 = 2) -> Never {
        writeStandardError("wasm-undef: error: \(message)\n")
        exit(code)
    }
}

/// Writes `text` to standard error, unbuffered.
func writeStandardError(_ text: String) {
    var text = text
    text.withUTF8 { bytes in
        var offset = 0
        while offset < bytes.count {
            let written = write(2, bytes.baseAddress! + offset, bytes.count - offset)
            if written <= 0 { if errno == EINTR { continue } else { return } }
            offset += written
        }
    }
}

/// An error a command reports with its own message and exit status.
struct ToolError: Error {
    var message: String
    var exitCode: Int32 = 2
}
