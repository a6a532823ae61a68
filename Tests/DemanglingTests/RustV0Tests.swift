import Testing
import Demangling

/// Rust v0 names with the text llvm-cxxfilt 14 prints for them (each checked with it).
@Suite("Rust v0")
struct RustV0Tests {
    @Test("paths: crate roots, nested items, closures, shims, impls and trait definitions", arguments: [
        ("_RNvCs1234_7mycrate3foo", "mycrate::foo"),
        ("_RNvC7mycrate3foo", "mycrate::foo"),
        ("_RNvNtC7mycrate3foo3bar", "mycrate::foo::bar"),
        ("_RNCNvC7mycrate3foo0", "mycrate::foo::{closure#0}"),
        ("_RNCNvC7mycrate3foos_0", "mycrate::foo::{closure#1}"),
        ("_RNSNvC7mycrate3foo6vtable", "mycrate::foo::{shim:vtable#0}"),
        ("_RNXNvC7mycrate3foo1x", "mycrate::foo::{X:x#0}"),
        ("_RNvNvC7mycrate3foo0", "mycrate::foo"),
        ("_RNvMC7mycrateNtB2_3Foo3new", "<mycrate::Foo>::new"),
        ("_RNvXC7mycrateNtB2_3FooNtB2_5Trait6method", "<mycrate::Foo as mycrate::Trait>::method"),
        ("_RNvYNtC7mycrate3FooNtB4_5Trait6method", "<mycrate::Foo as mycrate::Trait>::method"),
        ("_RNvCsfLfy6EI15iL_7___rustc35___rust_no_alloc_shim_is_unstable_v2",
         "__rustc::__rust_no_alloc_shim_is_unstable_v2"),
    ])
    func paths(mangled: String, demangled: String) {
        #expect(Demangler.demangle(mangled) == demangled)
    }

    @Test("types: basic, references with lifetimes, pointers, arrays, slices, tuples", arguments: [
        ("_RINvCs2o3gBukAfb0_7v0names2idPhEB2_", "v0names::id::<*const u8>"),
        ("_RINvCs2o3gBukAfb0_7v0names2idAhj4_EB2_", "v0names::id::<[u8; 4]>"),
        ("_RINvCs2o3gBukAfb0_7v0names6by_refThEEB2_", "v0names::by_ref::<(u8,)>"),
        ("_RINvCs2o3gBukAfb0_7v0names11dyn_genericSmEB2_", "v0names::dyn_generic::<[u32]>"),
        ("_RINvCs2o3gBukAfb0_7v0names11dyn_genericeEB2_", "v0names::dyn_generic::<str>"),
        ("_RINvC7mycrate3fooRL_hE", "mycrate::foo::<&u8>"),
        ("_RINvC7mycrate3fooTEE", "mycrate::foo::<()>"),
        ("_RINvC7mycrate3foozE", "mycrate::foo::<!>"),
        ("_RINvC7mycrate3foopE", "mycrate::foo::<_>"),
        ("_RNvMs1_Cs2o3gBukAfb0_7v0namesINtB5_4WrapIBs_ThAtj3_RmEEE3getB5_",
         "<v0names::Wrap<v0names::Wrap<(u8, [u16; 3], &u32)>>>::get"),
        ("_RNvMNtNtCsgEmfK2I1SDS_4core3ptr9const_ptrPu13is_aligned_toCs2o3gBukAfb0_7v0names",
         "<*const ()>::is_aligned_to"),
    ])
    func types(mangled: String, demangled: String) {
        #expect(Demangler.demangle(mangled) == demangled)
    }

