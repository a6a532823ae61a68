import Findings
import Foundation
import LinkModel
import Reporting
import SourceLocations
import SourcePatching
import Testing
import TestSupport
import WasmDecoding
import Workspace

/// C programs built with `clang -g`: references placed as llvm-symbolizer places them, the
/// `c-patch` that adds `import_module`/`import_name` to the prototypes in the header, and the
/// call sites of a linked module's imports.
@Suite("C: source lines, the c-patch, and a linked module's call sites",
       .enabled(if: Toolchain.clang != nil && Toolchain.wasmLD != nil && DwarfOracles.symbolizer != nil,
                "needs clang, wasm-ld and llvm-symbolizer"))
struct CSourceLinesTests {
    static let header = """
        #ifndef HOST_H
        #define HOST_H
        /* Host functions. */
        int host_now(void);
        void host_log(int value);
        int mylibrary_int(void);   // a typo of mylibrary_init
        int compress_buffer(int p, int n);
        extern int config_value;
        #endif

        """

    static let program = """
        #include "host.h"

        int run(void) {
          int t = host_now();
          host_log(t);
          mylibrary_int();
          compress_buffer(t, 1);
          return config_value;
        }

        """

    struct Program {
        var folder: TemporaryDirectory
        var object: String
        func path(_ name: String) -> String { folder.file(name).path }
    }

    static func build(_ flags: [String]) throws -> Program {
        let folder = try TemporaryDirectory(prefix: "wasm-undef-c")
        try header.write(to: folder.file("host.h"), atomically: true, encoding: .utf8)
        try program.write(to: folder.file("app.c"), atomically: true, encoding: .utf8)
        for (name, source) in [("mylib", "int mylibrary_init(void) { return 42; }\n"),
                               ("compress", "int compress_buffer(int p, int n) { return p + n; }\n"),
                               ("data", "int config_value = 7;\n")] {
            try source.write(to: folder.file("\(name).c"), atomically: true, encoding: .utf8)
            try Toolchain.compile(folder.file("\(name).c").path, to: folder.file("\(name).o").path)
        }
        try FileManager.default.createDirectory(at: folder.file("search"), withIntermediateDirectories: true)
        try Toolchain.archive(["mylib.o"], to: "libmylib.a", in: folder.url.path)
        try Toolchain.archive(["compress.o"], to: "search/libcompress.a", in: folder.url.path)
        try Toolchain.compile(folder.file("app.c").path, to: folder.file("app.o").path, flags: flags, in: folder.url.path)
        return Program(folder: folder, object: folder.file("app.o").path)
    }

    static func plan(_ program: Program) throws -> (FixPlan, SourceReferences, ResolvedLink) {
        var options = LinkOptions(files: [program.object, program.path("libmylib.a")], policy: .error, allowFile: nil)
        options.exports = ["run"]
        let resolved = try ResolvedLink.resolve(options)
        let prediction = resolved.predict()
        let findings = FindingsContext(resolved: resolved, libraries: LibraryFolders.scan(options: resolved.options, searchFolders: [program.path("search")]).index).analyze(prediction)
        return (FixPlan(prediction: prediction, findings: findings), ReferenceLocator.locate(prediction.undefined, in: resolved), resolved)
    }

    static let variants: [[String]] = [["-g", "-O0"], ["-gdwarf-5", "-O1"]]

    @Test("every reference at llvm-symbolizer's file:line:column", arguments: variants)
    func references(flags: [String]) throws {
        let program = try Self.build(flags)
        let (_, sources, _) = try Self.plan(program)
        var count = 0
        for located in sources.bySymbol.values.flatMap({ $0 }) {
            let offset = try #require(located.codeOffset)
            let answer = try #require(try DwarfOracles.symbolize(program.object, addresses: [UInt64(offset)]).first)
            let position = try #require(located.position)
            #expect("\(position.path):\(position.line):\(position.column)" == answer.location)
            #expect(located.function == "run")
            count += 1
        }
        #expect(count == 5)
        // Optimised, clang describes the callees: the declaration DWARF points at.
        if flags.contains("-O1") {
            let declaration = try #require(sources.declarations["host_now"]?.first)
            #expect(declaration.declFile.map { SourcePatcherPaths.normalized($0) } == program.path("host.h"))
            #expect(declaration.declLine == 4)
        }
    }

