import Demangling

/// Symbol names as wasm-ld 21 prints them (`maybeDemangleSymbol`): `__main_argc_argv` is
/// always `main`; otherwise Itanium C++ and Rust v0 names are demangled unless
/// `--no-demangle`, in LLVM's spelling (the `Demangling` target), with LLVM 15+'s `>>` for
/// nested template arguments.
public enum SymbolNames {
    /// The name wasm-ld prints for `name`.
    public static func display(_ name: String, demangle: Bool) -> String {
        if name == "__main_argc_argv" { return "main" }
        guard demangle, let demangled = Demangler.demangle(name) else { return name }
        return closingNestedTemplates(demangled)
    }

    /// `a<b<c> >` → `a<b<c>>`: what LLVM 15 and later print.
    static func closingNestedTemplates(_ text: String) -> String {
        guard text.contains("> >") else { return text }
        var result = text
        while result.contains("> >") { result = result.replacingAll("> >", with: ">>") }
        return result
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        var result = ""
        var rest = self[...]
        while let range = rest.range(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}

extension Substring {
    func range(of target: String) -> Range<Substring.Index>? {
        guard !target.isEmpty, count >= target.count else { return nil }
        var index = startIndex
        while index < endIndex {
            if self[index...].hasPrefix(target) { return index..<self.index(index, offsetBy: target.count) }
            index = self.index(after: index)
        }
        return nil
    }
}