    @Test("function pointers: binders, unsafe, ABIs, variadics, never", arguments: [
        ("_RINvC7mycrate3fooFG_RL0_hEuE", "mycrate::foo::<for<'a> fn(&'a u8)>"),
        ("_RINvC7mycrate3fooFvEuE", "mycrate::foo::<fn(...)>"),
        ("_RINvC7mycrate3fooFK4C_hiuEuE", "mycrate::foo::<extern \"C-hi\" fn(())>"),
        ("_RINvCs2o3gBukAfb0_7v0names2idINtNtCsgEmfK2I1SDS_4core6option6OptionFUKClvElEEB2_",
         "v0names::id::<core::option::Option<unsafe extern \"C\" fn(i32, ...) -> i32>>"),
        ("_RINvCs2o3gBukAfb0_7v0names2idINtNtCsgEmfK2I1SDS_4core6option6OptionFK8C_unwindEzEEB2_",
         "v0names::id::<core::option::Option<extern \"C-unwind\" fn() -> !>>"),
        ("_RINvCs2o3gBukAfb0_7v0names2idINtNtCsgEmfK2I1SDS_4core6option6OptionFG0_RL1_hQL0_SRL1_eERL1_hEEB2_",
         "v0names::id::<core::option::Option<for<'a, 'b> fn(&'a u8, &'b mut [&'a str]) -> &'a u8>>"),
        ("_RINvCs2o3gBukAfb0_7v0names2idINtNtCsgEmfK2I1SDS_4core6option6OptionFG_RL0_hFG_RL0_tERL0_tERL0_hEEB2_",
         "v0names::id::<core::option::Option<for<'a> fn(&'a u8, for<'b> fn(&'b u16) -> &'b u16) -> &'a u8>>"),
    ])
    func functionPointers(mangled: String, demangled: String) {
        #expect(Demangler.demangle(mangled) == demangled)
    }

    @Test("dyn traits: associated-type bindings, binders, lifetimes, several bounds", arguments: [
        ("_RINvC7mycrate3fooDNtC7mycrate5TraitEL_E", "mycrate::foo::<dyn mycrate::Trait>"),
        ("_RINvCs2o3gBukAfb0_7v0names11dyn_genericDNtB2_5Assocp3OuthEL_EB2_",
         "v0names::dyn_generic::<dyn v0names::Assoc<Out = u8>>"),
        ("_RINvCs2o3gBukAfb0_7v0names11dyn_genericDG_INtNtNtCsgEmfK2I1SDS_4core3ops8function2FnTRL0_hEEp6OutputbEL_EB2_",
         "v0names::dyn_generic::<dyn for<'a> core::ops::function::Fn<(&'a u8,), Output = bool>>"),
    ])
    func dynTraits(mangled: String, demangled: String) {
        #expect(Demangler.demangle(mangled) == demangled)
    }

    @Test("constants: integers, big integers in hex, bool, char escapes, placeholders", arguments: [
        ("_RINvC7mycrate3fooKanf_E", "mycrate::foo::<-15>"),
        ("_RINvC7mycrate3fooKpE", "mycrate::foo::<_>"),
        ("_RNvMs2_Cs2o3gBukAfb0_7v0namesINtB5_3ArrKjffffffffffffffff_E3lenB5_",
         "<v0names::Arr<18446744073709551615>>::len"),
        ("_RNvMs4_Cs2o3gBukAfb0_7v0namesINtB5_3BigKoffffffffffffffffffffffffffffffff_Kxn8000000000000000_E3valB5_",
         "<v0names::Big<0xffffffffffffffffffffffffffffffff, -9223372036854775808>>::val"),
        ("_RINvC7mycrate3fooKc41_E", "mycrate::foo::<'A'>"),
        ("_RNvMs3_Cs2o3gBukAfb0_7v0namesINtB5_5FlagsKb1_Kc9_Kl8_E4showB5_", "<v0names::Flags<true, '\\t', 8>>::show"),
        ("_RNvMs3_Cs2o3gBukAfb0_7v0namesINtB5_5FlagsKb1_Kc22_Kl7_E4showB5_", "<v0names::Flags<true, '\"', 7>>::show"),
        ("_RNvMs3_Cs2o3gBukAfb0_7v0namesINtB5_5FlagsKb1_Kc5c_Kl1_E4showB5_", "<v0names::Flags<true, '\\\\', 1>>::show"),
        ("_RNvMs3_Cs2o3gBukAfb0_7v0namesINtB5_5FlagsKb1_Kc27_Kln80000000_E4showB5_",
         "<v0names::Flags<true, '\\'', -2147483648>>::show"),
        ("_RNvMs3_Cs2o3gBukAfb0_7v0namesINtB5_5FlagsKb0_Kc1f600_Kl0_E4showB5_",
         "<v0names::Flags<false, '\\u{1f600}', 0>>::show"),
        ("_RINvC7mycrate3fooKc110000_E", "mycrate::foo::<'\\u{110000}'>"),
    ])
    func constants(mangled: String, demangled: String) {
        #expect(Demangler.demangle(mangled) == demangled)
    }

