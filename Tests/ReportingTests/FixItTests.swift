import Foundation
import Testing
import TestSupport
import LinkModel
import WasmDecoding
import DemoLink
import Findings
@testable import Reporting
import Workspace

/// Fix-its are checked by compiling them: the C declarations, forced into the program with
/// `-include`, make wasm-ld link under its default policy and produce exactly the imports
/// `--allow-undefined` produced; the Rust block compiles with rustc.
@Suite("Fix-its compile and link")
struct FixItTests {
    static let program = """
        extern int ext_add(int, int);
        extern long long ext_wide(long long, float);
        extern double ext_scale(double);
        extern void ext_tick(void);
        __attribute__((import_module("host"))) extern int host_clock(void);
        extern int ext_data;
        void _start(void) {
            ext_tick();
            ext_wide(ext_add(1, 2), 1.5f);
            ext_scale(2.0);
            host_clock();
            ext_add(ext_data, 0);
        }
        """

    /// The import section of a linked module: `module.name kind type` lines.
    static func imports(of module: String) throws -> [String] {
        let binary = try WasmBinary(try InputFile.open(path: module).window)
        let types = try binary.types()
        return try binary.importSection()?.collect().map { entry in
            var type = ""
            if case .function(let index) = entry.descriptor { type = types[Int(index)].functionType?.description ?? "?" }
            return "\(entry.module).\(entry.name) \(entry.descriptor.kind) \(type)"
        } ?? []
    }

    @Test("the C declarations make the default-policy link import what --allow-undefined imported")
    func cDeclarations() throws {
        let folder = try TemporaryDirectory()
        let source = folder.file("app.c").path
        try Self.program.write(toFile: source, atomically: true, encoding: .utf8)
        try Toolchain.compile(source, to: folder.file("app.o").path)

        // What --allow-undefined makes of the plain externs.
        let allowed = try Toolchain.link(["app.o", "--allow-undefined", "-o", "allowed.wasm"], in: folder.url.path)
        // (Under --allow-undefined ext_data is address 0, not an import, so the import lists
        // compare as they are.)
        #expect(allowed.status == 0, "\(allowed.stderr)")
        let expected = try Self.imports(of: folder.file("allowed.wasm").path)

        // The prediction under the default policy, and its C fix-it.
        let resolved = try ResolvedLink.resolve(LinkOptions(files: [folder.file("app.o").path]))
        let prediction = resolved.predict(policy: UndefinedPolicy(.error))
        #expect(!prediction.linkOK)
        let header = FixIt.render(.c, for: prediction, findings: LinkFindings())
        #expect(header.contains("import_name(\"ext_add\")"))
        #expect(header.contains("ext_data: define it: data cannot be imported"))
        try header.write(toFile: folder.file("fixit.h").path, atomically: true, encoding: .utf8)

        // Applied: the program compiled with the declarations, and the data defined (the
        // fix-it says data cannot be imported).
        let fixed = Self.program.replacingOccurrences(of: "extern int ext_data;", with: "int ext_data;")
        try fixed.write(toFile: source, atomically: true, encoding: .utf8)
        try Toolchain.compile(source, to: folder.file("fixed.o").path, flags: ["-include", folder.file("fixit.h").path])
        let linked = try Toolchain.link(["fixed.o", "-o", "fixed.wasm"], in: folder.url.path)
        #expect(linked.status == 0, "the default-policy link fails:\n\(linked.stderr)\n\(header)")
        #expect(try Self.imports(of: folder.file("fixed.wasm").path) == expected)
    }

