import Foundation
import Testing
import Workspace
import TestSupport
import LinkModel
import Findings

@Suite("Findings on real links")
struct LinkFindingsTests {
    /// The demo link's sources, compiled: app.o calls `mylibraryinit` (mylib.o defines
    /// `mylibrary_init`) and `compress_buffer` (only libcompress.a, not on the link line, defines it).
    static func demo() throws -> (folder: TemporaryDirectory, resolved: ResolvedLink) {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/DemoLink/src")
        let folder = try TemporaryDirectory()
        for name in ["app", "mylib", "compress"] {
            try Toolchain.compile(sources.appendingPathComponent("\(name).c").path, to: folder.file("\(name).o").path)
        }
        try Toolchain.archive(["compress.o"], to: "libcompress.a", in: folder.url.path)
        try FileManager.default.removeItem(at: folder.file("compress.o"))
        let options = LinkOptions(files: ["app.o", "mylib.o"])
        return (folder, try ResolvedLink.resolve(options, workingDirectory: folder.url.path))
    }

    @Test("the demo's typo shows: did you mean `mylibrary_init` (mylib.o)?")
    func typo() throws {
        let (folder, resolved) = try Self.demo()
        let findings = FindingsContext(resolved: resolved, libraries: LibraryFolders.scan(options: resolved.options, searchFolders: [folder.url.path]).index).analyze(resolved.predict(policy: UndefinedPolicy(.error)))
        let nearMiss = try #require(findings.findings(for: "mylibraryinit").first { $0.category == .nearMiss })
        #expect(nearMiss.message.contains("did you mean `mylibrary_init` (mylib.o)?"))
        #expect(nearMiss.severity == .error)
        #expect(findings.suggestions["mylibraryinit"]?.first == Suggestion(kind: .nearMiss, name: "mylibrary_init", definedIn: "mylib.o"))
    }

    @Test("a library on the search path that defines the symbol is named, with the flag to add")
    func notLinked() throws {
        let (folder, resolved) = try Self.demo()
        let findings = FindingsContext(resolved: resolved, libraries: LibraryFolders.scan(options: resolved.options, searchFolders: [folder.url.path]).index).analyze(resolved.predict(policy: UndefinedPolicy(.error)))
        let suggestion = try #require(findings.suggestions["compress_buffer"]?.first)
        #expect(suggestion.kind == .notLinked)
        #expect(suggestion.definedIn == "libcompress.a(compress.o)")
        #expect(suggestion.linkFlag == folder.file("libcompress.a").path)
    }

    @Test("undefined data is a finding only when the policy tolerates it")
    func dataAtZero() throws {
        let (_, resolved) = try Self.demo()
        let context = FindingsContext(resolved: resolved)
        #expect(context.analyze(resolved.predict(policy: UndefinedPolicy(.error))).findings(for: "config_value").isEmpty)
        let allowed = context.analyze(resolved.predict(policy: UndefinedPolicy(.allow))).findings(for: "config_value")
        #expect(allowed.map(\.category) == [.dataAddressZero])
        #expect(allowed.first?.message.contains("address 0") == true)
    }

    static let wasiLibraries = "/usr/lib/wasm32-wasi"
    static let hasWasiLibc = FileManager.default.fileExists(atPath: wasiLibraries + "/libc.a")

    /// The findings context of `resolved` with the libraries of its `-L` folders, as `report` builds it.
    static func context(_ resolved: ResolvedLink) -> FindingsContext {
        FindingsContext(resolved: resolved, libraries: LibraryFolders.scan(options: resolved.options, searchFolders: []).index)
    }

    /// `source` compiled and its link resolved with `-L` the wasi-libc folder and `flags`.
    static func wasiLink(_ source: String, flags: [String] = []) throws -> ResolvedLink {
        let folder = try TemporaryDirectory()
        try source.write(to: folder.file("main.c"), atomically: true, encoding: .utf8)
        try Toolchain.compile(folder.file("main.c").path, to: folder.file("main.o").path)
        var options = try LinkOptions.parse(arguments: [folder.file("main.o").path, "-L", wasiLibraries] + flags)
        options.outputPath = folder.file("a.wasm").path
        return try ResolvedLink.resolve(options)
    }

    @Test("wasi-libc: a program linked without libc.a is told to add -lc",
          .enabled(if: hasWasiLibc, "Debian's wasi-libc is not installed (apt-get install wasi-libc)"))
    func wasiLibcNotLinked() throws {
        let resolved = try Self.wasiLink(
            "unsigned long strlen(const char *); int puts(const char *); int _start(void) { return puts(\"x\") + (int)strlen(\"yy\" + puts(\"z\")); }")
        let findings = Self.context(resolved).analyze(resolved.predict())
        let strlen = try #require(findings.suggestions["strlen"]?.first { $0.kind == .notLinked })
        #expect(strlen.linkFlag == "-lc")
        #expect(strlen.definedIn == "libc.a(strlen.o)")
        #expect(findings.findings.contains { $0.category == .notLinked && $0.fix == "add -lc to the link" })
    }

    @Test("wasi-libc: a typo of a libc function nothing else calls is matched in libc.a's members the link did not load",
          .enabled(if: hasWasiLibc, "Debian's wasi-libc is not installed (apt-get install wasi-libc)"))
    func typoOfUnloadedMember() throws {
        let resolved = try Self.wasiLink("int prinft(const char *, ...); int _start(void) { return prinft(\"x\"); }", flags: ["-lc"])
        #expect(!resolved.definedSymbols().contains { $0.name == "printf" }, "printf.o is not loaded")
        let findings = Self.context(resolved).analyze(resolved.predict())
        let best = try #require(findings.suggestions["prinft"]?.first)
        #expect(best.kind == .nearMiss)
        #expect(best.name == "printf")
        #expect(best.definedIn == Self.wasiLibraries + "/libc.a(printf.o)")
    }
}
