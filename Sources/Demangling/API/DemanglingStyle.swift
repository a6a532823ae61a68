/// How `Demangler` prints a name where tools disagree.
public enum DemanglingStyle: Sendable, Hashable {
    /// Exactly what LLVM prints (llvm-cxxfilt, `llvm-nm -C`, and wasm-ld's diagnostics when it
    /// demangles). Legacy Rust names are read as the C++ names they also are, so their
    /// escapes stay: `_$LT$alloc..string..String$u20$as$u20$core..fmt..Display$GT$::fmt::h0123456789abcdef`.
    case llvm
    /// Like `llvm`, except that legacy Rust names are decoded as the `rustc-demangle` crate
    /// decodes them, keeping the hash: `<alloc::string::String as core::fmt::Display>::fmt::h0123456789abcdef`.
    case readableRust
}
