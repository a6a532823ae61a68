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

    /// An archive whose first member's size field (ten bytes) is an OSC 0 title change.
    static let hostileArchive: [UInt8] = {
        func field(_ text: String, _ width: Int) -> [UInt8] { Array(text.utf8) + Array(repeating: 0x20, count: width - text.utf8.count) }
        return Array("!<arch>\n".utf8) + field("x.o/", 16) + field("0", 12) + field("0", 6) + field("0", 6) + field("644", 8)
            + Array("\u{1b}]0;pwned\u{07}".utf8) + [0x60, 0x0a]
    }()

    @Test("errors quoting an input's bytes are escaped on standard error",
          arguments: [["sections"], ["symbols"], ["imports"], ["report"], ["report", "--watch"], ["sections", "--stats"]])
    func errorQuotingInput(arguments: [String]) throws {
        let folder = try TemporaryDirectory()
        let archive = folder.file("hostile.a")
        try Data(Self.hostileArchive).write(to: archive)
        let result = try Run.program(try TmuxSession.builtProduct(named: "wasm-undef"), arguments + [archive.path])
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        #expect(result.stderr.hasPrefix("wasm-undef: error: "), "\(arguments): \(result.stderr)")
        #expect(result.stderr.contains("\\x1b]0;pwned\\x07"), "\(arguments): the bytes are shown escaped: \(result.stderr)")
        #expect(Self.rawControlBytes(Data(result.stderr.utf8)).isEmpty, "\(arguments): raw control bytes on stderr")
    }

    @Test("a file name argument is escaped in the error that names it", arguments: [["sections"], ["symbols"], ["report"], ["tui"]])
    func hostileFileName(arguments: [String]) throws {
        let folder = try TemporaryDirectory()
        let name = folder.file("missing-\u{1b}[2J\u{202e}.o").path
        let result = try Run.program(try TmuxSession.builtProduct(named: "wasm-undef"), arguments + [name])
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        #expect(result.stderr.contains("missing-\\x1b[2J\\u{202e}.o"), "\(arguments): \(result.stderr)")
        #expect(Self.rawControlBytes(Data(result.stderr.utf8)).isEmpty, "\(arguments): raw control bytes on stderr")
    }
}
