import Glibc

/// Holds what is written to standard error while curses owns the screen, and replays it on
/// the restored terminal.
///
/// Written straight to the terminal, a library's warning would scribble over the frame, and
/// a Swift runtime's `Fatal error: …` line would land on the alternate screen and vanish
/// with it when the terminal is restored. So fd 2 points at an unlinked temporary file for
/// the session; ``end()`` points it back and copies the file out. `end` only makes
/// async-signal-safe calls on memory prepared by `begin`, so the crash path uses it too.
enum StandardErrorCapture {
    nonisolated(unsafe) static var savedFD: Int32 = -1
    nonisolated(unsafe) static var captureFD: Int32 = -1
    nonisolated(unsafe) static var buffer: UnsafeMutableRawPointer?
    static let bufferSize = 4096

    /// Starts capturing; false (and nothing changed) if the temporary file cannot be made.
    static func begin() -> Bool {
        guard captureFD < 0 else { return true }
        if buffer == nil { buffer = UnsafeMutableRawPointer.allocate(byteCount: bufferSize, alignment: 1) }
        var template = Array("/tmp/wasm-undef-stderr-XXXXXX".utf8CString)
        let fd = mkstemp(&template)
        guard fd >= 0 else { return false }
        unlink(template)
        let saved = dup(STDERR_FILENO)
        guard saved >= 0, dup2(fd, STDERR_FILENO) >= 0 else {
            close(fd)
            if saved >= 0 { close(saved) }
            return false
        }
        _ = fcntl(saved, F_SETFD, FD_CLOEXEC)
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        savedFD = saved
        captureFD = fd
        return true
    }

    /// Points fd 2 back at the terminal and writes out what was captured. Async-signal-safe;
    /// does nothing the second time.
    static func end() {
        let saved = savedFD
        let capture = captureFD
        guard saved >= 0, capture >= 0 else { return }
        savedFD = -1
        captureFD = -1
        dup2(saved, STDERR_FILENO)
        close(saved)
        if let buffer, lseek(capture, 0, SEEK_SET) == 0 {
            while true {
                let count = read(capture, buffer, bufferSize)
                if count <= 0 { break }
                var written = 0
                while written < count {
                    let result = write(STDERR_FILENO, buffer + written, count - written)
                    if result <= 0 { break }
                    written += result
                }
                if written < count { break }
            }
        }
        close(capture)
    }
}
