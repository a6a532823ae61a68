import Demangling
import WasmDecoding

/// The uses of one imported function in a linked module: each `call` to it, placed in the
/// source by the module's DWARF (no relocations: the linker applied them).
public struct ImportCallSites: Sendable {
    public var module: String
    public var name: String
    public var functionIndex: UInt32
    public var sites: [SourceReference]
}

/// Finds the call sites of a linked module's imported functions, decoding only the bodies
/// asked about (`CallScanner`), and places them with the module's DWARF.
public enum ModuleCallSites {
    /// The result for a module.
    public struct Result: Sendable {
        public var imports: [ImportCallSites]
        /// The module has no line table: sites keep their function names only.
        public var hasDebugInfo: Bool
        /// Bodies the scanner could not walk, and DWARF it could not read.
        public var problems: [DecodeError]
    }

    /// Call sites of every imported function of `binary` (or only those `wanted` names, as
    /// `module.name` or `name`). `input` names the module in the references.
    public static func find(in binary: WasmBinary, input: String, wanted: Set<String>? = nil) throws(DecodeError) -> Result {
        let imports = try binary.importSection()?.collect() ?? []
        var functionImports: [(index: UInt32, module: String, name: String)] = []
        for entry in imports {
            guard case .function = entry.descriptor else { continue }
            let index = UInt32(functionImports.count)
            if let wanted, !wanted.contains(entry.name), !wanted.contains("\(entry.module).\(entry.name)") {
                functionImports.append((index, "", ""))
                continue
            }
            functionImports.append((index, entry.module, entry.name))
        }
        let importCount = functionImports.count
        let targets = Set(functionImports.filter { !$0.name.isEmpty }.map(\.index))
        var problems: [DecodeError] = []
        var index: DwarfIndex? = nil
        do {
            let found = try DwarfSections(binary: binary, object: nil)
            if found.hasLineInfo { index = try DwarfIndex(found) }
        } catch {
            problems.append(error)
        }
        let names = functionNames(binary)
        let codeStart = binary.section(.code)?.content.absoluteStart ?? 0
        var sites: [UInt32: [SourceReference]] = [:]
        if !targets.isEmpty, let bodies = try binary.codeSection() {
            var iterator = bodies.makeIterator()
            var bodyIndex = 0
            while let body = try iterator.next() {
                defer { bodyIndex += 1 }
                let calls: [CallSite]
                do {
                    calls = try CallScanner.calls(in: body, of: binary.window)
                } catch {
                    problems.append(error)
                    continue
                }
                for call in calls where targets.contains(call.callee) {
                    let offset = call.operandOffset - codeStart
                    var position: SourcePosition? = nil
                    if index != nil {
                        do { position = try index?.location(at: UInt64(offset)) } catch { problems.append(error) }
                    }
                    let functionIndex = UInt32(importCount + bodyIndex)
                    let symbol = names[functionIndex]
                    sites[call.callee, default: []].append(SourceReference(
                        input: input, member: nil, function: position?.function ?? symbol.map(ReferenceLocator.demangled),
                        section: "code", codeOffset: offset, position: position))
                }
            }
        }
        let result = functionImports.filter { !$0.name.isEmpty }.map {
            ImportCallSites(module: $0.module, name: $0.name, functionIndex: $0.index, sites: sites[$0.index] ?? [])
        }
        return Result(imports: result, hasDebugInfo: index != nil, problems: problems)
    }

    /// The `name` section's function names (an unreadable one gives none).
    static func functionNames(_ binary: WasmBinary) -> [UInt32: String] {
        var names: [UInt32: String] = [:]
        guard let section = try? binary.nameSection(), let map = try? section.nameMap(.function) else { return names }
        var iterator = map.makeIterator()
        while let entry = try? iterator.next() { names[entry.index] = entry.name }
        return names
    }
}