    /// A rustc: `/usr/bin/rustc`, else the first on PATH.
    static let rustc: String? = ["/usr/bin/rustc"].first(where: FileManager.default.isExecutableFile(atPath:))
        ?? ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":").map({ "\($0)/rustc" })
            .first(where: FileManager.default.isExecutableFile(atPath:))

    @Test("the Rust block compiles with rustc", .enabled(if: rustc != nil, "no rustc on this machine"))
    func rustBlock() throws {
        let rustc = try #require(Self.rustc)
        let folder = try TemporaryDirectory()
        let source = folder.file("app.c").path
        try Self.program.write(toFile: source, atomically: true, encoding: .utf8)
        try Toolchain.compile(source, to: folder.file("app.o").path)
        let prediction = try ResolvedLink.resolve(LinkOptions(files: [folder.file("app.o").path])).predict(policy: UndefinedPolicy(.error))
        let block = FixIt.render(.rust, for: prediction, findings: LinkFindings())
        #expect(block.contains("#[link(wasm_import_module = \"host\")]"))
        #expect(block.contains("pub fn ext_wide(arg0: i64, arg1: f32) -> i64;"))
        let version = try Run.program(URL(fileURLWithPath: rustc), ["--version"]).stdout
        // `unsafe extern` needs Rust 1.82; older compilers get the block without `unsafe`.
        let minor = version.split(separator: " ").dropFirst().first?.split(separator: ".").dropFirst().first.flatMap { Int($0) } ?? 0
        let text = minor >= 82 ? block : block.replacingOccurrences(of: "unsafe extern", with: "extern")
        try text.write(toFile: folder.file("fixit.rs").path, atomically: true, encoding: .utf8)
        let result = try Run.program(URL(fileURLWithPath: rustc),
                                     ["--crate-type=lib", "--emit=metadata", "--edition=2021", "-o", folder.file("fixit.rmeta").path, folder.file("fixit.rs").path])
        #expect(result.status == 0, "\(version): \(result.stderr)\n\(text)")
    }

    @Test("Rust identifiers: names that are not identifiers get #[link_name]")
    func rustNames() {
        #expect(FixIt.rustIdentifier("mylib_init") == "mylib_init")
        #expect(FixIt.rustIdentifier("_ZN3foo3barE") == "_ZN3foo3barE")
        #expect(FixIt.rustIdentifier("foo.bar") == "foo_bar")
        #expect(FixIt.rustIdentifier("match") == "r#match")
        #expect(FixIt.rustIdentifier("1st") == "_1st")
    }
}

/// The fix-its follow the findings: on the demo link the typo, the symbol of the library
/// that is not linked and the undefined data are listed apart, never declared as imports.
@Suite("Fix-its follow the findings")
struct FixItPlanTests {
    static func demo() throws -> (LinkPrediction, LinkFindings) {
        let folder = try TemporaryDirectory()
        for file in DemoLink.files { try Data(file.bytes).write(to: folder.file(file.name)) }
        let resolved = try ResolvedLink.resolve(LinkOptions(files: DemoLink.linkLine.map { folder.file($0).path }))
        let prediction = resolved.predict(policy: UndefinedPolicy(.error))
        let libraries = LibraryFolders.scan(options: resolved.options, searchFolders: [folder.url.path]).index
        return (prediction, FindingsContext(resolved: resolved, libraries: libraries).analyze(prediction))
    }

    @Test("rust, c and allow-file declare or list only the host's functions", arguments: [FixIt.Language.rust, .c, .allowFile])
    func mistakesApart(language: FixIt.Language) throws {
        let (prediction, findings) = try Self.demo()
        let plan = FixPlan(prediction: prediction, findings: findings)
        #expect(plan.hostImports.map(\.name) == ["host_time"])
        let text = FixIt.render(language, for: prediction, findings: findings)
        let split = text.components(separatedBy: "Not imports:")
        try #require(split.count == 2, "\(text)")
        for mistake in ["mylibraryinit", "compress_buffer", "config_value"] {
            #expect(!split[0].contains(mistake + "("), "\(mistake) declared:\n\(text)")
            #expect(!split[0].contains("\n" + mistake + "\n"), "\(mistake) listed:\n\(text)")
            #expect(split[1].contains(mistake))
        }
        #expect(split[1].contains("did you mean `mylibrary_init`"))
        if language == .rust { #expect(split[0].contains("add this attribute to your existing block")) }
    }
}
