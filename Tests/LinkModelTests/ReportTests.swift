import Foundation
import LinkModel
import Reporting
import Testing
import TestSupport

/// The text and JSON renderings.
@Suite("Reports", .enabled(if: Toolchain.wasmLD != nil && Toolchain.clang != nil))
struct ReportTests {
    static func prediction(_ name: String, _ policy: PolicyName) throws -> LinkPrediction {
        try OutcomeTests.resolved(name).predict(policy: UndefinedPolicy(policy))
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
}
