/// Rewrites libstdc++'s spelling of demangled C++ into LLVM's.
///
/// Each rewrite is of text that only libstdc++ produces, so LLVM-based runtimes (libc++abi on
/// macOS), whose output is already LLVM's, pass through unchanged.
///
/// | libstdc++ | LLVM |
/// |---|---|
/// | `{lambda(int)#1}`, `{lambda(int)#2}` | `'lambda'(int)`, `'lambda0'(int)` |
/// | `{unnamed type#1}`, `{unnamed type#2}` | `'unnamed'`, `'unnamed0'` |
/// | `{parm#1}`, `{parm#2}` (in expressions) | `fp`, `fp0` |
/// | `decltype(nullptr)` | `std::nullptr_t` |
/// | `decltype (x)` | `decltype(x)` |
/// | `float __vector(4)` | `float vector[4]` |
/// | `double _Complex`, `double _Imaginary` | `double complex`, `double imaginary` |
/// | `TLS init function for x` | `thread-local initialization routine for x` |
/// | `TLS wrapper function for x` | `thread-local wrapper routine for x` |
/// | `f<, int>(, int)`, `f<int, , char>` (empty packs) | `f<int>(int)`, `f<int, char>` |
enum ItaniumLLVMSpelling {
    static func rewrite(_ text: String) -> String {
        var result = text
        if result.utf8.contains(UInt8(ascii: "{")) {
            result = rewriteBraced(result)
        }
        if result.contains(", ,") || result.contains("<, ") || result.contains("(, ") {
            result = withoutEmptyPacks(result)
        }
        if result.hasPrefix("TLS ") {
            result = replacingPrefix(result, "TLS init function for ", "thread-local initialization routine for ")
            result = replacingPrefix(result, "TLS wrapper function for ", "thread-local wrapper routine for ")
        }
        if result.contains("decltype") {
            result = result.replacing("decltype(nullptr)", with: "std::nullptr_t")
            result = result.replacing("decltype (", with: "decltype(")
        }
        if result.contains(" __vector(") {
            result = rewriteVectors(result)
        }
        if result.contains(" _Complex") || result.contains(" _Imaginary") {
            result = result.replacing(" _Complex", with: " complex").replacing(" _Imaginary", with: " imaginary")
        }
        return result
    }

    private static func replacingPrefix(_ text: String, _ prefix: String, _ replacement: String) -> String {
        text.hasPrefix(prefix) ? replacement + text.dropFirst(prefix.count) : text
    }

    /// `{lambda(…)#N}`, `{unnamed type#N}` and `{parm#N}`.
    private static func rewriteBraced(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "{"), let (replacement, end) = braced(bytes, at: index) {
                output.append(contentsOf: replacement)
                index = end
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The LLVM spelling of the braced name at `start`, and the index after it.
    private static func braced(_ bytes: [UInt8], at start: Int) -> ([UInt8], Int)? {
        if let parameters = match("{lambda(", in: bytes, at: start) {
            // The parameter list runs to the matching parenthesis.
            var depth = 1
            var index = parameters
            while index < bytes.count, depth > 0 {
                if bytes[index] == UInt8(ascii: "(") { depth += 1 }
                if bytes[index] == UInt8(ascii: ")") { depth -= 1 }
                index += 1
            }
            guard depth == 0, let (number, end) = ordinal(bytes, at: index) else { return nil }
            let signature = bytes[(parameters - 1)..<index]
            return (Array("'lambda\(llvmCount(number))'".utf8) + signature, end)
        }
        if let after = match("{unnamed type", in: bytes, at: start), let (number, end) = ordinal(bytes, at: after) {
            return (Array("'unnamed\(llvmCount(number))'".utf8), end)
        }
        if let after = match("{parm", in: bytes, at: start), let (number, end) = ordinal(bytes, at: after) {
            return (Array("fp\(llvmCount(number))".utf8), end)
        }
        return nil
    }

    /// `#N}` at `start`: N and the index after the brace.
    private static func ordinal(_ bytes: [UInt8], at start: Int) -> (Int, Int)? {
        guard let digitsStart = match("#", in: bytes, at: start) else { return nil }
        var index = digitsStart
        var number = 0
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9"),
              index - digitsStart < 9 {
            number = number * 10 + Int(bytes[index] - UInt8(ascii: "0"))
            index += 1
        }
        guard index > digitsStart, number > 0, let end = match("}", in: bytes, at: index) else { return nil }
        return (number, end)
    }

    /// libstdc++ counts from 1 (`#1`, `#2`); LLVM shows the mangled discriminator: nothing
    /// for the first (`_`), then 0, 1, … (`0_`, `1_`).
    private static func llvmCount(_ number: Int) -> String {
        number == 1 ? "" : String(number - 2)
    }

    /// The index after `literal` if it occurs at `start`.
    private static func match(_ literal: StaticString, in bytes: [UInt8], at start: Int) -> Int? {
        let count = literal.utf8CodeUnitCount
        guard start + count <= bytes.count else { return nil }
        let matches = literal.withUTF8Buffer { literalBytes in
            bytes[start..<(start + count)].elementsEqual(literalBytes)
        }
        return matches ? start + count : nil
    }

    /// libstdc++ prints an empty template parameter pack as an empty list element; LLVM
    /// leaves it out.
    private static func withoutEmptyPacks(_ text: String) -> String {
        var result = text
        while result.contains(", , ") {
            result = result.replacing(", , ", with: ", ")
        }
        result = result.replacing("(, ", with: "(")
        // `<, ` after `operator` is `operator<` followed by another argument.
        var output = ""
        var rest = Substring(result)
        while let range = rest.firstRange(of: "<, ") {
            output += rest[..<range.lowerBound]
            output += (rest[..<range.lowerBound].hasSuffix("operator") ? "<, " : "<")
            rest = rest[range.upperBound...]
        }
        return output + rest
    }

    /// ` __vector(N)` → ` vector[N]`.
    private static func rewriteVectors(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        let marker = " __vector("
        while let range = rest.firstRange(of: marker) {
            let digits = rest[range.upperBound...].prefix { $0.isASCII && $0.isNumber }
            let close = digits.endIndex
            guard !digits.isEmpty, close < rest.endIndex, rest[close] == ")" else {
                result += rest[..<range.upperBound]
                rest = rest[range.upperBound...]
                continue
            }
            result += rest[..<range.lowerBound] + " vector[" + digits + "]"
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}
