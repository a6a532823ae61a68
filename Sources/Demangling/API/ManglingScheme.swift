/// The ways a symbol name can be mangled that `Demangler` knows.
public enum ManglingScheme: Sendable, Hashable, CaseIterable {
    /// Itanium C++ ABI names: `_Z…` (and Mach-O's `__Z…`), as clang and gcc emit them.
    case itanium
    /// Rust's legacy mangling (rustc's default until v0): an Itanium nested name whose last
    /// element is a hash, `_ZN…17h<16 hex digits>E`.
    case rustLegacy
    /// Rust's v0 mangling (`-C symbol-mangling-version=v0`): `_R…`.
    case rustV0
}
