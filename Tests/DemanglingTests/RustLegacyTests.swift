import Testing
import Demangling

/// Legacy Rust names: read as C++ by default (like llvm-cxxfilt), decoded on request.
@Suite("Rust legacy")
struct RustLegacyTests {
    static let traitImpl =
        "_ZN60_$LT$alloc..string..String$u20$as$u20$core..fmt..Display$GT$3fmt17h0123456789abcdefE"
    static let closure =
        "_ZN4core3ptr85drop_in_place$LT$std..rt..lang_start$LT$$LP$$RP$$GT$..$u7b$$u7b$closure$u7d$$u7d$$GT$17h0123456789abcdefE"

    @Test("the default style prints what llvm-cxxfilt prints: the C++ reading, hash kept")
    func llvmStyle() {
        #expect(Demangler.demangle("_ZN4core3fmt5write17h0123456789abcdefE") == "core::fmt::write::h0123456789abcdef")
        #expect(Demangler.demangle(Self.traitImpl)
            == "_$LT$alloc..string..String$u20$as$u20$core..fmt..Display$GT$::fmt::h0123456789abcdef")
        #expect(Demangler.demangle(Self.closure)
            == "core::ptr::drop_in_place$LT$std..rt..lang_start$LT$$LP$$RP$$GT$..$u7b$$u7b$closure$u7d$$u7d$$GT$::h0123456789abcdef")
    }

    @Test("the readable style decodes escapes as rustc-demangle does and keeps the hash")
    func readableStyle() {
        #expect(Demangler.demangle(Self.traitImpl, style: .readableRust)
            == "<alloc::string::String as core::fmt::Display>::fmt::h0123456789abcdef")
        #expect(Demangler.demangle(Self.closure, style: .readableRust)
            == "core::ptr::drop_in_place<std::rt::lang_start<()>::{{closure}}>::h0123456789abcdef")
        #expect(Demangler.demangle("_ZN4core3fmt5write17h0123456789abcdefE.llvm.123", style: .readableRust)
            == "core::fmt::write::h0123456789abcdef (.llvm.123)")
        #expect(Demangler.demangle("_ZN3foo18bar$SP$$BP$$RF$$C$17h0123456789abcdefE", style: .readableRust)
            == "foo::bar@*&,::h0123456789abcdef")
    }

    @Test("an unknown or control-character escape is left as it is")
    func unknownEscapes() {
        #expect(Demangler.demangle("_ZN3foo8a$XY$b.c17h0123456789abcdefE", style: .readableRust)
            == "foo::a$XY$b.c::h0123456789abcdef")
        #expect(Demangler.demangle("_ZN3foo7a$u7$bc17h0123456789abcdefE", style: .readableRust)
            == "foo::a$u7$bc::h0123456789abcdef")
    }

    @Test("a hash-like last element with parameters after it is a C++ function, not a Rust name")
    func lookalike() {
        let name = "_ZN4core3fmt5write17h0123456789abcdefEv"
        #expect(Demangler.demangle(name, style: .readableRust) == "core::fmt::write::h0123456789abcdef()")
        #expect(Demangler.scheme(of: name) == .itanium)
    }

    @Test("the readable style leaves C++ names and v0 names as the default style prints them")
    func readableStyleOnOtherNames() {
        #expect(Demangler.demangle("_ZN5mylib4initEv", style: .readableRust) == "mylib::init()")
        #expect(Demangler.demangle("_RNvC7mycrate3foo", style: .readableRust) == "mycrate::foo")
        #expect(Demangler.demangle("_ZN3fooE", style: .readableRust) == "foo")
    }
}
