import Foundation
import LinkModel
import Testing
import TestSupport

/// The prediction's per-symbol view, on cases of the corpus: what the TUI and the reports show.
@Suite("Outcomes per undefined symbol", .enabled(if: Toolchain.wasmLD != nil && Toolchain.clang != nil, "no clang and wasm-ld beside swift"))
struct OutcomeTests {
    /// The case `name` built, and its link resolved (no -o needed: the options say a.out).
    static func resolved(_ name: String, extra: [String] = []) throws -> ResolvedLink {
        let linkCase = try LinkCase(directory: LinkCase.casesDirectory + "/" + name)
        let directory = try linkCase.build()
        let options = try LinkOptions.parse(arguments: linkCase.link + extra + ["-o", "/dev/null"])
        return try ResolvedLink.resolve(options, workingDirectory: directory)
    }

    static func symbol(_ prediction: LinkPrediction, _ name: String) throws -> UndefinedSymbol {
        try #require(prediction.undefined.first { $0.name == name })
    }

    static let policies: [UndefinedPolicy] = PolicyName.allCases.map { UndefinedPolicy($0) } + [
        UndefinedPolicy(mode: .warn), UndefinedPolicy(mode: .ignore), UndefinedPolicy(mode: .importDynamic),
        UndefinedPolicy(mode: .warn, importUndefined: true),
    ]

    @Test("weak undefined function resolves to a trap stub under every policy")
    func weakFunction() throws {
        let link = try Self.resolved("weak_func_call")
        for policy in Self.policies {
            let prediction = link.predict(policy: policy)
            let wfoo = try Self.symbol(prediction, "wfoo")
            #expect(wfoo.outcome == .weakUndefined, "\(policy.label)")
            #expect(wfoo.resolution == .weakStub)
            #expect(wfoo.predictedImport == nil)
            #expect(prediction.imports.isEmpty)
        }
    }

    @Test("undefined data is never imported: an error by default and with --import-undefined, address 0 with --allow-undefined")
    func dataNeverImported() throws {
        let link = try Self.resolved("data_load")
        #expect(try Self.symbol(link.predict(policy: UndefinedPolicy(.error)), "dat").outcome == .error)
        #expect(try Self.symbol(link.predict(policy: UndefinedPolicy(.import)), "dat").outcome == .error)
        let allowed = try Self.symbol(link.predict(policy: UndefinedPolicy(.allow)), "dat")
        #expect(allowed.outcome == .zero)
        #expect(allowed.resolution == .addressZero)
        #expect(allowed.predictedImport == nil)
    }

    @Test("--import-undefined imports a plain function from env with its signature")
    func importUndefinedFunction() throws {
        let prediction = try Self.resolved("func_call").predict(policy: UndefinedPolicy(.import))
        let foo = try Self.symbol(prediction, "foo")
        #expect(foo.outcome == .import)
        #expect(foo.predictedImport == PredictedImport(module: "env", name: "foo", kind: .function, type: "(i32) -> void", symbol: "foo", layoutDependent: false))
        #expect(prediction.linkOK)
    }

    @Test("a function called twice is referenced twice, from the calling function, and diagnosed twice")
    func referencesPerRelocation() throws {
        let prediction = try Self.resolved("func_call").predict(policy: UndefinedPolicy(.error))
        let foo = try Self.symbol(prediction, "foo")
        #expect(foo.referencedBy.map(\.function) == ["_start", "_start"])
        #expect(foo.referencedBy.map(\.input) == ["func_call.o", "func_call.o"])
        #expect(foo.diagnostics == Array(repeating: Diagnostic(.error, "func_call.o: undefined symbol: foo"), count: 2))
    }

    @Test("an explicit import name is imported under every policy, never diagnosed")
    func explicitImport() throws {
        let link = try Self.resolved("explicit_func")
        for policy in Self.policies {
            let prediction = link.predict(policy: policy)
            let symbol = try Self.symbol(prediction, "host_fn")
            #expect(symbol.explicitImportName == "hf")
            #expect(symbol.predictedImport?.module == "host" && symbol.predictedImport?.name == "hf", "\(policy.label)")
            #expect(symbol.diagnostics.isEmpty)
        }
    }

    @Test("import_module alone is diagnosed like a plain function, but imported from its module")
    func importModuleOnly() throws {
        let link = try Self.resolved("explicit_module_only")
        #expect(try Self.symbol(link.predict(policy: UndefinedPolicy(.error)), "imfoo").outcome == .error)
        let imported = try Self.symbol(link.predict(policy: UndefinedPolicy(.allow)), "imfoo")
        #expect(imported.explicitImportName == nil)
        #expect(imported.predictedImport?.module == "host")
    }

    @Test("a global neither imported nor an error is resolved to an invalid index and the module is invalid")
    func invalidIndex() throws {
        let link = try Self.resolved("global_undef")
        let ignored = link.predict(policy: UndefinedPolicy(mode: .ignore))
        #expect(try Self.symbol(ignored, "gimm").outcome == .invalidIndex)
        #expect(ignored.linkOK && ignored.writesInvalidModule)
        let warned = link.predict(policy: UndefinedPolicy(mode: .warn))
        #expect(try Self.symbol(warned, "gimm").outcome == .warning)
        #expect(warned.writesInvalidModule)
        let imported = link.predict(policy: UndefinedPolicy(.allow))
        #expect(!imported.writesInvalidModule)
        #expect(try Self.symbol(imported, "gimm").predictedImport?.type == "i32")
    }

