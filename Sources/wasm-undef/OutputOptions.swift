import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TextFormatting
import WasmDecoding
import Workspace

/// `--format text|json`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Writes command output to standard output in large blocks (listings of 100,000 symbols
/// must not pay for a write per line).
struct StandardOutput {
    private var buffer: [UInt8] = []

    init() {
        buffer.reserveCapacity(1 << 16)
    }

    mutating func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Writes and empties `text`.
    mutating func write(_ text: inout TextBuffer) {
        buffer.append(contentsOf: text.bytes)
        text.removeAll()
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(1, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    // EPIPE: the reader went away (`| head`): stop quietly.
                    exit(errno == EPIPE ? 0 : 2)
                }
                offset += written
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Opens an input the user named: a file, or `-` for standard input (read through the push
/// parser), the way the load pipeline opens it.
func openInput(_ path: String) throws -> InputFile {
    do {
        return try InputOpener.open(path)
    } catch {
        throw ToolError(error)
    }
}
