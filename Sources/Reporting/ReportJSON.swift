import Findings
import SourceLocations
import LinkModel
import TextFormatting

/// The `wasm-undef.report/1` JSON document (product.md) for a prediction.
public enum ReportJSON {
    public static let schema = "wasm-undef.report/1"

    /// The whole document, keys in a stable order, with a trailing newline. `findings` fill
    /// each symbol's `suggestions` array and the top-level `findings`.
    /// - Parameter sources: source references (`--source-lines`): each symbol gets its
    ///   `references`, and the document a `source_lines` summary.
    public static func render(_ prediction: LinkPrediction, findings: LinkFindings = LinkFindings(),
                              sources: SourceReferences? = nil) -> String {
        let suggestions = findings.suggestions
        var json = JSONWriter(pretty: true)
        json.object { json in
            json.field("schema", schema)
            json.field("policy", prediction.policy.label)
            json.array("policy_flags") { json in
                for flag in prediction.policy.flags { json.value(flag) }
            }
            options(&json, prediction.options)
            json.field("ignored_flags", strings: prediction.ignoredFlags)
            json.array("inputs") { json in
                for input in prediction.inputs {
                    json.object { json in
                        json.field("path", input.path)
                        json.field("kind", input.kind.rawValue)
                        if let crate = input.crateName { json.field("crate", crate) }
                        if input.kind == .archive {
                            json.field("members_used", strings: input.membersUsed)
                            json.field("member_count", input.memberCount)
                            json.field("imports_file", input.importsFile)
                        }
                    }
                }
            }
            json.array("undefined") { json in
                for symbol in prediction.undefined { undefined(&json, symbol, suggestions: suggestions[symbol.name] ?? [], sources: sources) }
            }
            if let sources { sourceLines(&json, sources) }
            json.field("unreferenced_undefined_count", prediction.unreferencedUndefined.count)
            json.array("imports") { json in
                for entry in prediction.imports { importEntry(&json, entry) }
            }
            json.array("diagnostics") { json in
                for line in prediction.diagnostics {
                    json.object { json in
                        json.field("severity", line.severity.rawValue)
                        json.field("text", line.text)
                    }
                }
            }
            json.array("findings") { json in
                for finding in findings.findings {
                    json.object { json in
                        json.field("severity", finding.severity.rawValue)
                        json.field("category", finding.category.rawValue)
                        json.field("symbol", finding.symbol)
                        json.field("message", finding.message)
                        json.field("fix", finding.fix)
                    }
                }
            }
            json.field("error_count", prediction.errorCount)
            json.field("warning_count", prediction.warningCount)
            json.field("stopped_early", prediction.stoppedEarly)
            json.field("writes_invalid_module", prediction.writesInvalidModule)
            json.field("link_ok", prediction.linkOK)
        }
        return json.document
    }

    static func options(_ json: inout JSONWriter, _ options: LinkOptions) {
        json.object("options") { json in
            json.field("entry", options.entry)
            if options.rootsAllDefinitions { json.field("roots", "every definition of the given objects (no entry defined)") }
            json.field("exports", strings: options.exports)
            json.field("export_if_defined", strings: options.exportIfDefined)
            json.field("export_all", options.exportAll)
            json.field("export_dynamic", options.exportDynamic)
            json.field("gc_sections", options.gcSections)
            json.field("unresolved_symbols", options.unresolvedSymbols.rawValue)
            json.field("import_undefined", options.importUndefined)
            json.field("allow_undefined", options.allowUndefined)
            json.field("allow_undefined_file", options.allowUndefinedFile)
            json.field("fatal_warnings", options.fatalWarnings)
            json.field("error_limit", options.errorLimit)
            json.field("undefined", strings: options.undefinedNames)
            json.field("import_memory", options.importMemory.map { "\($0.module).\($0.name)" })
            json.field("import_table", options.importTable)
            json.field("allow_multiple_definition", options.allowMultipleDefinition)
            json.field("demangle", options.demangle)
        }
    }

    static func undefined(_ json: inout JSONWriter, _ symbol: UndefinedSymbol, suggestions: [Suggestion], sources: SourceReferences? = nil) {
        json.object { json in
            json.field("name", symbol.name)
            json.field("display_name", symbol.displayName)
            json.field("kind", symbol.kind.rawValue)
            json.field("binding", symbol.weak ? "weak" : "global")
            json.field("weak", symbol.weak)
            if let name = symbol.explicitImportName {
                json.object("explicit_import") { json in
                    json.field("module", symbol.importModule ?? "env")
                    json.field("name", name)
                }
            } else {
                json.field("explicit_import", nil as String?)
            }
            json.field("import_module", symbol.importModule)
            json.field("signature", symbol.type)
            json.array("referenced_by") { json in
                for reference in Report.groupedReferences(symbol.referencedBy) {
                    json.object { json in
                        json.field("input", reference.reference.input)
                        json.field("member", reference.reference.member)
                        json.field("function", reference.reference.function)
                        json.field("symbol", reference.reference.function)
                        json.field("section", reference.reference.section)
                        json.field("count", reference.count)
                    }
                }
            }
            if let sources { references(&json, sources.references(of: symbol.name)) }
            json.field("outcome", symbol.outcome.rawValue)
            json.field("resolution", symbol.resolution?.rawValue)
            if let entry = symbol.predictedImport {
                json.object("import") { json in importFields(&json, entry) }
            } else {
                json.field("import", nil as String?)
            }
            if let entry = symbol.gotImport {
                json.object("got_import") { json in importFields(&json, entry) }
            }
            json.field("in_allow_list", symbol.inAllowList)
            json.array("suggestions") { json in
                for suggestion in suggestions {
                    json.object { json in
                        json.field("kind", suggestion.kind.rawValue)
                        json.field("name", suggestion.name)
                        json.field("defined_in", suggestion.definedIn)
                        if let flag = suggestion.linkFlag { json.field("link_flag", flag) }
                    }
                }
            }
            json.array("diagnostics") { json in
                for line in symbol.diagnostics { json.value(line.description) }
            }
        }
    }

    static func importEntry(_ json: inout JSONWriter, _ entry: PredictedImport) {
        json.object { json in importFields(&json, entry) }
    }

    static func importFields(_ json: inout JSONWriter, _ entry: PredictedImport) {
        json.field("module", entry.module)
        json.field("name", entry.name)
        json.field("kind", entry.kind.rawValue)
        json.field("signature", entry.type)
        json.field("symbol", entry.symbol)
        if entry.layoutDependent { json.field("limits", "decided at layout") }
    }
}
