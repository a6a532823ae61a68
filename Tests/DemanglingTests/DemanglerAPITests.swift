import Testing
import Demangling

@Suite("Schemes and path components")
struct DemanglerAPITests {
    @Test("scheme(of:) names the scheme of names that demangle, and nothing else", arguments: [
        ("_ZN5mylib4initEv", ManglingScheme?.some(.itanium)),
        ("__Z3foov", .itanium),
        ("_ZN4core3fmt5write17h0123456789abcdefE", .rustLegacy),
        ("_ZN4core3fmt5write17h0123456789abcdefE.llvm.99", .rustLegacy),
        ("_RNvC7mycrate3foo", .rustV0),
        ("_RAISE_SYNTAX_ERROR_INVALID_TARGET", nil),
        ("_ZN3foo", nil),
        ("mylib_init", nil),
        ("", nil),
    ])
    func schemes(name: String, scheme: ManglingScheme?) {
        #expect(Demangler.scheme(of: name) == scheme)
    }

    @Test("lastPathComponent strips paths, parameters, qualifiers, generics, hashes and suffixes", arguments: [
        ("mylib::init::h0123456789abcdef", "init"),
        ("mylib::init", "init"),
        ("mylib_init", "mylib_init"),
        ("mylib::init()", "init"),
        ("std::__1::vector<int, std::__1::allocator<int> >::push_back(int&&)", "push_back"),
        ("A::f() const volatile &", "f"),
        ("void f<int, char>()", "f"),
        ("int& counter<int>()::calls", "calls"),
        ("foo() (.constprop.0.isra.1)", "foo"),
        ("core::fmt::write::h0123456789abcdef (.llvm.123)", "write"),
        ("<u8 as core::fmt::Debug>::fmt", "fmt"),
        ("<v0names::Wrap<char>>::map::<u32, v0names::instantiate::{closure#3}>", "map"),
        ("v0names::id::<core::option::Option<extern \"C-unwind\" fn() -> !>>", "id"),
        ("v0names::closures::{closure#0}", "{closure#0}"),
        ("_$LT$alloc..string..String$u20$as$u20$core..fmt..Display$GT$::fmt::h0123456789abcdef", "fmt"),
        ("A::operator()(int) const", "operator()"),
        ("A::operator<(A const&)", "operator<"),
        ("A::operator>>(int)", "operator>>"),
        ("A::operator->()", "operator->"),
        ("operator new(unsigned long)", "operator new"),
        ("main::'lambda'(int)::operator()(int) const", "operator()"),
        ("std::__2::basic_string<char>::basic_string[abi:ne190106]<0>(char const*)", "basic_string"),
        ("(anonymous namespace)::helper(int)", "helper"),
        ("typeinfo for std::exception", "exception"),
        ("std::__2::enable_if<(4ul) == (4), void>::type std::__2::__check_for_overflow[abi:ne190106]<4ul>(unsigned long)",
         "__check_for_overflow"),
    ])
    func lastComponent(demangled: String, component: String) {
        #expect(Demangler.lastPathComponent(ofDemangled: demangled) == component)
    }
}
