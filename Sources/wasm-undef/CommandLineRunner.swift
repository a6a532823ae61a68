import ArgumentParser
import Foundation
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
                FileHandle.standardError.write(Data((root.fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            root.exit(withError: error)
        }
    }

    static func fail(_ message: String, code: Int32 = 2) -> Never {
        FileHandle.standardError.write(Data("wasm-undef: error: \(message)\n".utf8))
        Foundation.exit(code)
    }
}

/// An error a command reports with its own message and exit status.
struct ToolError: Error {
    var message: String
    var exitCode: Int32 = 2
}
