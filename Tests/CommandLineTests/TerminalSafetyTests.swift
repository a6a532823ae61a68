import Foundation
import Testing
import TestSupport

/// Symbol names are attacker-controlled text: an object whose names carry escape sequences,
/// CR, backspace, a C1 CSI and a bidi override must never get a raw control byte onto
/// standard output, whatever the command and format.
@Suite("No raw control bytes reach the terminal")
struct TerminalSafetyTests {
    /// 21 bytes: OSC "set title" ending in BEL, "clear screen", CR, backspace, RLO, C1 CSI.
    static let hostile = Array("\u{1b}]0;pwned\u{07}\u{1b}[2J\r\u{08}\u{202e}\u{9b}".utf8)
    static let undefinedPlaceholder = "PLACEHOLDER_UNDEF_021"
    static let definedPlaceholder = "PLACEHOLDER_DEFIN_021"

    /// An object defining and calling functions whose names are then replaced, byte for
    /// byte, by the hostile name (same length, so every size and offset stays valid).
    static func hostileObject() throws -> URL {
        #expect(hostile.count == undefinedPlaceholder.utf8.count)
        let source = """
            extern int \(undefinedPlaceholder)(int);
            int \(definedPlaceholder)(int x) { return \(undefinedPlaceholder)(x) + 1; }
            void _start(void) { \(definedPlaceholder)(1); }
            """
        let object = try Fixtures.object(source)
        var bytes = [UInt8](try Data(contentsOf: object))
        var replaced = 0
        for placeholder in [undefinedPlaceholder, definedPlaceholder] {
            let needle = Array(placeholder.utf8)
            var index = 0
            while index + needle.count <= bytes.count {
                if bytes[index..<(index + needle.count)].elementsEqual(needle) {
                    var name = hostile
                    if placeholder == definedPlaceholder { name[4] = 0x50 }   // "Pwned": keep the two names apart
                    bytes.replaceSubrange(index..<(index + needle.count), with: name)
                    replaced += 1
                }
                index += 1
            }
        }
        #expect(replaced >= 2)
        let folder = try TemporaryDirectory(prefix: "wasm-undef-hostile")
        let url = folder.file("hostile.o")
        try Data(bytes).write(to: url)
        // Keep the folder alive for the process: tests share the file.
        Self.keep.append(folder)
        return url
    }

    nonisolated(unsafe) static var keep: [TemporaryDirectory] = []

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
        let object = try Self.hostileObject()
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
