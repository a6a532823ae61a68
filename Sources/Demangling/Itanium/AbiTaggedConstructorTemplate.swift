/// Constructor templates whose name carries an ABI tag, as in libc++'s
/// `_ZNSt3__210unique_ptrI…EC2B8ne190106ILb1EvEEPS1_`
/// (`std::__2::unique_ptr<…>::unique_ptr[abi:ne190106]<true, void>(…)`).
///
/// GCC 12's libstdc++ does not see through the tag: it takes such a constructor for an
/// ordinary function template, so it reads the first parameter as a return type, or rejects
/// the name when there are no parameters. libc++ 19 and later tags almost every inline
/// constructor template this way. The tag is removed from the mangled name, the rest
/// demangled, and the tag put back after the constructor's name, where LLVM prints it.
enum AbiTaggedConstructorTemplate {
    /// `mangled` demangled this way, or nil when it has no single tagged constructor template
    /// or the constructor cannot be found again in the demangled text.
    static func demangle(_ mangled: Substring, using demangle: (Substring) -> String?) -> String? {
        let bytes = Array(mangled.utf8)
        guard let tagged = findSingleTaggedConstructor(bytes) else { return nil }
        var stripped = bytes
        stripped.removeSubrange(tagged.tags)
        let tags = tagged.names.map { "[abi:\($0)]" }.joined()
        guard let text = demangle(Substring(decoding: stripped, as: UTF8.self)),
              let insertion = constructorNameEnd(in: text)
        else { return nil }
        return String(text[..<insertion]) + tags + String(text[insertion...])
    }

    /// The `B <source-name>` tags of the one constructor `C1`…`C5` followed by tags and
    /// template arguments (`I`).
    private static func findSingleTaggedConstructor(_ bytes: [UInt8]) -> (tags: Range<Int>, names: [String])? {
        var found: (tags: Range<Int>, names: [String])?
        var index = 0
        while index + 2 < bytes.count {
            defer { index += 1 }
            guard bytes[index] == UInt8(ascii: "C"),
                  bytes[index + 1] >= UInt8(ascii: "1"), bytes[index + 1] <= UInt8(ascii: "5"),
                  bytes[index + 2] == UInt8(ascii: "B")
            else { continue }
            var cursor = index + 2
            var names: [String] = []
            while cursor < bytes.count, bytes[cursor] == UInt8(ascii: "B"),
                  let (name, end) = sourceName(bytes, at: cursor + 1) {
                names.append(name)
                cursor = end
            }
            guard !names.isEmpty, cursor < bytes.count, bytes[cursor] == UInt8(ascii: "I") else { continue }
            // More than one candidate: too unusual to rewrite with confidence.
            guard found == nil else { return nil }
            found = (index + 2..<cursor, names)
        }
        return found
    }

    /// `<length> <identifier>` at `start`.
    private static func sourceName(_ bytes: [UInt8], at start: Int) -> (String, Int)? {
        var index = start
        var length = 0
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9"),
              index - start < 6 {
            length = length * 10 + Int(bytes[index] - UInt8(ascii: "0"))
            index += 1
        }
        guard index > start, length > 0, index + length <= bytes.count else { return nil }
        return (String(decoding: bytes[index..<(index + length)], as: UTF8.self), index + length)
    }

    /// Where the constructor's name ends in `text`: the single `::X<` whose preceding
    /// component is the class `X` itself (`unique_ptr<…>::unique_ptr<true, void>(`).
    private static func constructorNameEnd(in text: String) -> String.Index? {
        let bytes = Array(text.utf8)
        var found: Int?
        var index = 0
        while index + 2 < bytes.count {
            defer { index += 1 }
            guard bytes[index] == UInt8(ascii: ":"), bytes[index + 1] == UInt8(ascii: ":") else { continue }
            let nameStart = index + 2
            var nameEnd = nameStart
            while nameEnd < bytes.count, isIdentifierByte(bytes[nameEnd]) { nameEnd += 1 }
            guard nameEnd > nameStart, nameEnd < bytes.count, bytes[nameEnd] == UInt8(ascii: "<"),
                  precedingComponentName(bytes, end: index).elementsEqual(bytes[nameStart..<nameEnd])
            else { continue }
            guard found == nil else { return nil }
            found = nameEnd
        }
        guard let found else { return nil }
        return text.utf8.index(text.utf8.startIndex, offsetBy: found)
    }

    /// The identifier of the path component that ends at `end`, without its template
    /// arguments: `basic_string` for `std::basic_string<char, …>`.
    private static func precedingComponentName(_ bytes: [UInt8], end: Int) -> ArraySlice<UInt8> {
        var index = end
        if index > 0, bytes[index - 1] == UInt8(ascii: ">") {
            var depth = 0
            while index > 0 {
                index -= 1
                if bytes[index] == UInt8(ascii: ">") { depth += 1 }
                if bytes[index] == UInt8(ascii: "<") {
                    depth -= 1
                    if depth == 0 { break }
                }
            }
        }
        let nameEnd = index
        while index > 0, isIdentifierByte(bytes[index - 1]) { index -= 1 }
        return bytes[index..<nameEnd]
    }

    private static func isIdentifierByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
    }
}
