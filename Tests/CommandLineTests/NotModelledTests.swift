import Foundation
import Testing
import TestSupport

/// Inputs the link model does not predict are refused with a clear message and exit status 2,
/// never guessed at.
@Suite("Inputs that are not modelled", .enabled(if: Toolchain.clang != nil && Toolchain.llvmAr != nil, "no clang and llvm-ar beside swift"))
struct NotModelledTests {
    @Test("an LLVM bitcode object (LTO), alone or as an archive member, is exit 2 naming it")
    func bitcode() throws {
        let folder = try TemporaryDirectory()
        let tool = try TmuxSession.builtProduct(named: "wasm-undef")
        try "int lto_function(void) { return 1; }\n".write(to: folder.file("lto.c"), atomically: true, encoding: .utf8)
        try "int main(void) { return 0; }\n".write(to: folder.file("main.c"), atomically: true, encoding: .utf8)
        try Toolchain.compile("lto.c", to: "lto.o", flags: ["-flto"], in: folder.url.path)
        try Toolchain.compile("main.c", to: "main.o", in: folder.url.path)
        try Toolchain.archive(["lto.o"], to: "liblto.a", in: folder.url.path)
        for (inputs, named) in [(["main.o", "lto.o"], "the LLVM bitcode input lto.o"),
                                (["main.o", "liblto.a"], "the LLVM bitcode member liblto.a(lto.o)")] {
            let result = try Run.program(tool, ["report"] + inputs, directory: folder.url)
            #expect(result.status == 2, "\(inputs): \(result.stdout)")
            #expect(result.stderr.contains(named), "\(result.stderr)")
            #expect(result.stderr.contains("LTO"))
            #expect(result.stdout.isEmpty)
        }
    }

    @Test("-shared and -pie on a link line are exit 2 naming the flag")
    func flags() throws {
        let folder = try TemporaryDirectory()
        let tool = try TmuxSession.builtProduct(named: "wasm-undef")
        _ = try Run.program(tool, ["demo", folder.file("demo").path])
        for flag in ["-shared", "-pie"] {
            let result = try Run.program(tool, ["report", "--", "app.o", "mylib.o", flag, "-o", "x.wasm"], directory: folder.file("demo"))
            #expect(result.status == 2)
            #expect(result.stderr.contains(flag), "\(result.stderr)")
        }
    }
}
