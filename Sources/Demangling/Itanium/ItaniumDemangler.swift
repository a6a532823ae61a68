import CDemangle
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Itanium C++ names (`_Z…`), demangled by the C++ runtime's `__cxa_demangle` and printed
/// the way LLVM prints them.
///
/// The runtime's text is made LLVM's:
/// - A `.`-suffix after a complete name (`.cold`, `.constprop.0`, `.llvm.123`, added by
///   compilers to clones and by ThinLTO to promoted locals) is shown as ` (.cold)`, as LLVM
///   does. libstdc++ shows some as `[clone .cold]` and rejects others.
/// - What libstdc++ prints differently is rewritten to LLVM's form
///   (`ItaniumLLVMSpelling`, `LocalNameReturnType`, `UnnamedClassConstructor`), and what it
///   misreads is worked around (`AbiTaggedConstructorTemplate`).
enum ItaniumDemangler {
    /// Longer names are not demangled. libstdc++ needs stack in proportion to the name (the
    /// C shim gives long names a thread with 1 KiB of stack per byte), and no real symbol
    /// comes near this.
    static let maximumLength = 65_536

    /// Demangles `_Z…`, or Mach-O's `__Z…` as LLVM's `llvm::demangle` does.
    static func demangle(_ name: String) -> String? {
        let mangled: Substring
        if name.hasPrefix("_Z") {
            mangled = Substring(name)
        } else if name.hasPrefix("__Z") {
            mangled = name.dropFirst()
        } else {
            return nil
        }
        guard mangled.utf8.count <= maximumLength, !mangled.utf8.contains(0) else { return nil }

        if let text = runtimeDemangle(mangled) {
            // libstdc++ accepts clone suffixes on functions and prints `[clone .cold]`.
            if let clone = CloneSuffix(splitting: text), mangled.hasSuffix(clone.suffix) {
                let encoding = mangled.dropLast(clone.suffix.count)
                return spelledLikeLLVM(String(clone.base), mangled: encoding) + " (" + clone.suffix + ")"
            }
            return spelledLikeLLVM(text, mangled: mangled)
        }

        // LLVM ends the name at the first `.` after a complete encoding and shows the rest as
        // a suffix. A `.` inside a length-prefixed identifier (Rust's `..`) cannot end a
        // complete encoding, so the first prefix that demangles is the one LLVM finds.
        var searchStart = mangled.startIndex
        while let dot = mangled[searchStart...].firstIndex(of: ".") {
            let encoding = mangled[..<dot]
            if let text = runtimeDemangle(encoding) {
                return spelledLikeLLVM(text, mangled: encoding) + " (" + mangled[dot...] + ")"
            }
            searchStart = mangled.index(after: dot)
        }
        return nil
    }

    /// `text`, demangled from `mangled` (no suffix) by the runtime, in LLVM's spelling.
    private static func spelledLikeLLVM(_ text: String, mangled: Substring) -> String {
        let withReturnType = LocalNameReturnType.restore(in: text, mangled: mangled, using: runtimeDemangle)
        let spelled = ItaniumLLVMSpelling.rewrite(withReturnType)
        return UnnamedClassConstructor.rewrite(spelled, mangled: mangled)
    }

    /// The runtime's demangling of `mangled`, working around what libstdc++ gets wrong before
    /// its spelling is rewritten.
    static func runtimeDemangle(_ mangled: Substring) -> String? {
        AbiTaggedConstructorTemplate.demangle(mangled, using: cxaDemangle) ?? cxaDemangle(mangled)
    }

    /// `__cxa_demangle` on `mangled`. Only names starting with `_Z` are passed, because the
    /// runtime also demangles bare type codes (`i` is `int`).
    static func cxaDemangle(_ mangled: Substring) -> String? {
        guard mangled.hasPrefix("_Z") else { return nil }
        let length = mangled.utf8.count
        return String(mangled).withCString { cString -> String? in
            guard let result = cdemangle_itanium(cString, length) else { return nil }
            defer { free(result) }
            return String(cString: result)
        }
    }
}
