import Foundation
import LinkModel
import TestSupport
import WasmDecoding

/// What a real wasm-ld run did: its exit status, the diagnostics it printed and, when it wrote
/// a module, that module's import section read back with our decoder.
struct LinkObservation: Equatable, CustomStringConvertible {
    struct ImportEntry: Equatable, CustomStringConvertible {
        var module: String
        var name: String
        var kind: PredictedImport.Kind
        var type: String
        var description: String { "\(module).\(name) \(kind) \(type)" }
    }

    var status: Int32
    var diagnostics: [Diagnostic]
    /// Lines that are not wasm-ld diagnostics (there should be none).
    var otherLines: [String]
    var imports: [ImportEntry]?

    var description: String {
        var text = "exit \(status)\n"
        for line in diagnostics { text += "  \(line.description.replacingOccurrences(of: "\n", with: "\n    "))\n" }
        for line in otherLines { text += "  ?? \(line)\n" }
        if let imports { text += "  imports:\n" + imports.map { "    \($0)\n" }.joined() }
        return text
    }

    /// Splits wasm-ld's stderr into diagnostics: `wasm-ld: error: …` / `wasm-ld: warning: …`
    /// lines, each with the `>>> ` lines that follow it.
    static func parseDiagnostics(_ stderr: String, program: String = "wasm-ld") -> (diagnostics: [Diagnostic], other: [String]) {
        var diagnostics: [Diagnostic] = []
        var other: [String] = []
        for line in stderr.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) {
            if line.hasPrefix("\(program): error: ") {
                diagnostics.append(Diagnostic(.error, String(line.dropFirst("\(program): error: ".count))))
            } else if line.hasPrefix("\(program): warning: ") {
                diagnostics.append(Diagnostic(.warning, String(line.dropFirst("\(program): warning: ".count))))
            } else if line.hasPrefix(">>> "), !diagnostics.isEmpty {
                diagnostics[diagnostics.count - 1].text += "\n" + line
            } else {
                other.append(line)
            }
        }
        return (diagnostics, other)
    }

    /// The import section of a linked module, as `module.name kind type`.
    static func readImports(_ path: String) throws -> [ImportEntry] {
        let storage = try ByteStorage.map(path: path)
        let binary = try WasmBinary(storage.window)
        let types = try binary.types()
        let entries = try binary.importSection()?.collect() ?? []
        return entries.map { entry in
            let kind: PredictedImport.Kind
            let type: String
            switch entry.descriptor {
            case .function(let index):
                kind = .function
                type = Int(index) < types.count ? (types[Int(index)].functionType?.description ?? "?") : "?"
            case .global(let global):
                kind = .global
                type = global.description
            case .table(let table):
                kind = .table
                type = table.description
            case .memory:
                kind = .memory
                type = "memory"
            case .tag(let tag):
                kind = .tag
                type = Int(tag.typeIndex) < types.count ? (types[Int(tag.typeIndex)].functionType?.description ?? "?") : "?"
            }
            return ImportEntry(module: entry.module, name: entry.name, kind: kind, type: type)
        }
    }

    /// Runs wasm-ld on `arguments` in `directory`, writing to `output`.
    static func link(_ arguments: [String], in directory: String, output: String) throws -> LinkObservation {
        try? FileManager.default.removeItem(atPath: output)
        let result = try Toolchain.link(arguments + ["-o", output], in: directory)
        let (diagnostics, other) = parseDiagnostics(result.stderr)
        var imports: [ImportEntry]? = nil
        if result.status == 0, FileManager.default.fileExists(atPath: output) {
            imports = try readImports(output)
        }
        return LinkObservation(status: result.status, diagnostics: diagnostics, otherLines: other, imports: imports)
    }

    /// The same shape, from a prediction.
    init(prediction: LinkPrediction) {
        status = prediction.linkOK ? 0 : 1
        diagnostics = prediction.diagnostics
        otherLines = []
        imports = prediction.linkOK ? prediction.imports.map {
            ImportEntry(module: $0.module, name: $0.name, kind: $0.kind, type: $0.type)
        } : nil
    }

    init(status: Int32, diagnostics: [Diagnostic], otherLines: [String], imports: [ImportEntry]?) {
        self.status = status
        self.diagnostics = diagnostics
        self.otherLines = otherLines
        self.imports = imports
    }

    /// Equality as the suite judges it: the linker-owned memory and function-table imports
    /// are compared by element type only, their limits being decided by memory/table layout,
    /// which the model does not compute.
    func agrees(with prediction: LinkPrediction) -> Bool {
        guard status == (prediction.linkOK ? 0 : 1), diagnostics == prediction.diagnostics, otherLines.isEmpty else { return false }
        guard let imports else { return true }
        guard imports.count == prediction.imports.count else { return false }
        for (actual, predicted) in zip(imports, prediction.imports) {
            guard actual.module == predicted.module, actual.name == predicted.name, actual.kind == predicted.kind else { return false }
            if predicted.layoutDependent {
                guard actual.type.hasPrefix(predicted.type) else { return false }
            } else if actual.type != predicted.type {
                return false
            }
        }
        return true
    }
}
