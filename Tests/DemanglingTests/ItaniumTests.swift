import Testing
import Demangling

/// Itanium C++ names with the text llvm-cxxfilt 14 prints for them (each checked with it).
/// Several cover what the C++ runtime prints differently and `Demangler` rewrites.
@Suite("Itanium C++")
struct ItaniumTests {
    @Test("functions, members, qualifiers and templates", arguments: [
        ("_ZN5mylib4initEv", "mylib::init()"),
        ("_Z3fooi", "foo(int)"),
        ("_ZN5outer5inner3fooEPKcRi", "outer::inner::foo(char const*, int&)"),
        ("_ZNK1A1fEv", "A::f() const"),
        ("_ZNSt3__16vectorIiNS_9allocatorIiEEE9push_backEOi",
         "std::__1::vector<int, std::__1::allocator<int> >::push_back(int&&)"),
        ("_ZTV1A", "vtable for A"),
        ("_ZTI1A", "typeinfo for A"),
        ("_ZGV1x", "guard variable for x"),
    ])
    func ordinaryNames(mangled: String, demangled: String) {
        #expect(Demangler.demangle(mangled) == demangled)
    }

    @Test("libstdc++'s spellings become LLVM's", arguments: [
        ("_ZZ4mainENKUlvE_clEv", "main::'lambda'()::operator()() const"),
        ("_ZZ4mainENKUliE0_clEi", "main::'lambda0'(int)::operator()(int) const"),
        ("_ZN1AUt_E", "A::'unnamed'"),
        ("_ZN1AUt0_E", "A::'unnamed0'"),
        ("_ZTH10per_thread", "thread-local initialization routine for per_thread"),
        ("_ZTW10per_thread", "thread-local wrapper routine for per_thread"),
        ("_Z1fDn", "f(std::nullptr_t)"),
        ("_Z1fDv4_f", "f(float vector[4])"),
        ("_Z1fCd", "f(double complex)"),
        ("_Z1fIiEDTcl1gfp_EET_", "decltype(g(fp)) f<int>(int)"),
        ("_Z1fIJEiEvDpT_T0_", "void f<int>(int)"),
        ("_Z1fIiJEcEvv", "void f<int, char>()"),
        ("_ZZ7counterIiERivE5calls", "int& counter<int>()::calls"),
        ("_ZNSt3__224__barrier_algorithm_base9__state_tUt_C2Ev",
         "std::__2::__barrier_algorithm_base::__state_t::'unnamed'::()"),
    ])
    func llvmSpelling(mangled: String, demangled: String) {
        #expect(Demangler.demangle(mangled) == demangled)
    }

    @Test("constructor templates with an ABI tag, which GCC 12's libstdc++ misreads", arguments: [
        ("_ZN1AC2B5cxx11IiEEv", "A::A[abi:cxx11]<int>()"),
        ("_ZN1BIiEC2B5cxx11IiEEPT_", "B<int>::B[abi:cxx11]<int>(int*)"),
        ("_ZNSt3__210unique_ptrINS_14__shared_countENS_22__release_shared_countEEC2B8ne190106ILb1EvEEPS1_",
         "std::__2::unique_ptr<std::__2::__shared_count, std::__2::__release_shared_count>::unique_ptr[abi:ne190106]<true, void>(std::__2::__shared_count*)"),
    ])
    func abiTaggedConstructorTemplates(mangled: String, demangled: String) {
        #expect(Demangler.demangle(mangled) == demangled)
    }

    @Test("clone and ThinLTO suffixes are shown as LLVM shows them", arguments: [
        ("_Z3foov.cold", "foo() (.cold)"),
        ("_Z3foov.constprop.0.isra.1", "foo() (.constprop.0.isra.1)"),
        ("_ZN3fooE.cold", "foo (.cold)"),
        ("_ZN4core3fmt5write17h0123456789abcdefE.llvm.123", "core::fmt::write::h0123456789abcdef (.llvm.123)"),
    ])
    func suffixes(mangled: String, demangled: String) {
        #expect(Demangler.demangle(mangled) == demangled)
    }

    @Test("Mach-O's extra underscore is accepted, as LLVM's llvm::demangle and lld accept it")
    func machOUnderscore() {
        // llvm-cxxfilt 14 on Linux leaves `__Z3foov` alone; lld and newer LLVM demangle it.
        #expect(Demangler.demangle("__Z3foov") == "foo()")
    }

    @Test("non-names, bare type codes and truncated names are not demangled", arguments: [
        "i", "foo", "", "_Z", "_Zi", "_ZN", "_ZN3foo", "___Z3foov", "_Z3foo\u{0}v", "main",
    ])
    func notDemangled(name: String) {
        #expect(Demangler.demangle(name) == nil)
    }

    @Test("a name far longer than any real symbol is declined rather than risked")
    func overlongName() {
        let name = "_Z1f" + String(repeating: "P", count: 70_000) + "v"
        #expect(Demangler.demangle(name) == nil)
    }

    @Test("a long, deeply nested name is demangled on a stack large enough for the C++ runtime")
    func longName() {
        // 1,000 nested pointers need ~300 KB of libstdc++'s stack; it refuses somewhat more
        // nesting (its recursion limit), where LLVM would go on.
        let name = "_Z1f" + String(repeating: "P", count: 1_000) + "v"
        #expect(Demangler.demangle(name) == "f(void" + String(repeating: "*", count: 1_000) + ")")
    }
}
