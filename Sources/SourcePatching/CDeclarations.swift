/// Finds the file-scope function declarations of C and C++ source (prototypes ending in `;`)
/// by name, skipping comments, string and character literals and preprocessor lines.
public enum CDeclarationScanner {
    /// A prototype: the name it declares and the byte where its statement starts.
    public struct Declaration: Sendable, Hashable {
        public var name: String
        public var statementStart: Int
        /// Byte of the name.
        public var nameOffset: Int
        /// Whether the statement already carries `import_name`/`import_module`.
        public var hasImportAttribute: Bool
    }

    public static func declarations(in bytes: [UInt8]) -> [Declaration] {
        var result: [Declaration] = []
        var index = 0
        let count = bytes.count
        var depth = 0
        var statementStart: Int? = nil
        var lastIdentifier: (text: String, offset: Int)? = nil
        var candidate: (text: String, offset: Int)? = nil
        var statementWords: [String] = []
        var atLineStart = true
        func at(_ offset: Int) -> UInt8 { offset < count ? bytes[offset] : 0 }
        func reset() {
            statementStart = nil
            candidate = nil
            lastIdentifier = nil
            statementWords = []
        }
        while index < count {
            let byte = bytes[index]
            if byte == 0x0a { atLineStart = true; index += 1; continue }
            if byte == 0x20 || byte == 0x09 || byte == 0x0d { index += 1; continue }
            if atLineStart && byte == 0x23 {
                // A preprocessor line, with its backslash continuations.
                while index < count && !(bytes[index] == 0x0a && at(index - 1) != 0x5c) { index += 1 }
                continue
            }
            atLineStart = false
            if byte == 0x2f && at(index + 1) == 0x2f {
                while index < count && bytes[index] != 0x0a { index += 1 }
                continue
            }
            if byte == 0x2f && at(index + 1) == 0x2a {
                index += 2
                while index < count && !(bytes[index] == 0x2a && at(index + 1) == 0x2f) { index += 1 }
                index += 2
                continue
            }
            if byte == 0x22 || byte == 0x27 {
                if statementStart == nil && depth == 0 { statementStart = index }
                index += 1
                while index < count && bytes[index] != byte {
                    index += bytes[index] == 0x5c ? 2 : 1
                }
                index += 1
                continue
            }
            let isIdentifierStart = byte == 0x5f || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7a)
            if isIdentifierStart {
                var end = index + 1
                while end < count, bytes[end] == 0x5f || ((bytes[end] | 0x20) >= 0x61 && (bytes[end] | 0x20) <= 0x7a) || (bytes[end] >= 0x30 && bytes[end] <= 0x39) { end += 1 }
                let word = String(decoding: bytes[index..<end], as: UTF8.self)
                if depth == 0 {
                    if statementStart == nil { statementStart = index }
                    statementWords.append(word)
                    lastIdentifier = (word, index)
                }
                index = end
                continue
            }
            switch byte {
            case 0x28: // (
                if depth == 0, candidate == nil, let last = lastIdentifier, !["__attribute__", "import_module", "import_name"].contains(last.text) {
                    candidate = last
                }
                if depth == 0, statementStart == nil { statementStart = index }
                depth += 1
            case 0x29: depth = max(depth - 1, 0)
            case 0x7b: // {: a definition or a block opens; nothing to declare
                if depth == 0 { reset() }
                depth += 1
            case 0x7d: depth = max(depth - 1, 0); if depth == 0 { reset() }
            case 0x3b: // ;
                if depth == 0 {
                    if let candidate, let start = statementStart, statementWords.first != "typedef" {
                        result.append(Declaration(name: candidate.text, statementStart: start, nameOffset: candidate.offset,
                                                  hasImportAttribute: statementWords.contains("import_name")))
                    }
                    reset()
                }
            default:
                if depth == 0, statementStart == nil { statementStart = index }
            }
            index += 1
        }
        return result
    }
}
