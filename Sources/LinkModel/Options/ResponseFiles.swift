/// `@file` expansion as wasm-ld does it on Unix (`cl::ExpandResponseFiles` with the GNU
/// tokenizer): whitespace separates arguments, `'…'` and `"…"` quote, a backslash escapes the
/// next character (inside quotes too), and `@file` inside a response file expands again. A
/// `@name` whose file does not exist stays as it is (wasm-ld then fails to open it as an input).
public enum ResponseFiles {
    /// The maximum nesting of response files (LLVM stops on cycles; we stop on depth).
    static let maximumDepth = 32

    /// Expands every `@file` in `arguments`, reading files with `read`.
    public static func expand(
        _ arguments: [String],
        read: (String) -> String?
    ) throws(LinkModelError) -> [String] {
        try expand(arguments, read: read, depth: 0)
    }

    private static func expand(_ arguments: [String], read: (String) -> String?, depth: Int) throws(LinkModelError) -> [String] {
        var result: [String] = []
        for argument in arguments {
            guard argument.hasPrefix("@"), argument.count > 1 else {
                result.append(argument)
                continue
            }
            let path = String(argument.dropFirst())
            guard let text = read(path) else {
                result.append(argument)
                continue
            }
            guard depth < maximumDepth else {
                throw LinkModelError(kind: .usage, message: "\(argument): response files nested too deeply (a cycle?)")
            }
            result += try expand(tokenize(text), read: read, depth: depth + 1)
        }
        return result
    }

    /// Splits `text` as LLVM's `TokenizeGNUCommandLine` does.
    public static func tokenize(_ text: String) -> [String] {
        var tokens: [String] = []
        var token: [UInt8] = []
        var started = false
        let bytes = Array(text.utf8)
        var index = 0
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0a || byte == 0x0d || byte == 0x0b || byte == 0x0c }
        func finish() {
            if !token.isEmpty { tokens.append(String(decoding: token, as: UTF8.self)) }
            token.removeAll(keepingCapacity: true)
            started = false
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x5c, index + 1 < bytes.count {            // backslash
                token.append(bytes[index + 1])
                started = true
                index += 2
                continue
            }
            if byte == 0x22 || byte == 0x27 {                     // " or '
                let quote = byte
                index += 1
                while index < bytes.count, bytes[index] != quote {
                    if bytes[index] == 0x5c, index + 1 < bytes.count { index += 1 }
                    token.append(bytes[index])
                    index += 1
                }
                started = true
                index += 1
                continue
            }
            if isSpace(byte) {
                if started { finish() }
                index += 1
                continue
            }
            token.append(byte)
            started = true
            index += 1
        }
        finish()
        return tokens
    }
}
