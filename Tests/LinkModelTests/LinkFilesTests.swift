import Foundation
import LinkModel
import Testing
import TestSupport

/// A file system with only the files given.
private func only(_ contents: [String: String]) -> FileAccess {
    FileAccess(readText: { contents[$0] }, exists: { contents[$0] != nil })
}

private func words(_ line: String) -> [String] { line.split(separator: " ").map(String.init) }

@Suite("The files a command line makes wasm-ld read")
struct LinkFileListTests {
    @Test("inputs, -l libraries found on the -L path and the allow file, in command-line order")
    func inOrder() {
        let list = LinkOptions.files(
            named: words("crt1.o -Lsys main.o -lc --allow-undefined-file=allow.txt -lm -o app.wasm"),
            files: only(["sys/libc.a": "", "sys/libm.a": ""]))
        #expect(list.files.map(\.path) == ["crt1.o", "main.o", "sys/libc.a", "sys/libm.a", "allow.txt"])
        #expect(list.files.map(\.role) == [.input, .input, .library, .library, .allowFile])
        #expect(list.files.map(\.library) == [nil, nil, "c", "m", nil])
        #expect(list.output == "app.wasm")
        #expect(list.missingLibraries.isEmpty)
    }

    @Test("option values are not inputs: -o, -e, -m, --export, -z and -mllvm take the next argument")
    func valuesAreNotInputs() {
        let list = LinkOptions.files(named: words("-m wasm32 -e start --export f -z stack-size=10 -mllvm -x a.o -o out"), files: only([:]))
        #expect(list.files.map(\.path) == ["a.o"])
    }

    @Test("-L applies to every -l wherever it appears; -Bstatic skips .so; a library found nowhere is listed as missing")
    func librarySearch() {
        let found = LinkOptions.files(named: words("-lz a.o -Lfirst -Lsecond -Bstatic -lq"),
                                      files: only(["second/libz.a": "", "first/libz.so": "", "first/libq.so": "", "second/libq.a": ""]))
        #expect(found.files.map(\.path) == ["first/libz.so", "a.o", "second/libq.a"])
        let missing = LinkOptions.files(named: words("a.o -lnothere -lc"), files: only([:]))
        #expect(missing.files.map(\.path) == ["a.o"])
        #expect(missing.missingLibraries == ["nothere", "c"])
    }

    @Test("only the last --allow-undefined-file is read, as wasm-ld reads only the last")
    func lastAllowFile() {
        let list = LinkOptions.files(named: words("a.o --allow-undefined-file=one.txt -allow-undefined-file two.txt"), files: only([:]))
        #expect(list.files.filter { $0.role == .allowFile }.map(\.path) == ["two.txt"])
    }

    @Test("a line wasm-ld rejects (-shared, an unknown option) still names its files")
    func rejectedLines() {
        let list = LinkOptions.files(named: words("-flavor wasm a.o --no-such-option -shared b.o"), files: only([:]))
        #expect(list.files.map(\.path) == ["a.o", "b.o"])
    }

    @Test("response files are expanded and a leading linker path is skipped")
    func responseFiles() {
        let list = LinkOptions.files(named: words("/usr/bin/wasm-ld @args.rsp c.o"), files: only(["args.rsp": "a.o 'b b.o' -o x"]))
        #expect(list.files.map(\.path) == ["a.o", "b b.o", "c.o"])
    }

    @Test("the .imports side file of an archive replaces its extension")
    func importsSideFile() {
        #expect(LinkOptions.importsSideFile(of: "/usr/lib/wasm32-wasi/libc.a") == "/usr/lib/wasm32-wasi/libc.imports")
        #expect(LinkOptions.importsSideFile(of: "lib.d/libx") == "lib.d/libx.imports")
        #expect(LinkOptions.importsSideFile(of: ".hidden") == ".hidden.imports")
    }

    @Test("a line that names its linker prints with that name, even with -flavor wasm")
    func programName() throws {
        #expect(try LinkOptions.parse(arguments: words("/opt/bin/wasm-ld -flavor wasm a.o"), files: only([:])).programName == "wasm-ld")
        #expect(try LinkOptions.parse(arguments: words("-flavor wasm a.o"), files: only([:])).programName == "rust-lld")
        #expect(try LinkOptions.parse(arguments: words("a.o"), files: only([:])).programName == "wasm-ld")
    }

    @Test("an rlib's crate comes from its file name, with or without cargo's hash")
    func crateNames() {
        #expect(InputSummary.crateName(ofRustLibrary: "/x/deps/libserde_json-1a2b3c4d5e6f7a8b.rlib") == "serde_json")
        #expect(InputSummary.crateName(ofRustLibrary: "libcore.rlib") == "core")
        #expect(InputSummary.crateName(ofRustLibrary: "libc.a") == nil)
        #expect(InputSummary.crateName(ofRustLibrary: "/x/lib.rlib") == nil)
    }
}

@Suite("A link's files read from elsewhere keep their names", .enabled(if: Toolchain.clang != nil, "no clang beside swift"))
struct FileLocationsTests {
    @Test("inputs and the allow file are read from their redirects; diagnostics and references name the paths of the link line")
    func redirects() throws {
        let object = try Fixtures.object("int missing(int); int other(void); void _start(void) { missing(other()); }")
        let folder = try TemporaryDirectory()
        let allow = folder.file("copy-of-allow.txt")
        try Data("other\n".utf8).write(to: allow)
        let locations = FileLocations(
            workingDirectory: "/nonexistent",
            redirects: ["build/main.o": object.path, "allow.txt": allow.path], redirectsOnly: true)
        let options = try LinkOptions.parse(arguments: ["build/main.o", "--allow-undefined-file=allow.txt", "-o", "main.wasm"], files: locations.fileAccess)
        let prediction = try ResolvedLink.resolve(options, locations: locations).predict()
        #expect(prediction.inputs.map(\.path) == ["build/main.o"])
        #expect(prediction.diagnostics.map(\.text) == ["build/main.o: undefined symbol: missing"])
        #expect(prediction.undefined.first { $0.name == "missing" }?.referencedBy.map(\.input) == ["build/main.o"])
        #expect(prediction.undefined.first { $0.name == "other" }?.outcome == .import)
    }

    @Test("with redirects only, a path without a redirect is missing even if a file of that name exists")
    func redirectsOnly() throws {
        let object = try Fixtures.object("void _start(void) {}")
        let locations = FileLocations(redirects: [:], redirectsOnly: true)
        #expect(locations.location(of: object.path) == nil)
        let options = try LinkOptions.parse(arguments: [object.path])
        #expect(throws: LinkModelError.self) { try ResolvedLink.resolve(options, locations: locations) }
        #expect(FileLocations(workingDirectory: "/w").location(of: "a.o") == "/w/a.o")
        #expect(FileLocations(workingDirectory: "/w").location(of: "/abs/a.o") == "/abs/a.o")
    }
}
