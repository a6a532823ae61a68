import LinkModel
import Reporting
import SourceLocations
import TextFormatting
import WasmDecoding
import Workspace

/// `imports --source-lines` on linked modules: where each imported function is called.
extension ImportsCommand {
    /// The call sites of every module input's imported functions (decoded now, on request).
    static func callSites(of inputs: [OpenedInput]) throws -> [ModuleCallSites.Result] {
        var results: [ModuleCallSites.Result] = []
        for input in inputs {
            guard let file = input.file else { continue }
            do {
                results.append(try ModuleCallSites.find(in: try WasmBinary(file.window), input: input.name))
            } catch {
                throw ToolError(message: "\(input.name): \(error)")
            }
        }
        return results
    }

    static func callSitesText(_ results: [ModuleCallSites.Result]) -> String {
        var out = "\ncall sites of the imported functions:\n"
        for result in results {
            for entry in result.imports {
                out += "  \(TerminalSafe.escape(entry.module)).\(TerminalSafe.escape(entry.name))\n"
                if entry.sites.isEmpty { out += "    no direct call\n" }
                for site in entry.sites { out += "    called from \(TerminalSafe.escape(Report.referenceLine(site)))\n" }
            }
            if !result.hasDebugInfo { out += "  note: no line table: build with debug info for source lines\n" }
            for problem in result.problems.prefix(3) { out += "  note: \(problem)\n" }
        }
        return out
    }

    static func callSitesJSON(_ json: inout JSONWriter, _ results: [ModuleCallSites.Result], _ entry: PredictedImport) {
        let sites = results.lazy.flatMap(\.imports).first { $0.module == entry.module && $0.name == entry.name }?.sites ?? []
        json.array("call_sites") { json in
            for site in sites {
                json.object { json in
                    json.field("function", site.function)
                    json.field("file", site.position?.file)
                    json.field("line", site.position.map { Int($0.line) })
                    json.field("column", site.position.map { Int($0.column) })
                    json.field("code_offset", site.codeOffset)
                }
            }
        }
    }
}