    @Test("the c-patch applies; then wasm-ld fails only on the mistakes, and with their fixes links importing the host functions", arguments: variants)
    func cPatch(flags: [String]) throws {
        let program = try Self.build(flags)
        let (plan, sources, _) = try Self.plan(program)
        let patch = SourcePatcher.patch(plan, sources: sources, language: .c, files: FileSystemSources())
        let text = SourcePatchText.render(patch)
        #expect(patch.files.map(\.source.path) == ["host.h"], "\(text)")
        #expect(text.contains("+__attribute__((import_module(\"env\"), import_name(\"host_now\")))"))
        #expect(text.contains("+/* wasm-undef: mylibrary_int: did you mean `mylibrary_init`"))
        try text.write(to: program.folder.file("fix.patch"), atomically: true, encoding: .utf8)
        let env = URL(fileURLWithPath: "/usr/bin/env")
        let check = try Run.program(env, ["git", "apply", "--check", "fix.patch"], directory: program.folder.url)
        #expect(check.status == 0, "\(check.stderr)")
        let apply = try Run.program(env, ["patch", "-p1", "-i", "fix.patch"], directory: program.folder.url)
        try #require(apply.status == 0, "\(apply.stdout)")
        try Toolchain.compile(program.path("app.c"), to: program.path("patched.o"), flags: flags, in: program.folder.url.path)
        let link = ["patched.o", "libmylib.a", "--no-entry", "--export=run", "-o", "app.wasm"]
        let failed = try Toolchain.link(link, in: program.folder.url.path)
        #expect(failed.status != 0)
        let undefined = Cargo.undefinedSymbols(failed.stderr)
        #expect(undefined == ["mylibrary_int", "compress_buffer", "config_value"])
        // Their own fixes: the right name, and the two libraries linked.
        let fixedSource = try String(contentsOf: program.folder.file("app.c"), encoding: .utf8).replacingOccurrences(of: "mylibrary_int()", with: "mylibrary_init()")
            .replacingOccurrences(of: "#include \"host.h\"", with: "#include \"host.h\"\nint mylibrary_init(void);")
        try fixedSource.write(to: program.folder.file("app.c"), atomically: true, encoding: .utf8)
        try Toolchain.compile(program.path("app.c"), to: program.path("fixed.o"), flags: flags, in: program.folder.url.path)
        let linked = try Toolchain.link(["fixed.o", "libmylib.a", "search/libcompress.a", "data.o", "--no-entry", "--export=run", "-o", "app.wasm"],
                                        in: program.folder.url.path)
        #expect(linked.status == 0, "\(linked.stderr)")
        let binary = try WasmBinary(ByteStorage.map(path: program.path("app.wasm")).window)
        let imports = try (binary.importSection()?.collect() ?? []).map { "\($0.module).\($0.name)" }
        #expect(imports == ["env.host_now", "env.host_log"])
    }

    @Test("a linked module: each call of an imported function at llvm-symbolizer's position, nothing relocated")
    func moduleCallSites() throws {
        let program = try Self.build(["-g", "-O0"])
        let linked = try Toolchain.link(["app.o", "--allow-undefined", "--no-entry", "--export=run", "-o", "allowed.wasm"],
                                        in: program.folder.url.path)
        try #require(linked.status == 0, "\(linked.stderr)")
        let binary = try WasmBinary(ByteStorage.map(path: program.path("allowed.wasm")).window)
        #expect(try binary.relocationSections().isEmpty)
        let result = try ModuleCallSites.find(in: binary, input: "allowed.wasm")
        #expect(result.hasDebugInfo)
        #expect(result.problems.isEmpty)
        #expect(result.imports.map(\.name) == ["host_now", "host_log", "mylibrary_int", "compress_buffer"])
        for entry in result.imports {
            #expect(entry.sites.count == 1, "\(entry.name)")
            for site in entry.sites {
                let offset = try #require(site.codeOffset)
                let answer = try #require(try DwarfOracles.symbolize(program.path("allowed.wasm"), addresses: [UInt64(offset)]).first)
                let position = try #require(site.position)
                #expect("\(position.path):\(position.line):\(position.column)" == answer.location)
                #expect(site.function == "run")
            }
        }
    }
}
