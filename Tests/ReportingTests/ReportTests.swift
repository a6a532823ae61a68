import Findings
import Foundation
import LinkModel
import Reporting
import Testing
import TestSupport

/// The text and JSON renderings of a prediction and its findings, on small links compiled
/// here (most from the link model's case corpus).
@Suite("Reports", .enabled(if: Toolchain.clang != nil, "no clang beside swift"))
struct ReportTests {
    /// The link model's case corpus: `mixed`, `func_call` and `dup_strong` are read from it.
    static let cases = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("LinkModelTests/Cases")

    /// C sources by object name, per link (nil: the case of that name, one object per `.c`).
    static let ownLinks: [String: [(object: String, source: String)]] = [
        "typo": [("app.o", "int mylibrary_init(void) { return 1; }\nint mylibraryinit(void);\nint _start(void) { return mylibraryinit(); }\n")],
    ]

    static func sources(_ name: String) throws -> [(object: String, source: String)] {
        if let own = ownLinks[name] { return own }
        let folder = cases.appendingPathComponent(name)
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".c") }.sorted().map {
            (String($0.dropLast(2)) + ".o", try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8))
        }
    }

    /// The link `name` compiled in a fresh folder and resolved there.
    static func resolved(_ name: String) throws -> ResolvedLink {
        let folder = try TemporaryDirectory()
        let objects = try sources(name)
        try #require(!objects.isEmpty)
        for (object, source) in objects {
            let path = folder.file(object).path + ".c"
            try source.write(toFile: path, atomically: true, encoding: .utf8)
            try Toolchain.compile(path, to: folder.file(object).path)
        }
        let options = try LinkOptions.parse(arguments: objects.map(\.object) + ["-o", "/dev/null"])
        return try ResolvedLink.resolve(options, workingDirectory: folder.url.path)
    }

    static func prediction(_ name: String, _ policy: PolicyName) throws -> LinkPrediction {
        try resolved(name).predict(policy: UndefinedPolicy(policy))
    }

    @Test("JSON follows wasm-undef.report/1: schema, policy, options, inputs, undefined, imports, diagnostics, link_ok")
    func jsonSchema() throws {
        let text = ReportJSON.render(try Self.prediction("mixed", .import))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "wasm-undef.report/1")
        #expect(object["policy"] as? String == "import")
        #expect(object["link_ok"] as? Bool == false)
        let options = try #require(object["options"] as? [String: Any])
        #expect(options["entry"] as? String == "_start")
        #expect(options["gc_sections"] as? Bool == true)
        let undefined = try #require(object["undefined"] as? [[String: Any]])
        let f1 = try #require(undefined.first { $0["name"] as? String == "f1" })
        #expect(f1["outcome"] as? String == "import")
        #expect(f1["kind"] as? String == "function")
        #expect((f1["import"] as? [String: Any])?["module"] as? String == "env")
        let references = try #require(f1["referenced_by"] as? [[String: Any]])
        #expect(references.first?["input"] as? String == "mixed.o")
        let d1 = try #require(undefined.first { $0["name"] as? String == "d1" })
        #expect(d1["outcome"] as? String == "error")
        #expect(d1["import"] is NSNull)
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.allSatisfy { $0["severity"] as? String == "error" })
        #expect(diagnostics.map { $0["text"] as? String } == ["mixed.o: undefined symbol: d1"])
        #expect((object["imports"] as? [[String: Any]])?.map { $0["name"] as? String } == ["f1", "f2", "f3"])
    }

    @Test("the text report has the header, one line per undefined symbol, the imports, the diagnostics and the verdict")
    func textReport() throws {
        let text = Report.text(try Self.prediction("func_call", .error))
        #expect(text.contains("inputs:\n  func_call.o  object"))
        #expect(text.contains("policy: error (wasm-ld's default)"))
        #expect(text.contains("undefined symbols (1):"))
        #expect(text.contains("foo   function  (i32) -> void  func_call.o:_start ×2  error"))
        #expect(text.contains("  wasm-ld: error: func_call.o: undefined symbol: foo\n  wasm-ld: error: func_call.o: undefined symbol: foo\n"))
        #expect(text.hasSuffix("result: wasm-ld would fail (exit 1)\n"))
    }

    @Test("continuation lines of a diagnostic stay on their own lines, indented")
    func multiLine() throws {
        let text = Report.text(try Self.prediction("dup_strong", .error))
        #expect(text.contains("  wasm-ld: error: duplicate symbol: dup\n    >>> defined in a.o\n    >>> defined in b.o\n"))
    }

    @Test("findings follow the diagnostics in the text report and are an array in JSON, escaped in text")
    func findings() throws {
        let link = try Self.resolved("typo")
        let prediction = link.predict(policy: UndefinedPolicy(.error))
        let findings = FindingsContext(resolved: link).analyze(prediction)
        let text = Report.text(prediction, findings: findings)
        let section = try #require(text.range(of: "\nfindings (")).lowerBound
        #expect(text.range(of: "\ndiagnostics (")!.lowerBound < section)
        #expect(text.contains("  error: `mylibraryinit` is undefined: did you mean `mylibrary_init` (app.o)?\n    fix: rename the reference to `mylibrary_init`\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(ReportJSON.render(prediction, findings: findings).utf8)) as? [String: Any])
        let listed = try #require(object["findings"] as? [[String: Any]])
        #expect(listed.map { $0["category"] as? String } == findings.findings.map(\.category.rawValue))
        #expect(listed.first?["symbol"] as? String == "mylibraryinit")
    }

    @Test("references are grouped by input and function, in first-seen order, with a count")
    func groupedReferences() throws {
        let prediction = try Self.prediction("func_call", .error)
        let foo = try #require(prediction.undefined.first { $0.name == "foo" })
        let groups = Report.groupedReferences(foo.referencedBy)
        #expect(groups.map(Report.referenceText) == ["func_call.o:_start ×2"])
    }
}
