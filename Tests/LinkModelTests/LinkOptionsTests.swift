import Testing
@testable import LinkModel

/// A file system with only the files given.
private func files(_ contents: [String: String]) -> FileAccess {
    FileAccess(readText: { contents[$0] }, exists: { contents[$0] != nil })
}

private func parse(_ line: String, _ fileContents: [String: String] = [:]) throws -> LinkOptions {
    try LinkOptions.parse(arguments: line.split(separator: " ").map(String.init), files: files(fileContents))
}

@Suite("Link options from a wasm-ld command line")
struct LinkOptionsTests {
    @Test("inputs keep their order and whole-archive state")
    func inputsInOrder() throws {
        let options = try parse("a.o --whole-archive libx.a --no-whole-archive b.o -o out.wasm")
        #expect(options.inputs.map(\.path) == ["a.o", "libx.a", "b.o"])
        #expect(options.inputs.map(\.wholeArchive) == [false, true, false])
        #expect(options.outputPath == "out.wasm")
    }

    @Test("the default is mode error, no import-undefined, entry _start, gc on, error limit 20")
    func defaults() throws {
        let options = try parse("a.o")
        #expect(options.unresolvedSymbols == .error)
        #expect(!options.importUndefined)
        #expect(options.entry == "_start")
        #expect(options.gcSections)
        #expect(options.errorLimit == 20)
        #expect(options.policy.name == .error)
    }

    @Test("the last of --warn/--error-unresolved-symbols decides, report-all keeps it whatever the order")
    func warnErrorOrder() throws {
        #expect(try parse("a.o --warn-unresolved-symbols").unresolvedSymbols == .warn)
        #expect(try parse("a.o --warn-unresolved-symbols --error-unresolved-symbols").unresolvedSymbols == .error)
        #expect(try parse("a.o --error-unresolved-symbols --warn-unresolved-symbols").unresolvedSymbols == .warn)
        #expect(try parse("a.o --unresolved-symbols=report-all --warn-unresolved-symbols").unresolvedSymbols == .warn)
        #expect(try parse("a.o --warn-unresolved-symbols --unresolved-symbols=report-all").unresolvedSymbols == .warn)
        #expect(try parse("a.o --warn-unresolved-symbols --unresolved-symbols=ignore-all").unresolvedSymbols == .ignore)
    }

    @Test("--unresolved-symbols accepts = and separate forms with one or two dashes; the last counts")
    func unresolvedSpellings() throws {
        #expect(try parse("a.o --unresolved-symbols ignore-all").unresolvedSymbols == .ignore)
        #expect(try parse("a.o -unresolved-symbols=import-dynamic").unresolvedSymbols == .importDynamic)
        #expect(try parse("a.o -unresolved-symbols import-dynamic --unresolved-symbols=report-all").unresolvedSymbols == .error)
    }

    @Test("an unknown --unresolved-symbols value is kept for the prediction, not thrown")
    func unresolvedBogus() throws {
        let options = try parse("a.o --unresolved-symbols=bogus")
        #expect(options.invalidUnresolvedSymbolsValue == "bogus")
    }

    @Test("--allow-undefined overrides report-all, import-dynamic and the warn flags and implies --import-undefined")
    func allowUndefinedOverrides() throws {
        for line in ["a.o --allow-undefined --unresolved-symbols=report-all",
                     "a.o --unresolved-symbols=import-dynamic --allow-undefined",
                     "a.o --allow-undefined --warn-unresolved-symbols"] {
            let options = try parse(line)
            #expect(options.unresolvedSymbols == .ignore)
            #expect(options.importUndefined)
            #expect(options.policy.name == .allow)
        }
    }

    @Test("only the last --allow-undefined-file counts; -allow-undefined-file F is the same option")
    func allowFileLastWins() throws {
        #expect(try parse("a.o --allow-undefined-file=one.txt --allow-undefined-file=two.txt").allowUndefinedFile == "two.txt")
        #expect(try parse("a.o -allow-undefined-file two.txt").allowUndefinedFile == "two.txt")
        #expect(try parse("a.o -allow-undefined-file=three.txt").allowUndefinedFile == "three.txt")
    }

    @Test("--allow-undefined-file with a separate value and two dashes is unknown to wasm-ld")
    func allowFileDoubleDashSeparate() {
        #expect(throws: LinkModelError.self) { try parse("a.o --allow-undefined-file two.txt") }
    }

    @Test("allow lists: trimmed lines, # comments and empty lines skipped, a line with a space is one name")
    func allowListFormat() {
        let names = AllowList.names(in: "# comment\n  foo  \n\nsfb sfc\n_Z4cfooi\r\n#bar\n")
        #expect(names == ["foo", "sfb sfc", "_Z4cfooi"])
    }

    @Test("exports, entry, gc and limits in both spellings")
    func linkOptions() throws {
        let options = try parse("a.o --export=f --export g -export h --export-if-defined=i --entry main --no-gc-sections --error-limit 3 --fatal-warnings --import-memory --import-table -u k --undefined=l")
        #expect(options.exports == ["f", "g", "h"])
        #expect(options.exportIfDefined == ["i"])
        #expect(options.entry == "main")
        #expect(!options.gcSections)
        #expect(options.errorLimit == 3)
        #expect(options.fatalWarnings)
        #expect(options.importMemory == .init(module: "env", name: "memory"))
        #expect(options.importTable)
        #expect(options.undefinedNames == ["k", "l"])
        #expect(try parse("a.o --entry=e1 --no-entry").entry == nil)
        #expect(try parse("a.o --no-entry -e e2").entry == "e2")
        #expect(try parse("a.o --import-memory=m,mem").importMemory == .init(module: "m", name: "mem"))
        #expect(try parse("a.o --error-limit=0").errorLimit == 0)
    }

