/// A small streaming JSON writer with keys in the order written (reports read top-down:
/// `schema` first) and strings escaped per RFC 8259, so control characters in names become
/// `\u001b` and never reach a terminal raw.
public struct JSONWriter: Sendable {
    public private(set) var output = ""
    private var needsComma: [Bool] = [false]
    private var depth: Int { needsComma.count - 1 }
    private let pretty: Bool

    public init(pretty: Bool = true) {
        self.pretty = pretty
    }

    private mutating func separator() {
        if needsComma[needsComma.count - 1] { output += "," }
        needsComma[needsComma.count - 1] = true
        if pretty, depth > 0 { output += "\n" + String(repeating: "  ", count: depth) }
    }

    private mutating func open(_ bracket: String) {
        output += bracket
        needsComma.append(false)
    }

    private mutating func close(_ bracket: String) {
        let hadItems = needsComma.removeLast()
        if pretty, hadItems { output += "\n" + String(repeating: "  ", count: depth) }
        output += bracket
    }

    /// `{ … }` as a value (in an array or at the top).
    public mutating func object(_ body: (inout JSONWriter) -> Void) {
        if depth > 0 { separator() }
        open("{")
        body(&self)
        close("}")
    }

    /// `"key": { … }`.
    public mutating func object(_ key: String, _ body: (inout JSONWriter) -> Void) {
        self.key(key)
        open("{")
        body(&self)
        close("}")
    }

    /// `"key": [ … ]`.
    public mutating func array(_ key: String, _ body: (inout JSONWriter) -> Void) {
        self.key(key)
        open("[")
        body(&self)
        close("]")
    }

    /// `[ … ]` as a value.
    public mutating func array(_ body: (inout JSONWriter) -> Void) {
        if depth > 0 { separator() }
        open("[")
        body(&self)
        close("]")
    }

    private mutating func key(_ key: String) {
        separator()
        output += Self.quoted(key) + (pretty ? ": " : ":")
    }

    public mutating func field(_ key: String, _ value: String?) {
        self.key(key)
        output += value.map(Self.quoted) ?? "null"
    }

    public mutating func field(_ key: String, _ value: Int?) {
        self.key(key)
        output += value.map { String($0) } ?? "null"
    }

    public mutating func field(_ key: String, _ value: Bool?) {
        self.key(key)
        output += value.map { $0 ? "true" : "false" } ?? "null"
    }

    public mutating func field(_ key: String, strings: [String]) {
        array(key) { writer in
            for value in strings { writer.value(value) }
        }
    }

    /// A string element of an array.
    public mutating func value(_ value: String) {
        separator()
        output += Self.quoted(value)
    }

    /// Hands out what has been written so far and forgets it: for streaming a large
    /// document in pieces (the structure state is kept).
    public mutating func takeOutput() -> String {
        defer { output = "" }
        return output
    }

    /// The finished document with a trailing newline.
    public var document: String { output + "\n" }

    /// A JSON string literal.
    public static func quoted(_ text: String) -> String {
        // Fast path: printable ASCII without quotes or backslashes (nearly every name).
        var plain = true
        for byte in text.utf8 where byte < 0x20 || byte >= 0x7f || byte == 0x22 || byte == 0x5c {
            plain = false
            break
        }
        if plain { return "\"" + text + "\"" }
        var result = "\""
        result.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7f || (scalar.value >= 0x80 && scalar.value < 0xa0)
                    || (scalar.value >= 0x202a && scalar.value <= 0x202e) || (scalar.value >= 0x2066 && scalar.value <= 0x2069) {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
