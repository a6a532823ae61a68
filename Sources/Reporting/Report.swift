import Findings
import SourceLocations
import LinkModel
import TextFormatting

/// Renderings of a link prediction shared by the CLI (`report`, `imports`) and the TUI's
/// export: stable, diffable text, and JSON.
public enum Report {
    /// A reference with how many relocations share its input and function.
    public struct GroupedReference: Sendable, Hashable {
        public var reference: Reference
        public var count: Int
    }

    /// References merged by (input, function, section), first-seen order.
    public static func groupedReferences(_ references: [Reference]) -> [GroupedReference] {
        var order: [String] = []
        var groups: [String: GroupedReference] = [:]
        for reference in references {
            let key = "\(reference.input)\u{0}\(reference.function ?? "")\u{0}\(reference.section)"
            if groups[key] == nil {
                order.append(key)
                groups[key] = GroupedReference(reference: reference, count: 0)
            }
            groups[key]?.count += 1
        }
        return order.compactMap { groups[$0] }
    }

    /// `a.o:foo`, `libc.a(printf.o):vfprintf`, `a.o:.data.table`, with `×2` for repeats.
    public static func referenceText(_ group: GroupedReference) -> String {
        var text = group.reference.input
        if let function = group.reference.function { text += ":" + function }
        if group.count > 1 { text += " ×\(group.count)" }
        return text
    }

    /// What the outcome means, in a few words (the text report's last column).
    public static func outcomeText(_ symbol: UndefinedSymbol) -> String {
        switch symbol.outcome {
        case .import:
            return "import " + (symbol.predictedImport.map { "\($0.module).\($0.name)" } ?? "")
        case .warningImport:
            return "warning, import " + (symbol.predictedImport.map { "\($0.module).\($0.name)" } ?? "")
        case .error:
            return "error"
        case .warning:
            return "warning, " + resolutionText(symbol.resolution)
        case .zero:
            return resolutionText(symbol.resolution)
        case .invalidIndex:
            return "index 0xFFFFFFFF: invalid module"
        case .weakUndefined:
            return "weak: " + resolutionText(symbol.resolution)
        case .notReached:
            return "not reached (the link stops earlier)"
        case .unreferenced:
            return "unreferenced"
        }
    }

    static func resolutionText(_ resolution: InternalResolution?) -> String {
        switch resolution {
        case .trapStub: "calls trap (undefined_stub)"
        case .weakStub: "address 0, calls trap"
        case .addressZero: "address 0"
        case .invalidIndex: "index 0xFFFFFFFF: invalid module"
        case nil: "-"
        }
    }

    /// The import section as a table: module, name, kind, type, symbol.
    public static func importsTable(_ imports: [PredictedImport]) -> TextTable {
        var table = TextTable([.init("module"), .init("name"), .init("kind"), .init("type"), .init("symbol")])
        for entry in imports {
            table.append([entry.module, entry.name, entry.kind.rawValue,
                          entry.layoutDependent ? entry.type + " (limits at layout)" : entry.type, entry.symbol ?? "-"])
        }
        return table
    }