    @Test("constants LLVM cannot print make the name undemangleable", arguments: [
        "_RINvC7mycrate3fooKe3616263_E",     // str
        "_RINvC7mycrate3fooKb2_E",           // bool other than 0 or 1
        "_RINvC7mycrate3fooKc1000000_E",     // char of more than 6 hex digits
        "_RNvMs0_Cs6Ag6JoZLMVe_10v0unstableINtB5_1MKVNtNtB5_4Mode4SlowTh3_EE1fB5_", // ADT
        "_RNvMs2_Cs6Ag6JoZLMVe_10v0unstableINtB5_2ArKAh1_h2_EE1fB5_",             // array
    ])
    func unsupportedConstants(mangled: String) {
        #expect(Demangler.demangle(mangled) == nil)
    }

    @Test("Punycode identifiers decode to Unicode", arguments: [
        ("_RNvCs2o3gBukAfb0_7v0namesu17gre_ndern_h1a1d6m", "v0names::größe_ändern"),
        ("_RINvNtCs2o3gBukAfb0_7v0namesu7gfs105bu7bbrz78bcEB4_", "v0names::模块::函数::<char>"),
        ("_RNvMs5_Cs2o3gBukAfb0_7v0namesINtB5_u9and_jja2shEu7obk301zB5_", "<v0names::Ñandú<u8>>::走る"),
        ("_RNvCu7mycrate3foo", "൯൵൴൯൦::foo"),
        ("_RNvC5u7_5b3foo", "u7_5b::foo"),
    ])
    func punycode(mangled: String, demangled: String) {
        #expect(Demangler.demangle(mangled) == demangled)
    }

    @Test("the instantiating crate is parsed but not shown; a dot suffix is shown in parentheses", arguments: [
        ("_RNCNvNtCslNYArtu3iFV_5alloc3fmt6format0Cs2o3gBukAfb0_7v0names", "alloc::fmt::format::{closure#0}"),
        ("_RNvC7mycrate3fooB_", "mycrate::foo"),
        ("_RNvC7mycrate3foo.llvm.1234", "mycrate::foo (.llvm.1234)"),
    ])
    func instantiatingCrateAndSuffix(mangled: String, demangled: String) {
        #expect(Demangler.demangle(mangled) == demangled)
    }

    @Test("malformed names are not demangled", arguments: [
        "_R", "_RNvC", "_RAISE_SYNTAX_ERROR_INVALID_TARGET", "_R0NvC7mycrate3foo", "_RNvB_3foo",
        "_RNvC7mycrate3fooC6othercr", "_RNvCu10_5mycrate3foo", "_RINvC7mycrate3fooFKu5Rust_uE",
        "_RINvC7mycrate3fooGs_E", "_RINvC7mycrate3fooL0_E", "_RINvC7mycrate3fooDG_NtC7mycrate5TraitEL1_E",
    ])
    func malformed(mangled: String) {
        #expect(Demangler.demangle(mangled) == nil)
    }
}
