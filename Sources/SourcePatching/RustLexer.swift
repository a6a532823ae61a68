/// A token of Rust source, as far as finding `extern` blocks needs: identifiers, literals and
/// single punctuation bytes. Comments (line, block, nested, doc) and whitespace are skipped;
/// string, raw-string, byte-string and character literals are single tokens, so nothing
/// inside them is mistaken for code.
/// <https://doc.rust-lang.org/reference/tokens.html>
struct RustToken: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case identifier
        case literal
        case lifetime
        case punctuation
    }

    var kind: Kind
    /// Byte range in the file.
    var range: Range<Int>
    /// The text (for punctuation, the one character).
    var text: String

    func `is`(_ punctuation: Character) -> Bool { kind == .punctuation && text.first == punctuation }
    func isWord(_ word: String) -> Bool { kind == .identifier && text == word }
}

/// Splits Rust source into `RustToken`s.
enum RustLexer {
    static func tokens(_ bytes: [UInt8]) -> [RustToken] {
        var tokens: [RustToken] = []
        var index = 0
        let count = bytes.count
        func at(_ offset: Int) -> UInt8 { offset < count ? bytes[offset] : 0 }
        func isIdentifierStart(_ byte: UInt8) -> Bool { byte == 0x5f || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7a) || byte >= 0x80 }
        func isIdentifierByte(_ byte: UInt8) -> Bool { isIdentifierStart(byte) || (byte >= 0x30 && byte <= 0x39) }
        func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

        /// A quoted string from `index` (at the quote); returns the index after the closing quote.
        func quoted(from start: Int) -> Int {
            var position = start + 1
            while position < count {
                if bytes[position] == 0x5c { position += 2; continue }
                if bytes[position] == 0x22 { return position + 1 }
                position += 1
            }
            return count
        }
        /// A raw string from `index` (at the first `#` or quote after `r`).
        func raw(from start: Int) -> Int? {
            var position = start
            var hashes = 0
            while at(position) == 0x23 { hashes += 1; position += 1 }
            guard at(position) == 0x22 else { return nil }
            position += 1
            while position < count {
                if bytes[position] == 0x22 {
                    var closing = 0
                    while closing < hashes && at(position + 1 + closing) == 0x23 { closing += 1 }
                    if closing == hashes { return position + 1 + hashes }
                }
                position += 1
            }
            return count
        }

        while index < count {
            let byte = bytes[index]
            // Whitespace.
            if byte == 0x20 || byte == 0x09 || byte == 0x0a || byte == 0x0d || byte == 0x0c || byte == 0x0b { index += 1; continue }
            // Comments.
            if byte == 0x2f && at(index + 1) == 0x2f {
                while index < count && bytes[index] != 0x0a { index += 1 }
                continue
            }
            if byte == 0x2f && at(index + 1) == 0x2a {
                var depth = 1
                index += 2
                while index < count && depth > 0 {
                    if bytes[index] == 0x2f && at(index + 1) == 0x2a { depth += 1; index += 2; continue }
                    if bytes[index] == 0x2a && at(index + 1) == 0x2f { depth -= 1; index += 2; continue }
                    index += 1
                }
                continue
            }
            let start = index
            // Raw strings and raw identifiers: r"…", r#"…"#, br…, cr…, r#ident.
            if byte == 0x72 || ((byte == 0x62 || byte == 0x63) && at(index + 1) == 0x72) {
                let afterR = byte == 0x72 ? index + 1 : index + 2
                if at(afterR) == 0x22 || at(afterR) == 0x23, let end = raw(from: afterR) {
                    tokens.append(RustToken(kind: .literal, range: start..<end, text: text(start..<end)))
                    index = end
                    continue
                }
                if byte == 0x72 && at(index + 1) == 0x23 && isIdentifierStart(at(index + 2)) {
                    var end = index + 2
                    while end < count && isIdentifierByte(bytes[end]) { end += 1 }
                    tokens.append(RustToken(kind: .identifier, range: start..<end, text: text((start + 2)..<end)))
                    index = end
                    continue
                }
            }
            // Byte and C strings: b"…", c"…", and byte characters b'…'.
            if (byte == 0x62 || byte == 0x63) && at(index + 1) == 0x22 {
                let end = quoted(from: index + 1)
                tokens.append(RustToken(kind: .literal, range: start..<end, text: text(start..<end)))
                index = end
                continue
            }
            if byte == 0x22 {
                let end = quoted(from: index)
                tokens.append(RustToken(kind: .literal, range: start..<end, text: text(start..<end)))
                index = end
                continue
            }
            if byte == 0x27 || (byte == 0x62 && at(index + 1) == 0x27) {
                let quote = byte == 0x27 ? index : index + 1
                // A character literal: '\…' or one scalar then '; otherwise a lifetime.
                if at(quote + 1) == 0x5c {
                    var end = quote + 2
                    while end < count && bytes[end] != 0x27 && bytes[end] != 0x0a { end += 1 }
                    end = min(end + 1, count)
                    tokens.append(RustToken(kind: .literal, range: start..<end, text: text(start..<end)))
                    index = end
                    continue
                }
                var scalarEnd = quote + 2
                while scalarEnd < count && bytes[scalarEnd] & 0xc0 == 0x80 { scalarEnd += 1 }
                if at(scalarEnd) == 0x27 {
                    tokens.append(RustToken(kind: .literal, range: start..<(scalarEnd + 1), text: text(start..<(scalarEnd + 1))))
                    index = scalarEnd + 1
                    continue
                }
                var end = quote + 1
                while end < count && isIdentifierByte(bytes[end]) { end += 1 }
                tokens.append(RustToken(kind: .lifetime, range: start..<max(end, quote + 1), text: text(start..<max(end, quote + 1))))
                index = max(end, quote + 1)
                continue
            }
            if isIdentifierStart(byte) {
                var end = index + 1
                while end < count && isIdentifierByte(bytes[end]) { end += 1 }
                tokens.append(RustToken(kind: .identifier, range: start..<end, text: text(start..<end)))
                index = end
                continue
            }
            if byte >= 0x30 && byte <= 0x39 {
                var end = index + 1
                while end < count && isIdentifierByte(bytes[end]) { end += 1 }
                tokens.append(RustToken(kind: .literal, range: start..<end, text: text(start..<end)))
                index = end
                continue
            }
            tokens.append(RustToken(kind: .punctuation, range: start..<(index + 1), text: String(UnicodeScalar(byte))))
            index += 1
        }
        return tokens
    }

    /// The value of a string literal token: quotes, raw hashes and the simple escapes removed.
    static func stringValue(_ literal: String) -> String? {
        var text = Substring(literal)
        if text.hasPrefix("b") || text.hasPrefix("c") { text = text.dropFirst() }
        if text.hasPrefix("r") {
            text = text.dropFirst()
            let hashes = text.prefix { $0 == "#" }.count
            text = text.dropFirst(hashes).dropLast(hashes)
            guard text.count >= 2, text.first == "\"", text.last == "\"" else { return nil }
            return String(text.dropFirst().dropLast())
        }
        guard text.count >= 2, text.first == "\"", text.last == "\"" else { return nil }
        var value = ""
        var escaped = false
        for character in text.dropFirst().dropLast() {
            if escaped {
                switch character {
                case "n": value.append("\n")
                case "t": value.append("\t")
                case "0": value.append("\0")
                default: value.append(character)
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                value.append(character)
            }
        }
        return value
    }
}
