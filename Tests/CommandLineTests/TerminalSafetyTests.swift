import Foundation
import Testing
import TestSupport

/// Symbol names are attacker-controlled text: an object whose names carry escape sequences,
/// CR, backspace, a C1 CSI and a bidi override must never get a raw control byte onto
/// standard output, whatever the command and format.
@Suite("No raw control bytes reach the terminal")
struct TerminalSafetyTests {
    /// The offsets of bytes that must never reach a terminal raw.
    static func rawControlBytes(_ data: Data) -> [Int] {
        let bytes = [UInt8](data)
        var found: [Int] = []
        for (index, byte) in bytes.enumerated() {
            if (byte < 0x20 && byte != 0x0a && byte != 0x09) || byte == 0x7f { found.append(index) }
            if byte == 0xc2, index + 1 < bytes.count, (0x80...0x9f).contains(bytes[index + 1]) { found.append(index) }
            if byte == 0xe2, index + 2 < bytes.count, bytes[index + 1] == 0x80, (0xaa...0xae).contains(bytes[index + 2]) { found.append(index) }
            if byte == 0xe2, index + 2 < bytes.count, bytes[index + 1] == 0x81, (0xa6...0xa9).contains(bytes[index + 2]) { found.append(index) }
        }
        return found
    }

    @Test("symbols, sections and report, as text, TSV and JSON", arguments: [
        ["symbols"], ["symbols", "--tsv"], ["symbols", "--format", "json"], ["symbols", "--demangle"],
        ["sections"], ["report"], ["report", "--format", "json"], ["report", "--policy", "allow"],
        ["report", "--fix", "c"], ["report", "--fix", "rust"], ["report", "--fix", "allow-file"],
    ])
    func command(arguments: [String]) throws {
        let object = try HostileNames.object()
        let tool = try TmuxSession.builtProduct(named: "wasm-undef")
        let result = try Run.program(tool, arguments + [object.path])
        #expect(result.status != 2, "\(arguments): \(result.stderr)")
        #expect(Self.rawControlBytes(result.stdoutData).isEmpty, "\(arguments): raw control bytes in:\n\(result.stdout)")
        #expect(Self.rawControlBytes(Data(result.stderr.utf8)).isEmpty, "\(arguments): raw control bytes on stderr")
        if arguments.first == "symbols" || arguments == ["report"] {
            #expect(result.stdout.contains("\\x1b]0;pwned\\x07") || result.stdout.contains("\\u001b]0;pwned\\u0007"),
                    "\(arguments): the name must be shown escaped:\n\(result.stdout)")
        }
    }
}