    /// The text report: header (inputs, options, policy), one line per undefined symbol with
    /// its outcome and who references it, the import section, the diagnostics, the verdict.
    /// - Parameter sources: source references (`--source-lines`): where each undefined
    ///   symbol is used, and the crates they belong to.
    public static func text(_ prediction: LinkPrediction, findings: LinkFindings = LinkFindings(), sources: SourceReferences? = nil) -> String {
        var out = "wasm-undef report (wasm-ld 21 semantics)\n\n"
        out += "inputs:\n"
        var inputs = TextTable([.init("path"), .init("kind"), .init("used")])
        for input in prediction.inputs {
            var used = input.crateName.map { "crate \($0), " } ?? ""
            if input.kind == .archive {
                used += "\(input.membersUsed.count) of \(input.memberCount) members"
                if !input.membersUsed.isEmpty { used += ": " + input.membersUsed.prefix(8).joined(separator: ", ") }
                if input.membersUsed.count > 8 { used += ", …" }
                if let imports = input.importsFile { used += " (+ \(imports))" }
            }
            inputs.append([input.path, input.kind.rawValue, used])
        }
        out += inputs.render(indent: "  ", header: false)

        let options = prediction.options
        out += "\noptions:\n"
        var table = TextTable([.init("option"), .init("value")])
        table.append(["entry", options.entry ?? (options.rootsAllDefinitions ? "none: every definition of the given objects is a root" : "none (--no-entry)")])
        table.append(["gc-sections", options.gcSections ? "yes" : "no"])
        if !options.exports.isEmpty { table.append(["export", options.exports.joined(separator: ", ")]) }
        if !options.exportIfDefined.isEmpty { table.append(["export-if-defined", options.exportIfDefined.joined(separator: ", ")]) }
        if options.exportAll { table.append(["export-all", "yes"]) }
        if options.exportDynamic { table.append(["export-dynamic", "yes"]) }
        if !options.undefinedNames.isEmpty { table.append(["undefined", options.undefinedNames.joined(separator: ", ")]) }
        table.append(["error-limit", options.errorLimit == 0 ? "none" : String(options.errorLimit)])
        if options.fatalWarnings { table.append(["fatal-warnings", "yes"]) }
        if !prediction.ignoredFlags.isEmpty { table.append(["ignored flags", prediction.ignoredFlags.joined(separator: " ")]) }
        out += table.render(indent: "  ", header: false)

        let flags = prediction.policy.flags
        out += "\npolicy: \(prediction.policy.label)" + (flags.isEmpty ? " (wasm-ld's default)" : " (" + flags.joined(separator: " ") + ")") + "\n"

        out += "\nundefined symbols (\(prediction.undefined.count)"
        if !prediction.unreferencedUndefined.isEmpty { out += "; \(prediction.unreferencedUndefined.count) more only in dead code" }
        out += "):\n"
        if prediction.undefined.isEmpty {
            out += "  none\n"
        } else {
            var symbols = TextTable([.init("name"), .init("kind"), .init("type"), .init("referenced by"), .init("outcome")])
            for symbol in prediction.undefined {
                let groups = groupedReferences(symbol.referencedBy)
                var referenced = groups.prefix(3).map(referenceText).joined(separator: ", ")
                if groups.count > 3 { referenced += ", +\(groups.count - 3) more" }
                var kind = symbol.kind.rawValue
                if symbol.weak { kind = "weak " + kind }
                if let name = symbol.explicitImportName { kind += " [import_name \(symbol.importModule ?? "env").\(name)]" }
                symbols.append([symbol.displayName, kind, symbol.type ?? "-", referenced.isEmpty ? "-" : referenced, outcomeText(symbol)])
            }
            out += symbols.render(indent: "  ")
        }

        if let sources { out += sourceLinesText(prediction, sources) }

        out += "\nimports (\(prediction.imports.count))" + (prediction.linkOK ? "" : ", not written: the link fails") + ":\n"
        out += prediction.imports.isEmpty ? "  none\n" : importsTable(prediction.imports).render(indent: "  ")

        out += "\ndiagnostics (\(prediction.errorCount) errors, \(prediction.warningCount) warnings):\n"
        if prediction.diagnostics.isEmpty { out += "  none\n" }
        for line in prediction.diagnostics {
            let text = line.text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { TerminalSafe.escape(String($0)) }.joined(separator: "\n    ")
            out += "  \(prediction.options.programName): \(line.severity.rawValue): \(text)\n"
        }
        if !findings.findings.isEmpty {
            out += "\nfindings (\(findings.findings.count)):\n"
            for finding in findings.findings {
                out += "  \(finding.severity.rawValue): \(TerminalSafe.escape(finding.message))\n"
                if let fix = finding.fix { out += "    fix: \(TerminalSafe.escape(fix))\n" }
            }
        }
        out += "\nresult: " + (prediction.linkOK ? "wasm-ld would succeed (exit 0)" : "wasm-ld would fail (exit 1)")
        if prediction.writesInvalidModule { out += "; the module it writes is invalid (index 0xFFFFFFFF)" }
        out += "\n"
        return out
    }
}
