import LinkModel
import SourceLocations
import TextFormatting

/// Where each undefined symbol is used in the source, and by which crate (`--source-lines`).
extension Report {
    /// The text section: per undefined symbol, `referenced by src/lib.rs:42:9 in hostapp::run`
    /// (repeats of one line merged); the crates the symbols come from; and once, which inputs
    /// have no line table.
    public static func sourceLinesText(_ prediction: LinkPrediction, _ sources: SourceReferences) -> String {
        var out = "\nsource lines:\n"
        if prediction.undefined.isEmpty { out += "  none\n" }
        for symbol in prediction.undefined {
            let references = sources.references(of: symbol.name)
            out += "  \(TerminalSafe.escape(symbol.displayName))"
            if let crate = references.first(where: { $0.crate != nil })?.crate, let origin = sources.crates[crate] {
                out += "  [crate \(TerminalSafe.escape(origin.summary))]"
            }
            out += "\n"
            if references.isEmpty { out += "    no references from live code\n" }
            for (line, count) in merged(references.map(referenceLine)) {
                out += "    referenced by \(TerminalSafe.escape(line))" + (count > 1 ? " ×\(count)" : "") + "\n"
            }
        }
        let byCrate = symbolsByCrate(prediction, sources)
        if !byCrate.isEmpty {
            out += "\nundefined symbols by crate:\n"
            for (crate, names) in byCrate {
                let title = sources.crates[crate]?.summary ?? crate
                out += "  \(TerminalSafe.escape(title)): \(names.map(TerminalSafe.escape).joined(separator: ", "))\n"
            }
        }
        if !sources.inputsWithoutDebugInfo.isEmpty {
            var inputs = sources.inputsWithoutDebugInfo.prefix(4).map(TerminalSafe.escape).joined(separator: ", ")
            if sources.inputsWithoutDebugInfo.count > 4 { inputs += ", +\(sources.inputsWithoutDebugInfo.count - 4) more" }
            out += "  note: no line table in \(inputs): build with debug info for source lines\n"
        }
        for (input, error) in sources.unreadable.prefix(4) {
            out += "  note: unreadable debug info in \(TerminalSafe.escape(input)): \(error)\n"
        }
        return out
    }

    /// `src/lib.rs:42:9 in hostapp::run`, or `app.o in hostapp::run` without a line table.
    public static func referenceLine(_ reference: SourceReference) -> String {
        var text = reference.locationText ?? reference.input
        if let function = reference.function { text += " in " + function }
        if reference.locationText == nil && reference.section != "code" { text += " (\(reference.section))" }
        return text
    }

    /// Each undefined symbol's crates, crate by crate in first-seen order.
    public static func symbolsByCrate(_ prediction: LinkPrediction, _ sources: SourceReferences) -> [(crate: String, symbols: [String])] {
        var order: [String] = []
        var symbols: [String: [String]] = [:]
        for symbol in prediction.undefined {
            var seen: Set<String> = []
            for reference in sources.references(of: symbol.name) {
                guard let crate = reference.crate, seen.insert(crate).inserted else { continue }
                if symbols[crate] == nil { order.append(crate) }
                symbols[crate, default: []].append(symbol.displayName)
            }
        }
        return order.map { ($0, symbols[$0] ?? []) }
    }

    private static func merged(_ lines: [String]) -> [(String, Int)] {
        var order: [String] = []
        var counts: [String: Int] = [:]
        for line in lines {
            if counts[line] == nil { order.append(line) }
            counts[line, default: 0] += 1
        }
        return order.map { ($0, counts[$0] ?? 1) }
    }
}

extension ReportJSON {
    /// `references: [{input, member, function, file, line, column, code_offset}]`.
    static func references(_ json: inout JSONWriter, _ references: [SourceReference]) {
        json.array("references") { json in
            for reference in references {
                json.object { json in
                    json.field("input", reference.input)
                    json.field("member", reference.member)
                    json.field("function", reference.function)
                    json.field("file", reference.position?.file)
                    json.field("line", reference.position.map { Int($0.line) })
                    json.field("column", reference.position.map { Int($0.column) })
                    json.field("code_offset", reference.codeOffset)
                    json.field("directory", reference.position?.directory)
                    json.field("section", reference.section)
                    json.field("crate", reference.crate)
                }
            }
        }
    }

    /// `source_lines`: the crates and the inputs without a line table.
    static func sourceLines(_ json: inout JSONWriter, _ sources: SourceReferences) {
        json.object("source_lines") { json in
            json.array("crates") { json in
                for origin in sources.crates.values.sorted(by: { $0.name < $1.name }) {
                    json.object { json in
                        json.field("name", origin.name)
                        json.field("kind", origin.kind.rawValue)
                        json.field("directory", origin.directory)
                        json.field("dependency_path", strings: origin.dependencyPath ?? [])
                    }
                }
            }
            json.field("inputs_without_debug_info", strings: sources.inputsWithoutDebugInfo)
            json.array("unreadable_debug_info") { json in
                for (input, error) in sources.unreadable {
                    json.object { json in
                        json.field("input", input)
                        json.field("error", error.description)
                    }
                }
            }
        }
    }
}
