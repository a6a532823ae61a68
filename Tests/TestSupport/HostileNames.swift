import Foundation

/// An object whose symbol names carry terminal control sequences: an OSC "set title" ending
/// in BEL, "clear screen", CR, backspace, a bidi override and a C1 CSI. Output must show
/// them escaped, never raw.
public enum HostileNames {
    /// 21 bytes: OSC "set title" ending in BEL, "clear screen", CR, backspace, RLO, C1 CSI.
    public static let hostile = Array("\u{1b}]0;pwned\u{07}\u{1b}[2J\r\u{08}\u{202e}\u{9b}".utf8)
    static let undefinedPlaceholder = "PLACEHOLDER_UNDEF_021"
    static let definedPlaceholder = "PLACEHOLDER_DEFIN_021"
    nonisolated(unsafe) static var keep: [TemporaryDirectory] = []

    /// An object defining and calling functions whose names are then replaced, byte for
    /// byte, by the hostile name (same length, so every size and offset stays valid). The
    /// defined one reads `Pwned` instead of `pwned`.
    public static func object() throws -> URL {
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
                    if placeholder == definedPlaceholder { name[4] = 0x50 }
                    bytes.replaceSubrange(index..<(index + needle.count), with: name)
                    replaced += 1
                }
                index += 1
            }
        }
        guard replaced >= 2 else { throw FixtureError(message: "the placeholder names were not found in the object") }
        let folder = try TemporaryDirectory(prefix: "wasm-undef-hostile")
        let url = folder.file("hostile.o")
        try Data(bytes).write(to: url)
        keep.append(folder)       // alive for the test process
        return url
    }
}