    @Test("--warn-unresolved-symbols --import-undefined: a global gets a warning and an import")
    func warningImport() throws {
        let prediction = try Self.resolved("global_undef").predict(policy: UndefinedPolicy(mode: .warn, importUndefined: true))
        #expect(try Self.symbol(prediction, "gimm").outcome == .warningImport)
    }

    @Test("a policy is recomputed without resolving again, and agrees with a fresh resolution")
    func recomputeForPolicy() throws {
        let link = try Self.resolved("mixed")
        for name in PolicyName.allCases {
            let flipped = link.predict(policy: UndefinedPolicy(name))
            let fresh = try Self.resolved("mixed", extra: name.flags).predict()
            #expect(flipped.diagnostics == fresh.diagnostics)
            #expect(flipped.imports == fresh.imports)
            #expect(flipped.undefined.map(\.outcome) == fresh.undefined.map(\.outcome))
        }
    }

    @Test("allow-list toggles (the TUI's space key) import a function without an allow file")
    func extraAllowed() throws {
        let link = try Self.resolved("stub_share")
        var policy = UndefinedPolicy(.error)
        policy.extraAllowed = ["b"]
        let prediction = link.predict(policy: policy)
        #expect(try Self.symbol(prediction, "b").outcome == .import)
        #expect(try Self.symbol(prediction, "a").outcome == .error)
        #expect(prediction.imports.map(\.name) == ["b"])
    }

    @Test("an archive member's references name the archive and the member; only loaded members count")
    func archiveReferences() throws {
        let link = try Self.resolved("archive_extract")
        let prediction = link.predict(policy: UndefinedPolicy(.error))
        let bfoo = try Self.symbol(prediction, "bfoo")
        #expect(bfoo.referencedBy.first?.input == "libA.a(ar_a.o)")
        #expect(bfoo.referencedBy.first?.member == "ar_a.o")
        #expect(bfoo.referencedBy.first?.path == "libA.a")
        #expect(!prediction.undefined.contains { $0.name == "zz_never" })
        #expect(prediction.inputs.map(\.membersUsed) == [[], ["ar_a.o"]])
    }

    @Test("code only dead code uses is listed apart, with its references on demand")
    func unreferenced() throws {
        let link = try Self.resolved("dead_ref_gc")
        let prediction = link.predict(policy: UndefinedPolicy(.error))
        #expect(prediction.undefined.map(\.name) == ["live_missing"])
        #expect(prediction.unreferencedUndefined.map(\.name) == ["missing_in_dead"])
        #expect(link.references(to: "missing_in_dead").map(\.live) == [false])
        #expect(link.references(to: "missing_in_dead").first?.function == "never_called")
    }

    @Test("when the link stops before undefined symbols are examined, outcomes are not-reached")
    func stoppedEarly() throws {
        let prediction = try Self.resolved("entry_missing").predict(policy: UndefinedPolicy(.error))
        #expect(prediction.stoppedEarly)
        #expect(!prediction.linkOK)
        #expect(prediction.diagnostics == [Diagnostic(.error, "entry symbol not defined (pass --no-entry to suppress): _start")])
    }

    @Test("a missing allow file is wasm-ld's 'cannot open' error")
    func missingAllowFile() throws {
        let link = try Self.resolved("func_call")
        let prediction = link.predict(policy: UndefinedPolicy(.error, allowFile: AllowList(path: "nope.txt", names: nil)))
        #expect(prediction.diagnostics == [Diagnostic(.error, "cannot open nope.txt: No such file or directory")])
    }

    @Test("without -o, wasm-ld stops with 'no output file specified'")
    func noOutput() throws {
        let linkCase = try LinkCase(directory: LinkCase.casesDirectory + "/func_call")
        let prediction = try LinkModel.predict(arguments: linkCase.link, workingDirectory: try linkCase.build())
        #expect(prediction.diagnostics == [Diagnostic(.error, "no output file specified")])
    }

    @Test("files mode without _start: no entry error, and every definition of the given objects is a root")
    func filesModeWithoutEntry() throws {
        let linkCase = try LinkCase(directory: LinkCase.casesDirectory + "/export_name_root")
        let directory = try linkCase.build()
        let options = LinkOptions(files: ["export_name_root.o"], policy: .error)
        let prediction = try ResolvedLink.resolve(options, workingDirectory: directory).predict()
        #expect(!prediction.diagnostics.contains { $0.text.hasPrefix("entry symbol") })
        #expect(prediction.options.entry == nil && prediction.options.rootsAllDefinitions)
        #expect(prediction.undefined.map(\.name) == ["exported_missing", "plain_missing"])
    }

    @Test("files mode with _start defined: _start is the entry, dead code stays dead")
    func filesModeWithEntry() throws {
        let linkCase = try LinkCase(directory: LinkCase.casesDirectory + "/dead_ref_gc")
        let directory = try linkCase.build()
        let prediction = try ResolvedLink.resolve(LinkOptions(files: ["dead_ref_gc.o"]), workingDirectory: directory).predict()
        #expect(prediction.options.entry == "_start" && !prediction.options.rootsAllDefinitions)
        #expect(prediction.undefined.map(\.name) == ["live_missing"])
    }
}