    @Test("single-dash long options split like LLVM's OptTable: -export-all is an entry named xport-all")
    func singleDashQuirks() throws {
        let options = try parse("a.o -export-all")
        #expect(options.entry == "xport-all")
        #expect(!options.exportAll)
        #expect(try parse("a.o --export-all").exportAll)
        #expect(try parse("a.o -error-limit=3").entry == "rror-limit=3")
        #expect(throws: LinkModelError.self) { try parse("a.o -import-memory") }
    }

    @Test("-z muldefs and --allow-multiple-definition; unknown -z values become wasm-ld's warning")
    func zOptions() throws {
        #expect(try parse("a.o -z muldefs").allowMultipleDefinition)
        #expect(try parse("a.o -zmuldefs").allowMultipleDefinition)
        #expect(try parse("a.o -allow-multiple-definition").allowMultipleDefinition)
        let options = try parse("a.o -z foo -z stack-size=1024")
        #expect(options.driverDiagnostics == [Diagnostic(.warning, "unknown -z value: foo")])
        #expect(options.ignoredFlags == ["-z foo", "-z stack-size=1024"])
    }

    @Test("flags that do not matter to undefined symbols are listed as ignored, never dropped")
    func ignoredFlags() throws {
        let options = try parse("a.o --stack-first -O2 --strip-all --no-demangle --gc-sections -mllvm -x --initial-memory=65536")
        #expect(options.ignoredFlags == ["--stack-first", "-O2", "--strip-all", "-mllvm -x", "--initial-memory=65536"])
        #expect(!options.demangle)
    }

    @Test("-l searches every -L directory, .so before .a unless -Bstatic, -l:name as a file name")
    func libraries() throws {
        let fs = ["/lib1/libc.a": "", "/lib2/libm.a": "", "/lib2/libz.so": "", "/lib2/libz.a": "", "/lib1/crt1.o": ""]
        let options = try parse("-L/lib1 a.o -lc -l m -Bstatic -lz -l:crt1.o -L /lib2", fs)
        #expect(options.inputs.map(\.path) == ["a.o", "/lib1/libc.a", "/lib2/libm.a", "/lib2/libz.a", "/lib1/crt1.o"])
        #expect(options.inputs.map(\.library) == [nil, "c", "m", "z", ":crt1.o"])
        #expect(throws: LinkModelError.self) { try parse("a.o -L/lib2 -lz", fs) }
        #expect(throws: LinkModelError.self) { try parse("a.o -lnope", fs) }
    }

    @Test("response files expand recursively with GNU quoting")
    func responseFiles() throws {
        let fs = ["args.rsp": "a.o 'b c.o' \"d\\\"e.o\" @more.rsp\n--allow-undefined", "more.rsp": "f\\ g.o --no-entry"]
        let options = try parse("@args.rsp -o x.wasm", fs)
        #expect(options.inputs.map(\.path) == ["a.o", "b c.o", "d\"e.o", "f g.o"])
        #expect(options.entry == nil)
        #expect(options.allowUndefined)
        #expect(try parse("@missing.rsp").inputs.map(\.path) == ["@missing.rsp"])
    }

    @Test("a leading linker name and -flavor wasm (rustc's rust-lld) are understood")
    func flavor() throws {
        let options = try LinkOptions.parse(arguments: ["/x/rust-lld", "-flavor", "wasm", "a.o", "--export=f"], files: files([:]))
        #expect(options.programName == "rust-lld")
        #expect(options.inputs.map(\.path) == ["a.o"])
        let plain = try LinkOptions.parse(arguments: ["-flavor", "wasm", "a.o"], files: files([:]))
        #expect(plain.programName == "rust-lld")
        #expect(throws: LinkModelError.self) { try LinkOptions.parse(arguments: ["-flavor", "gnu", "a.o"], files: files([:])) }
    }

    @Test("-shared, -pie, -r and --wrap are reported as not modelled")
    func notModelled() {
        for line in ["a.o -shared", "a.o --pie", "a.o -r", "a.o --relocatable", "a.o --wrap=f"] {
            #expect {
                try parse(line)
            } throws: { error in
                (error as? LinkModelError)?.kind == .notModelled
            }
        }
        #expect((try? parse("a.o --no-pie")) != nil)
    }

    @Test("unknown options and missing values are usage errors")
    func usageErrors() {
        for line in ["a.o --frobnicate", "a.o --export", "a.o -o", "a.o --error-limit=x", "--help", "a.o --version"] {
            #expect {
                try parse(line)
            } throws: { error in
                (error as? LinkModelError)?.kind == .usage
            }
        }
    }

    @Test("policy names map to wasm-ld's flags")
    func policies() {
        #expect(UndefinedPolicy(.error).flags == [])
        #expect(UndefinedPolicy(.import).flags == ["--import-undefined"])
        #expect(UndefinedPolicy(.allow).flags == ["--allow-undefined"])
        #expect(UndefinedPolicy(mode: .warn, importUndefined: true).label == "warn+import")
        let options = LinkOptions(files: ["a.o"], policy: .allow, allowFile: "list.txt")
        #expect(options.unresolvedSymbols == .ignore && options.importUndefined)
        #expect(options.allowUndefinedFile == "list.txt")
        #expect(options.policy.label == "allow+allow-file")
    }

    @Test("GNU tokenizer: backslashes escape inside quotes too, empty quotes vanish")
    func tokenizer() {
        #expect(ResponseFiles.tokenize(#"a "b\\c" 'd e' "" \  x\"y"#) == ["a", #"b\c"#, "d e", " ", "x\"y"])
    }
}
