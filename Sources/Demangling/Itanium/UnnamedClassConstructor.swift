/// Constructors and destructors of unnamed classes, as in
/// `_ZNSt3__224__barrier_algorithm_base9__state_tUt_C2Ev`.
///
/// An unnamed class's constructor has no name to print: LLVM shows
/// `__state_t::'unnamed'::()`, while libstdc++ borrows the enclosing class's name,
/// `__state_t::{unnamed type#1}::__state_t()`. The borrowed name is removed.
enum UnnamedClassConstructor {
    /// `text` (already in LLVM's spelling) with the constructor or destructor name after
    /// `'unnamed…'::` removed, when `mangled` has exactly one `Ut…_` followed by `C1`…`C5` or
    /// `D0`…`D5`; otherwise `text`.
    static func rewrite(_ text: String, mangled: Substring) -> String {
        guard mangled.contains("Ut"), hasSingleUnnamedStructor(Array(mangled.utf8)) else { return text }
        let bytes = Array(text.utf8)
        let marker = Array("'unnamed".utf8)
        var matches: [Range<Int>] = []
        var index = 0
        while index + marker.count <= bytes.count {
            defer { index += 1 }
            guard bytes[index..<(index + marker.count)].elementsEqual(marker) else { continue }
            // `'unnamed'` or `'unnamed3'`, then `::`, then the borrowed name and `(`.
            var cursor = index + marker.count
            while cursor < bytes.count, isDigit(bytes[cursor]) { cursor += 1 }
            guard cursor + 2 < bytes.count, bytes[cursor] == UInt8(ascii: "'"),
                  bytes[cursor + 1] == UInt8(ascii: ":"), bytes[cursor + 2] == UInt8(ascii: ":")
            else { continue }
            var nameStart = cursor + 3
            if nameStart < bytes.count, bytes[nameStart] == UInt8(ascii: "~") { nameStart += 1 }
            var nameEnd = nameStart
            while nameEnd < bytes.count, isIdentifierByte(bytes[nameEnd]) { nameEnd += 1 }
            guard nameEnd > nameStart, nameEnd < bytes.count, bytes[nameEnd] == UInt8(ascii: "(") else { continue }
            matches.append(nameStart..<nameEnd)
        }
        guard matches.count == 1, let name = matches.first else { return text }
        var result = bytes
        result.removeSubrange(name)
        return String(decoding: result, as: UTF8.self)
    }

    /// Exactly one `Ut [<number>] _` directly followed by a constructor or destructor code.
    private static func hasSingleUnnamedStructor(_ bytes: [UInt8]) -> Bool {
        var count = 0
        var index = 0
        while index + 1 < bytes.count {
            defer { index += 1 }
            guard bytes[index] == UInt8(ascii: "U"), bytes[index + 1] == UInt8(ascii: "t") else { continue }
            var cursor = index + 2
            while cursor < bytes.count, isDigit(bytes[cursor]) { cursor += 1 }
            guard cursor + 2 < bytes.count, bytes[cursor] == UInt8(ascii: "_") else { continue }
            let code = bytes[cursor + 1], kind = bytes[cursor + 2]
            if (code == UInt8(ascii: "C") && kind >= UInt8(ascii: "1") && kind <= UInt8(ascii: "5"))
                || (code == UInt8(ascii: "D") && kind >= UInt8(ascii: "0") && kind <= UInt8(ascii: "5")) {
                count += 1
            }
        }
        return count == 1
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func isIdentifierByte(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || byte == UInt8(ascii: "_")
    }
}
