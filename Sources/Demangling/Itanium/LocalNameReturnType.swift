/// The return type of the function that encloses a local entity.
///
/// For `_ZZ <encoding> E <entity>` (a static local, a local class, a lambda) LLVM prints the
/// enclosing function as it prints any function, with its return type when the mangling has
/// one (function templates): `std::ctype<char>& make<std::ctype<char>>(unsigned)::buf`.
/// libstdc++ leaves the return type out there: `make<std::ctype<char>>(unsigned)::buf`.
enum LocalNameReturnType {
    /// Where `<encoding>` ends is found by trying each `E`; this bounds the tries.
    static let maximumCandidates = 32

    /// `text` (libstdc++'s demangling of `mangled`) with the enclosing function's return type
    /// put back, or `text` unchanged when there is none or it cannot be found.
    static func restore(
        in text: String, mangled: Substring, using demangle: (Substring) -> String?
    ) -> String {
        guard mangled.hasPrefix("_ZZ") else { return text }
        var searchStart = mangled.index(mangled.startIndex, offsetBy: 3)
        var candidates = 0
        while candidates < maximumCandidates, let end = mangled[searchStart...].firstIndex(of: "E") {
            candidates += 1
            searchStart = mangled.index(after: end)
            let encoding = "_Z" + mangled[mangled.index(mangled.startIndex, offsetBy: 3)..<end]
            guard let demangled = demangle(Substring(encoding)) else { continue }
            // The enclosing function can itself be local (a lambda's call operator).
            let function = restore(in: demangled, mangled: Substring(encoding), using: demangle)
            if text.hasPrefix(function + "::") { return text }
            // `function` is `<return type> <name>(<parameters>)`: find the split at which
            // the rest is what libstdc++ printed.
            var index = function.startIndex
            while let space = function[index...].firstIndex(of: " ") {
                let rest = function[function.index(after: space)...]
                if text.hasPrefix(rest + "::") {
                    return function[...space] + text
                }
                index = function.index(after: space)
            }
        }
        return text
    }
}
