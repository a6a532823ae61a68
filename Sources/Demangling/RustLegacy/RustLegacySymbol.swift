/// A Rust name in the legacy mangling (rustc's default before v0): an Itanium `_ZN…E` nested
/// name whose elements carry `$`-escapes and whose last element is the hash `h<16 hex>`, e.g.
/// `_ZN4core3fmt5write17h0123456789abcdefE`.
///
/// LLVM reads such names as C++ (`core::fmt::write::h0123456789abcdef`, escapes left as they
/// are); `readable` decodes the escapes the way the `rustc-demangle` crate does, keeping the
/// hash as LLVM shows it.
struct RustLegacySymbol {
    /// The elements as mangled, hash included.
    let elements: [Substring]
    /// What follows the closing `E`, such as `.llvm.1234`; empty if nothing.
    let suffix: Substring

    /// Parses `name`; nil unless it is `_ZN` (or Mach-O's `__ZN`) followed by length-prefixed
    /// elements of the characters rustc uses (`[A-Za-z0-9_$.]`) and `E`, with a hash as the
    /// last element, and nothing after the `E` but a `.`-suffix. Such a name is always a valid
    /// C++ name too.
    init?(_ name: String) {
        var rest = Substring(name)
        if rest.hasPrefix("__ZN") {
            rest = rest.dropFirst(4)
        } else if rest.hasPrefix("_ZN") {
            rest = rest.dropFirst(3)
        } else {
            return nil
        }
        guard rest.utf8.allSatisfy(Self.isSymbolByte) else { return nil }

        var elements: [Substring] = []
        while let first = rest.utf8.first, first != UInt8(ascii: "E") {
            let digits = rest.utf8.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
            guard !digits.isEmpty, digits.count <= 6,
                  let length = Int(Substring(digits)), length > 0,
                  length <= rest.utf8.count - digits.count
            else { return nil }
            let start = digits.endIndex
            let end = rest.utf8.index(start, offsetBy: length)
            elements.append(rest[start..<end])
            rest = rest[end...]
        }
        guard !rest.isEmpty, let hash = elements.last, Self.isHash(hash) else { return nil }
        let suffix = rest.dropFirst()
        guard suffix.isEmpty || suffix.hasPrefix(".") else { return nil }
        self.elements = elements
        self.suffix = suffix
    }

    private static func isSymbolByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "$") || byte == UInt8(ascii: ".")
    }

    /// `h` and 16 lowercase hex digits, as rustc writes its hashes.
    static func isHash(_ element: Substring) -> Bool {
        let bytes = element.utf8
        return bytes.count == 17 && bytes.first == UInt8(ascii: "h")
            && bytes.dropFirst().allSatisfy { byte in
                (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                    || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f"))
            }
    }

    /// `<alloc::string::String as core::fmt::Display>::fmt::h0123456789abcdef`, with a suffix
    /// shown as LLVM shows it: ` (.llvm.1234)`.
    var readable: String {
        var text = elements.map(Self.decode).joined(separator: "::")
        if !suffix.isEmpty {
            text += " (" + suffix + ")"
        }
        return text
    }

    /// Undoes rustc's escaping of one element: `..` is `::`, `$LT$` is `<`, `$u20$` a space,
    /// and so on. An unknown escape leaves the rest of the element as it is, as in
    /// rustc-demangle.
    static func decode(_ element: Substring) -> String {
        var rest = element
        if rest.hasPrefix("_$") { rest = rest.dropFirst() }
        var text = ""
        while let first = rest.first {
            if first == "." {
                if rest.dropFirst().first == "." {
                    text += "::"
                    rest = rest.dropFirst(2)
                } else {
                    text += "."
                    rest = rest.dropFirst()
                }
            } else if first == "$" {
                guard let close = rest.dropFirst().firstIndex(of: "$"),
                      let unescaped = unescape(rest[rest.index(after: rest.startIndex)..<close])
                else { break }
                text += unescaped
                rest = rest[rest.index(after: close)...]
            } else {
                let run = rest.prefix { $0 != "$" && $0 != "." }
                text += run
                rest = rest[run.endIndex...]
            }
        }
        return text + rest
    }

    private static func unescape(_ code: Substring) -> String? {
        switch code {
        case "SP": return "@"
        case "BP": return "*"
        case "RF": return "&"
        case "LT": return "<"
        case "GT": return ">"
        case "LP": return "("
        case "RP": return ")"
        case "C": return ","
        default:
            guard code.first == "u" else { return nil }
            let digits = code.dropFirst()
            guard !digits.isEmpty, digits.count <= 8,
                  digits.allSatisfy({ $0.isHexDigit && !$0.isUppercase }),
                  let value = UInt32(digits, radix: 16),
                  let scalar = Unicode.Scalar(value),
                  !scalar.properties.generalCategory.isControl
            else { return nil }
            return String(Character(scalar))
        }
    }
}

private extension Unicode.GeneralCategory {
    var isControl: Bool { self == .control }
}
