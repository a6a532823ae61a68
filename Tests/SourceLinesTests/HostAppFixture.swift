import Foundation
import TestSupport

/// A `#![no_core]` cdylib crate that calls two host functions (`host_now`, `host_log`), a typo
/// of a C library's `mylibrary_init`, `compress_buffer` (which only a library left off the
/// link defines) and reads the undefined static `config_value`: the failed 1.97 build of the
/// issue. Its `extern` blocks sit in a nested module file with CRLF and LF files, doc
/// comments, a `#[cfg]`-excluded twin, a commented-out block and a block in a string literal.
struct HostAppFixture {
    let directory: URL
    var crate: URL { directory.appendingPathComponent("hostapp") }
    var clib: URL { directory.appendingPathComponent("clib") }
    var search: URL { directory.appendingPathComponent("search") }

    static let libRS = [
        "#![feature(no_core, lang_items)]", "#![no_core]", "#![allow(internal_features)]", "",
        "#[lang = \"pointee_sized\"]", "pub trait PointeeSized {}", "#[lang = \"meta_sized\"]",
        "pub trait MetaSized: PointeeSized {}", "#[lang = \"sized\"]", "pub trait Sized: MetaSized {}",
        "#[lang = \"copy\"]", "pub trait Copy {}", "impl Copy for i32 {}", "", "mod ffi;", "",
        "#[no_mangle]", "pub extern \"C\" fn run() -> i32 {", "    unsafe {", "        let t = ffi::host_now();",
        "        ffi::host_log(t);", "        let s = r#\"extern \"C\" { fn fake(); }\"#; // not a block", "        let _ = s;",
        "        ffi::mylibrary_int();", "        ffi::compress_buffer(t, 1);", "        ffi::config_value", "    }", "}",
    ].joined(separator: "\r\n") + "\r\n"

    static let ffiRS = """
        // Host functions and a C library.
        /* extern "C" { fn commented_out(); } */
        #[cfg(not(target_arch = "wasm32"))]
        extern "C" {
            pub fn host_now() -> i32;
        }

        #[cfg(target_arch = "wasm32")]
        extern "C" {
            /// The host's clock.
            pub fn host_now() -> i32;
            pub fn host_log(value: i32);
            #[link_name = "mylibrary_int"]
            pub fn mylibrary_int() -> i32;
            pub fn compress_buffer(p: i32, n: i32) -> i32;
            pub static config_value: i32;
        }

        """

    static let cargoToml = """
        [package]
        name = "hostapp"
        version = "0.1.0"
        edition = "2021"

        [lib]
        crate-type = ["cdylib"]

        [profile.dev]
        panic = "abort"

        """

    /// Writes the crate and builds the C libraries (`clib/libmylib.a`, `clib/libdata.a`,
    /// `search/libcompress.a`).
    init() throws {
        let temporary = try TemporaryDirectory(prefix: "wasm-undef-hostapp")
        directory = temporary.url
        Self.keep.append(temporary)
        let manager = FileManager.default
        for folder in [crate.appendingPathComponent("src"), clib, search] {
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        try Self.cargoToml.write(to: crate.appendingPathComponent("Cargo.toml"), atomically: true, encoding: .utf8)
        try Self.libRS.write(to: crate.appendingPathComponent("src/lib.rs"), atomically: true, encoding: .utf8)
        try Self.ffiRS.write(to: crate.appendingPathComponent("src/ffi.rs"), atomically: true, encoding: .utf8)
        let libraries: [(source: String, name: String, folder: URL)] = [
            ("int mylibrary_init(void) { return 42; }", "mylib", clib),
            ("int compress_buffer(int p, int n) { return p + n; }", "compress", search),
            ("int config_value = 7;", "data", clib),
        ]
        for library in libraries {
            let source = library.folder.appendingPathComponent("\(library.name).c")
            try library.source.write(to: source, atomically: true, encoding: .utf8)
            try Toolchain.compile(source.path, to: library.folder.appendingPathComponent("\(library.name).o").path)
            try Toolchain.archive(["\(library.name).o"], to: "lib\(library.name).a", in: library.folder.path)
        }
    }

    /// Kept alive for the test process: the suites share one fixture.
    nonisolated(unsafe) static var keep: [TemporaryDirectory] = []

    /// RUSTFLAGS linking the C library the crate means to use (and with `fixed`, the other two).
    func rustflags(fixed: Bool = false) -> String {
        var flags = "-L native=\(clib.path) -l static=mylib"
        if fixed { flags += " -L native=\(search.path) -l static=compress -l static=data" }
        return flags
    }
}
