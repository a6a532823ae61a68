/// Turns mangled symbol names (Itanium C++, Rust legacy, Rust v0) into readable ones.
///
/// The text is what llvm-cxxfilt (LLVM 14) prints, so what wasm-ld shows in its diagnostics
/// when it demangles. Rust v0 is demangled here, in Swift; C++ by the platform's C++ runtime
/// (`__cxa_demangle`), whose libstdc++ spellings are rewritten to LLVM's. What still differs
/// (C++ expressions inside `decltype` and SFINAE signatures, which the runtime parenthesises
/// its own way) is listed, with measurements, in `DemanglingTests/Support/KnownDifference.swift`.
/// LLVM 15 and later (wasm-ld 21) write `>>` where LLVM 14 writes `> >`.
///
/// Every function is pure and thread-safe. Names that cannot be mangled names (anything not
/// starting with `_Z`, `__Z` or `_R`) are rejected without further work, so calling
/// `demangle` on every symbol of a large input is cheap (about 12 µs a name in a debug build).
public enum Demangler {
    /// The demangled form of `name` as LLVM prints it (see `DemanglingStyle.llvm`), or nil if
    /// `name` is not a mangled name or cannot be demangled.
    ///
    /// ```swift
    /// Demangler.demangle("_ZN5mylib4initEv")              // "mylib::init()"
    /// Demangler.demangle("_RNvCs1234_5mylib4init")        // "mylib::init"
    /// Demangler.demangle("mylib_init")                    // nil
    /// ```
    public static func demangle(_ name: String) -> String? {
        demangle(name, style: .llvm)
    }

    /// The demangled form of `name` in `style`, or nil if `name` is not a mangled name or
    /// cannot be demangled.
    public static func demangle(_ name: String, style: DemanglingStyle) -> String? {
        guard let prefix = Prefix(name) else { return nil }
        switch prefix {
        case .rustV0:
            return RustV0Demangler.demangle(name)
        case .itanium:
            if style == .readableRust, let legacy = RustLegacySymbol(name) {
                return legacy.readable
            }
            return ItaniumDemangler.demangle(name)
        }
    }

    /// The scheme `name` is mangled in, or nil if it is not a name `demangle` can demangle.
    ///
    /// A legacy Rust name is also a valid C++ name; it is reported as `rustLegacy` when its
    /// last element is a rustc hash. This demangles `name` to check it, so it costs as much
    /// as `demangle`.
    public static func scheme(of name: String) -> ManglingScheme? {
        guard let prefix = Prefix(name) else { return nil }
        switch prefix {
        case .rustV0:
            return RustV0Demangler.demangle(name) == nil ? nil : .rustV0
        case .itanium:
            guard ItaniumDemangler.demangle(name) != nil else { return nil }
            return RustLegacySymbol(name) == nil ? .itanium : .rustLegacy
        }
    }

    /// The last component of a demangled path, without parameters, generic arguments, a
    /// Rust hash or a suffix: the bare name a user would type. Used to match near misses
    /// (`mylib_init` against `mylib::init`).
    ///
    /// ```swift
    /// Demangler.lastPathComponent(ofDemangled: "mylib::init::h0123456789abcdef")        // "init"
    /// Demangler.lastPathComponent(ofDemangled: "std::vector<int>::push_back(int&&)")   // "push_back"
    /// Demangler.lastPathComponent(ofDemangled: "<u8 as core::fmt::Debug>::fmt")        // "fmt"
    /// Demangler.lastPathComponent(ofDemangled: "mylib_init")                           // "mylib_init"
    /// ```
    public static func lastPathComponent(ofDemangled demangled: String) -> String {
        DemangledPath.lastComponent(of: demangled)
    }

    /// The cheap first look at a name: which demangler could accept it at all.
    private enum Prefix {
        case itanium, rustV0

        init?(_ name: String) {
            var bytes = name.utf8.makeIterator()
            let first = bytes.next(), second = bytes.next(), third = bytes.next()
            guard first == UInt8(ascii: "_") else { return nil }
            switch (second, third) {
            case (UInt8(ascii: "Z"), _), (UInt8(ascii: "_"), UInt8(ascii: "Z")): self = .itanium
            case (UInt8(ascii: "R"), _): self = .rustV0
            default: return nil
            }
        }
    }
}
