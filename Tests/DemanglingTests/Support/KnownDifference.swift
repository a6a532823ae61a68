/// Differences between `Demangler` and an oracle that are understood and accepted.
///
/// `Demangler` matches llvm-cxxfilt 14, the reference. The Swift toolchain's `llvm-nm -C`
/// (LLVM 21, like its wasm-ld) is compared too, as evidence of where LLVM versions differ.
/// Each case says why it differs; `classify` recognises each narrowly, so anything else
/// fails the test. Measured on the corpus and fixtures (see `DifferentialTests`).
enum KnownDifference: String, CaseIterable, Hashable {
    /// LLVM 15 and later close nested template argument lists with `>>`; LLVM 14 and
    /// libstdc++ write `> >`. `Demangler` follows llvm-cxxfilt 14. (Newer LLVM only.)
    case closingAngleBrackets = "`> >` for `>>`"

    /// Expressions in `decltype`, array bounds and template arguments (SFINAE signatures):
    /// libstdc++, LLVM 14 and LLVM 21 each parenthesise and space operators their own way
    /// (`fp+fp`, `(fp) + (fp)`, `fp + fp`). The text differs only in spaces and parentheses;
    /// rewriting it would need the expression tree, which `__cxa_demangle` does not expose.
    case expressionSpelling = "expression spelling"

    /// LLVM 14 prints an empty name for the constructor of a class with an ABI tag
    /// (`Tagged[abi:x]::()`); LLVM 21 and libstdc++ print `Tagged[abi:x]::Tagged()`. An LLVM
    /// 14 bug, fixed since: `Demangler` prints the constructor's name. (llvm-cxxfilt 14 only.)
    case llvm14EmptyConstructorName = "LLVM 14 empty constructor name"

    /// Manglings newer than LLVM 14 and GCC 12's libstdc++: C++20 constraints (`Q`, `Tk`),
    /// template parameter declarations (`Tn`, `Ty`), vendor type traits (`u14__remove_cvref`).
    /// llvm-cxxfilt 14 and `Demangler` leave these names mangled; LLVM 21 reads them.
    /// (Newer LLVM only.)
    case newerManglings = "newer manglings"

    /// LLVM 21 leaves the call operators of some generic lambdas mangled
    /// (`_ZZ14use_everythingvENK3$_0clIdcEEDaT_T0_`), which LLVM 14 and libstdc++ read as
    /// `auto use_everything()::$_0::operator()<double, char>(double, char) const`.
    /// `Demangler` follows llvm-cxxfilt 14. (Newer LLVM only.)
    case newerLLVMRejects = "newer LLVM rejects"

    /// A lambda inside a function template, used as a template argument (libc++'s
    /// `find_if<…, _Floating_to_chars_general_precision<float>(…)::'lambda'(unsigned int)>`):
    /// libstdc++ and LLVM number the substitutions inside it differently, so the function's
    /// own signature comes out as `unsigned int const* find_if(…)` (libstdc++, which matches
    /// the source) or `float find_if(…)` (LLVM 14 and 21).
    case substitutionsInLocalTemplateArgument = "substitutions in a local template argument"

    /// Who printed the reference text.
    enum Oracle {
        /// llvm-cxxfilt from LLVM 14 (Debian 12), the reference the demangler matches.
        case llvm14
        /// `llvm-nm -C` from the Swift toolchain's newer LLVM (21), which wasm-ld shares.
        case newerLLVM

        var name: String {
            switch self {
            case .llvm14: "llvm-cxxfilt 14"
            case .newerLLVM: "llvm-nm -C (toolchain LLVM)"
            }
        }
    }

    /// The known difference that explains `ours` against `text` for `name`, if any.
    /// `llvm14` is llvm-cxxfilt 14's text for the same name.
    static func classify(name: String, ours: String, oracle text: String, from oracle: Oracle, llvm14: String)
        -> KnownDifference?
    {
        let itanium = name.hasPrefix("_Z")
        guard itanium else { return nil }
        let normalizedOurs = oracle == .newerLLVM ? closingAnglesJoined(ours) : ours
        if oracle == .newerLLVM, normalizedOurs == text {
            return .closingAngleBrackets
        }
        if oracle == .newerLLVM, ours == name, llvm14 == name {
            return .newerManglings
        }
        if oracle == .newerLLVM, text == name, ours == llvm14 {
            return .newerLLVMRejects
        }
        if hasExpression(name), withoutSpacesAndParentheses(normalizedOurs) == withoutSpacesAndParentheses(text) {
            return .expressionSpelling
        }
        if oracle == .llvm14, text.contains("]::("), emptyingConstructorNames(ours) == text {
            return .llvm14EmptyConstructorName
        }
        if name.dropFirst(3).contains("ZZ"), !name.hasPrefix("_ZZ"), name.contains("Ul") {
            return .substitutionsInLocalTemplateArgument
        }
        return nil
    }

    private static func closingAnglesJoined(_ text: String) -> String {
        var result = text
        while result.contains("> >") { result = result.replacing("> >", with: ">>") }
        return result
    }

    /// Whether the mangled name contains an `<expression>`: `decltype` (`DT`, `Dt`), an
    /// expression template argument (`X…E`) or a dependent array bound (`A` + operator).
    private static func hasExpression(_ name: String) -> Bool {
        name.contains("DT") || name.contains("Dt") || name.contains("X") || name.contains("RApl")
    }

    private static func withoutSpacesAndParentheses(_ text: String) -> String {
        String(text.filter { $0 != " " && $0 != "(" && $0 != ")" })
    }

    /// `Tagged[abi:x]::Tagged(` → `Tagged[abi:x]::(`, as LLVM 14 prints it.
    private static func emptyingConstructorNames(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        while let range = rest.firstRange(of: "]::") {
            result += rest[..<range.upperBound]
            rest = rest[range.upperBound...]
            let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
            if !name.isEmpty, rest[name.endIndex...].first == "(" {
                rest = rest[name.endIndex...]
            }
        }
        return result + rest
    }
}
