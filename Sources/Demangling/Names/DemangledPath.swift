/// Reads the bare item name out of a demangled C++ or Rust name, for near-miss matching.
enum DemangledPath {
    /// See `Demangler.lastPathComponent(ofDemangled:)`.
    static func lastComponent(of demangled: String) -> String {
        let bytes = Array(demangled.utf8)
        var end = withoutSuffixAndHash(bytes)
        end = withoutTrailingDecorations(bytes, end: end)
        let start = lastComponentStart(bytes, end: end)
        guard start < end else { return demangled }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// Drops LLVM's ` (.llvm.123)` suffix and a trailing Rust hash `::h<16 hex>`.
    private static func withoutSuffixAndHash(_ bytes: [UInt8]) -> Int {
        var end = bytes.count
        if end > 0, bytes[end - 1] == UInt8(ascii: ")"), let open = lastIndex(of: " (.", in: bytes, before: end) {
            end = open
        }
        let hashLength = 3 + 16
        if end > hashLength, bytes[end - hashLength..<end - 16].elementsEqual("::h".utf8),
           bytes[end - 16..<end].allSatisfy(isLowerHexDigit) {
            end -= hashLength
        }
        return end
    }

    /// Drops, from the end, parameter lists, qualifiers (`const`, `&`, `noexcept`), ABI tags
    /// and generic arguments, until a name is left.
    private static func withoutTrailingDecorations(_ bytes: [UInt8], end initialEnd: Int) -> Int {
        var end = initialEnd
        let qualifiers = [" const", " volatile", " restrict", " noexcept", " &&", " &"]
        while end > 0 {
            while end > 0, bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
            if let qualifier = qualifiers.first(where: { hasSuffix($0, bytes, end: end) }) {
                end -= qualifier.utf8.count
                continue
            }
            let last = bytes[end - 1]
            if last == UInt8(ascii: ")"), !hasSuffix("operator()", bytes, end: end),
               let open = matchingOpen(bytes, end: end, open: "(", close: ")"), open > 0 {
                end = open
            } else if last == UInt8(ascii: "]"), let open = matchingOpen(bytes, end: end, open: "[", close: "]"),
                      bytes[open..<end].starts(with: "[abi:".utf8), open > 0 {
                end = open
            } else if last == UInt8(ascii: ">"), !isOperatorEnd(bytes, end: end),
                      let open = matchingOpen(bytes, end: end, open: "<", close: ">"), open > 0 {
                end = open
                // Rust writes generic arguments of functions as `path::<T>`.
                if hasSuffix("::", bytes, end: end), end > 2 { end -= 2 }
            } else {
                break
            }
        }
        return end
    }

    /// The start of the last `::`-separated component outside brackets, and within it the
    /// part after a return type (`void f` → `f`), unless it is an operator.
    private static func lastComponentStart(_ bytes: [UInt8], end: Int) -> Int {
        var depth = 0
        var componentStart = 0
        var index = 0
        while index < end {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: "<"):
                depth += 1
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth -= 1
            case UInt8(ascii: ">"):
                if index == 0 || bytes[index - 1] != UInt8(ascii: "-") { depth -= 1 }
            case UInt8(ascii: ":") where depth == 0 && index + 1 < end && bytes[index + 1] == UInt8(ascii: ":"):
                componentStart = index + 2
                index += 1
            default:
                break
            }
            index += 1
        }
        let component = bytes[componentStart..<end]
        if component.starts(with: "operator".utf8) { return componentStart }
        // A return type or a special-name phrase before the name ends at the last top-level space.
        depth = 0
        var start = componentStart
        for index in componentStart..<end {
            switch bytes[index] {
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: "<"): depth += 1
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: ">"): depth -= 1
            case UInt8(ascii: " ") where depth == 0: start = index + 1
            default: break
            }
        }
        return start
    }

    /// The index of the bracket that `bytes[end - 1]` closes, skipping `->` when the brackets
    /// are angle brackets.
    private static func matchingOpen(_ bytes: [UInt8], end: Int, open: Unicode.Scalar, close: Unicode.Scalar) -> Int? {
        let openByte = UInt8(ascii: open), closeByte = UInt8(ascii: close)
        var depth = 0
        var index = end
        while index > 0 {
            index -= 1
            let byte = bytes[index]
            if byte == closeByte {
                if close == ">", index > 0, bytes[index - 1] == UInt8(ascii: "-") { continue }
                depth += 1
            } else if byte == openByte {
                depth -= 1
                if depth == 0 { return index }
            }
        }
        return nil
    }

    /// `operator>`, `operator>>`, `operator->`, `operator>=`… end in `>` that closes nothing.
    private static func isOperatorEnd(_ bytes: [UInt8], end: Int) -> Bool {
        var index = end
        while index > 0, "<>=-".utf8.contains(bytes[index - 1]) { index -= 1 }
        return hasSuffix("operator", bytes, end: index)
    }

    private static func hasSuffix(_ suffix: String, _ bytes: [UInt8], end: Int) -> Bool {
        let count = suffix.utf8.count
        return end >= count && bytes[(end - count)..<end].elementsEqual(suffix.utf8)
    }

    private static func lastIndex(of needle: String, in bytes: [UInt8], before end: Int) -> Int? {
        let count = needle.utf8.count
        var start = end - count
        while start >= 0 {
            if bytes[start..<(start + count)].elementsEqual(needle.utf8) { return start }
            start -= 1
        }
        return nil
    }

    private static func isLowerHexDigit(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f"))
    }
}
