import TestSupport

/// What a `#![no_core]` crate declares to compile for wasm32 on rustup's 1.95 and 1.97 (no
/// wasm std there): the lang items `Sized` and its supertraits need.
enum RustPrelude {
    static let noCore = """
        #![feature(no_core, lang_items)]
        #![no_core]
        #![allow(internal_features)]
        #[lang = "pointee_sized"]
        pub trait PointeeSized {}
        #[lang = "meta_sized"]
        pub trait MetaSized: PointeeSized {}
        #[lang = "sized"]
        pub trait Sized: MetaSized {}

        """
}

extension TemporaryDirectory {
    /// Keeps `directory` (and its files) for the rest of the test process.
    static func keep(_ directory: TemporaryDirectory) { kept.append(directory) }
    nonisolated(unsafe) private static var kept: [TemporaryDirectory] = []
}
