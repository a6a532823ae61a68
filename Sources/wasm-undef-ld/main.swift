#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import LinkCapture

// wasm-undef-ld: use it as the linker of a wasm build, and it records the link (arguments and a
// copy of every file the linker reads) into a capture folder, then runs the real linker with the
// same arguments, standard streams and environment. The link's output, exit status and result
// are the real linker's; a capture that fails only costs a warning.
//
//   RUSTFLAGS="-C linker=/path/to/wasm-undef-ld" cargo build --target wasm32-unknown-unknown
//   clang --target=wasm32 -fuse-ld=/path/to/wasm-undef-ld …
//
// Then: wasm-undef open (the newest capture), wasm-undef report --capture CAPTURE, wasm-undef captures.

let started = Timestamp.now()
let arguments = Array(CommandLine.arguments.dropFirst())
let linker = RealLinker.find(arguments: arguments)

// The link starts first and runs while the files are copied: they are only read, and the
// caller deletes its temporary objects only after the wrapper has exited.
var process: LinkerProcess?
var startFailure: String?
if let linker {
    let rawArguments = UnsafeBufferPointer(start: CommandLine.unsafeArgv + 1, count: Int(CommandLine.argc) - 1)
    do {
        process = try LinkerProcess.start(linker, arguments: rawArguments)
    } catch {
        startFailure = "cannot run \(error.path): \(error.reason)"
    }
} else {
    startFailure = RealLinker.notFoundMessage()
}

let workingDirectory = FileSystem.currentDirectory() ?? "."
var capture = LinkCapture.capture(
    arguments: arguments, invokedAs: CommandLine.arguments.first ?? "wasm-undef-ld", linker: linker,
    root: CaptureStore.current().root, workingDirectory: workingDirectory, started: started)

let termination = process?.wait() ?? .exited(1)
switch termination {
case .exited(let code): capture.finish(LinkResult(exitStatus: Int(code), milliseconds: started.milliseconds(until: .now())))
case .signalled(let number): capture.finish(LinkResult(exitStatus: nil, signal: Int(number), milliseconds: started.milliseconds(until: .now())))
}

/// One line on standard error, after everything the linker printed.
func note(_ text: String) {
    var line = "wasm-undef: " + text + "\n"
    line.withUTF8 { bytes in
        var offset = 0
        while offset < bytes.count {
            let written = write(2, bytes.baseAddress! + offset, bytes.count - offset)
            if written <= 0 { if errno == EINTR { continue } else { return } }
            offset += written
        }
    }
}

if let startFailure { note("error: " + startFailure) }
if let first = capture.problems.first {
    let more = capture.problems.count > 1 ? " (and \(capture.problems.count - 1) more\(capture.folder.map { ", see \($0)/link.json" } ?? ""))" : ""
    note("warning: the link was not fully captured: \(first)\(more)")
}
if case .exited(0) = termination {} else if let folder = capture.folder {
    note("inspect this link with: wasm-undef open \(ShellQuoting.quoted(folder))")
}
LinkerProcess.end(like: termination)
