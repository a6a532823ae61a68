import Findings
import LinkModel
import SourceLocations
import TextFormatting

/// Turns a `FixPlan` into edits of the sources the references' DWARF leads to.
///
/// Rust: each host function's existing `extern` block gets `#[link(wasm_import_module =
/// "env")]` (a block that also declares mistakes or statics is split, the host functions
/// moving to a new block with the attribute); a near miss, an unlinked library's symbol and
/// undefined data get a comment with their own fix instead (with `renameNearMisses`, a near
/// miss also gets `#[link_name = "…"]` naming the defined symbol). Blocks are found in the
/// crate's own sources only: declarations in registry crates or the sysroot are named in the
/// notes with the narrowest flag that covers them.
///
/// C and C++: the prototype of each host function (in the referencing file or the headers
/// it includes) gets `__attribute__((import_module("env"), import_name("…")))`.
public enum SourcePatcher {
    public enum Language: Sendable { case rust, c }

    public struct Options: Sendable {
        public var renameNearMisses: Bool
        public init(renameNearMisses: Bool = false) { self.renameNearMisses = renameNearMisses }
    }

    public static func patch(_ plan: FixPlan, sources: SourceReferences, language: Language,
                             options: Options = Options(), files: SourceFiles) -> SourcePatch {
        var planner = PatchPlanner(plan: plan, sources: sources, options: options, files: files)
        switch language {
        case .rust: planner.planRust()
        case .c: planner.planC()
        }
        return planner.finish()
    }
}

/// The working state of one patch.
struct PatchPlanner {
    let plan: FixPlan
    let sources: SourceReferences
    let options: SourcePatcher.Options
    let files: SourceFiles
    var texts: [String: SourceText] = [:]
    var edits: [String: [LineEdit]] = [:]
    var notes: [String] = []
    /// The folders the sources were looked for in (crate folders, compilation directories):
    /// the patch's paths are relative to the one holding them all.
    var roots: [String] = []
    /// Foreign crates → host functions declared there.
    var foreign: [String: [String]] = [:]

    init(plan: FixPlan, sources: SourceReferences, options: SourcePatcher.Options, files: SourceFiles) {
        self.plan = plan
        self.sources = sources
        self.options = options
        self.files = files
    }

    var fateOf: [String: FixPlan.Entry] {
        Dictionary(plan.entries.map { ($0.symbol.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    mutating func text(_ path: String) -> SourceText? {
        if let text = texts[path] { return text }
        guard let bytes = files.read(path) else { return nil }
        let text = SourceText(path: path, bytes: bytes)
        texts[path] = text
        return text
    }

    mutating func edit(_ path: String, _ edit: LineEdit) {
        if !(edits[path] ?? []).contains(edit) { edits[path, default: []].append(edit) }
    }

    // MARK: Rust

    mutating func planRust() {
        let fates = fateOf
        // The folders of the crates whose sources may be patched, and the files DWARF names.
        var folders: [String] = []
        var unplaced: [String] = []
        for entry in plan.entries {
            let references = sources.references(of: entry.symbol.name)
            var placed = false
            for reference in references {
                guard let position = reference.position else { continue }
                placed = true
                let origin = reference.crate.flatMap { sources.crates[$0] }
                if let origin, !origin.isPatchable {
                    if case .hostImport = entry.fate {
                        if !(foreign[origin.summary] ?? []).contains(entry.symbol.name) { foreign[origin.summary, default: []].append(entry.symbol.name) }
                    } else if !notes.contains(where: { $0.hasPrefix(entry.symbol.displayName + " ") }) {
                        notes.append("\(entry.symbol.displayName) (crate \(origin.summary), not patched): \(entry.fixText)")
                    }
                    continue
                }
                let folder = origin?.directory ?? position.directory ?? ""
                if !folder.isEmpty, !folders.contains(folder) { folders.append(folder) }
                if !folder.isEmpty, !roots.contains(folder) { roots.append(folder) }
            }
            if !placed { unplaced.append(entry.symbol.name) }
        }
        if !unplaced.isEmpty {
            notes.append("no source lines for \(unplaced.joined(separator: ", ")): build with debug info for source lines")
        }
        var declared: Set<String> = []
        for folder in folders {
            for path in files.files(under: folder, suffix: ".rs") {
                guard let text = text(path) else { continue }
                for block in RustExternScanner.blocks(in: text.bytes) where !block.excludedFromWasm {
                    let relevant = block.items.filter { !$0.excludedFromWasm && fates[$0.symbol] != nil }
                    guard !relevant.isEmpty else { continue }
                    for item in relevant { declared.insert(item.symbol) }
                    planBlock(block, in: text, fates: fates)
                }
            }
        }
        for entry in plan.entries where !declared.contains(entry.symbol.name) && !unplaced.contains(entry.symbol.name) {
            if case .hostImport = entry.fate, !foreign.values.contains(where: { $0.contains(entry.symbol.name) }) {
                notes.append("\(entry.symbol.displayName): no extern block of the crate's sources declares it; add #[link(wasm_import_module = \"env\")] to the block that does")
            }
        }
        for (crate, names) in foreign.sorted(by: { $0.key < $1.key }) {
            notes.append("\(names.joined(separator: ", ")): declared in crate \(crate), whose sources are not patched. The narrowest flag: list just these names in a file and pass it in .cargo/config.toml:")
            notes.append("  [target.wasm32-unknown-unknown]")
            notes.append("  rustflags = [\"-C\", \"link-arg=--allow-undefined-file=wasm-undef-allow.txt\"]")
            notes.append("  (wasm-undef-allow.txt, one name a line: \(names.joined(separator: " ")))")
        }
    }

    mutating func planBlock(_ block: RustExternBlock, in text: SourceText, fates: [String: FixPlan.Entry]) {
        let path = text.path
        var hostItems: [RustExternItem] = []
        var module = "env"
        var splitNeeded = false
        for item in block.items where !item.excludedFromWasm {
            guard let entry = fates[item.symbol] else {
                if item.kind == .staticItem { splitNeeded = true }
                continue
            }
            switch entry.fate {
            case .hostImport(let importModule):
                if item.kind == .function {
                    hostItems.append(item)
                    module = importModule
                } else {
                    splitNeeded = true
                }
            default:
                splitNeeded = true
                comment(item, entry, in: text)
            }
        }
        guard !hostItems.isEmpty else { return }
        if let existing = block.wasmImportModule {
            notes.append("\(hostItems.map(\.symbol).joined(separator: ", ")): the block in \(path) already imports from \"\(existing)\"")
            return
        }
        let attribute = "#[link(wasm_import_module = \(Self.quoted(module)))]"
        let firstLine = text.lineIndex(ofOffset: block.range.lowerBound)
        let indent = text.indentation(ofLine: firstLine)
        if !splitNeeded {
            guard text.startsLine(block.range.lowerBound) else {
                notes.append("\(hostItems.map(\.symbol).joined(separator: ", ")): add \(attribute) to the extern block at \(path):\(firstLine + 1)")
                return
            }
            edit(path, LineEdit(line: firstLine, insert: [indent + attribute]))
            return
        }
        // Split: the host functions move to a block of their own, after this one.
        let closeLine = text.lineIndex(ofOffset: block.range.upperBound - 1)
        let clean = hostItems.allSatisfy { text.startsLine($0.range.lowerBound) && text.endsLine(after: $0.range.upperBound) }
            && text.startsLine(block.range.upperBound - 1) && text.startsLine(block.keywordStart)
        guard clean else {
            notes.append("\(hostItems.map(\.symbol).joined(separator: ", ")): move to an extern block of their own with \(attribute) (the block at \(path):\(firstLine + 1) also declares what must not be imported)")
            return
        }
        var moved: [String] = []
        let headerLine = text.lineIndex(ofOffset: block.headerRange.upperBound - 1)
        for item in hostItems {
            var first = text.lineIndex(ofOffset: item.range.lowerBound)
            let last = text.lineIndex(ofOffset: item.range.upperBound - 1)
            // Its doc comment and comments go with it.
            let previousEnd = block.items.filter { $0.range.upperBound <= item.range.lowerBound }
                .map { text.lineIndex(ofOffset: $0.range.upperBound - 1) }.max() ?? headerLine
            while first - 1 > max(previousEnd, headerLine),
                  Self.chomp(text.line(first - 1)).drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("//") {
                first -= 1
            }
            for line in first...last { moved.append(Self.chomp(text.line(line))) }
            edit(path, LineEdit(line: first, deleteCount: last - first + 1, insert: []))
        }
        var block2 = [indent + attribute]
        for attribute in block.attributes where attribute.name != "link" {
            block2.append(indent + String(decoding: text.bytes[attribute.range], as: UTF8.self))
        }
        block2.append(indent + String(decoding: text.bytes[block.headerRange], as: UTF8.self))
        block2 += moved
        block2.append(indent + "}")
        edit(path, LineEdit(line: closeLine + 1, insert: block2))
    }

    /// The comment (and, when asked, the `link_name`) above an item that is not a host import.
    mutating func comment(_ item: RustExternItem, _ entry: FixPlan.Entry, in text: SourceText) {
        let line = text.lineIndex(ofOffset: item.range.lowerBound)
        guard text.startsLine(item.range.lowerBound) else { return }
        let indent = text.indentation(ofLine: line)
        var lines = [indent + "// wasm-undef: \(TerminalSafe.escape(item.symbol)): " + TerminalSafe.escape(entry.fixText)]
        if options.renameNearMisses, case .nearMiss(let candidate, _) = entry.fate, item.kind == .function {
            let linkName = indent + "#[link_name = \(Self.quoted(candidate))]"
            if let range = item.linkNameRange {
                // Its own `#[link_name]` names the typo: replace that line.
                let attributeLine = text.lineIndex(ofOffset: range.lowerBound)
                guard text.startsLine(range.lowerBound), text.endsLine(after: range.upperBound) else {
                    notes.append("\(item.symbol): change its #[link_name] to \"\(candidate)\" in \(text.path):\(attributeLine + 1)")
                    edit(text.path, LineEdit(line: line, insert: lines))
                    return
                }
                edit(text.path, LineEdit(line: line, insert: lines))
                edit(text.path, LineEdit(line: attributeLine, deleteCount: 1, insert: [text.indentation(ofLine: attributeLine) + "#[link_name = \(Self.quoted(candidate))]"]))
                return
            }
            lines.append(linkName)
        }
        edit(text.path, LineEdit(line: line, insert: lines))
    }

    // MARK: C

    mutating func planC() {
        let fates = fateOf
        var scanned: Set<String> = []
        var declared: Set<String> = []
        for entry in plan.entries {
            // The files DWARF says declare it first, then the referencing files and their headers.
            let declarationFiles = (sources.declarations[entry.symbol.name] ?? []).compactMap(\.declFile).map(Self.normalized)
            for reference in sources.references(of: entry.symbol.name) {
                guard let position = reference.position else { continue }
                if let directory = position.directory, !roots.contains(directory) { roots.append(directory) }
                for path in declarationFiles + includeClosure(position.path) where scanned.insert(path).inserted {
                    guard let text = text(path) else { continue }
                    for declaration in CDeclarationScanner.declarations(in: text.bytes) {
                        guard let entry = fates[declaration.name], !declaration.hasImportAttribute else { continue }
                        declared.insert(declaration.name)
                        let line = text.lineIndex(ofOffset: declaration.statementStart)
                        guard text.startsLine(declaration.statementStart) else {
                            notes.append("\(declaration.name): add the import attribute to its declaration at \(path):\(line + 1)")
                            continue
                        }
                        let indent = text.indentation(ofLine: line)
                        switch entry.fate {
                        case .hostImport(let module):
                            edit(path, LineEdit(line: line, insert: [
                                indent + "__attribute__((import_module(\(Self.quoted(module))), import_name(\(Self.quoted(declaration.name)))))"]))
                        default:
                            edit(path, LineEdit(line: line, insert: [indent + "/* wasm-undef: \(declaration.name): \(TerminalSafe.escape(entry.fixText).replacingStars()) */"]))
                        }
                    }
                }
            }
        }
        let missing = plan.hostImports.map(\.name).filter { !declared.contains($0) }
        if !missing.isEmpty {
            notes.append("\(missing.joined(separator: ", ")): no prototype found in the referencing files or the headers they include")
        }
    }

    /// A file and the headers it includes with `#include "…"`, two levels deep.
    mutating func includeClosure(_ path: String) -> [String] {
        var result = [path]
        var frontier = [path]
        for _ in 0..<2 {
            var next: [String] = []
            for file in frontier {
                guard let text = text(file) else { continue }
                let folder = String(file[..<(file.lastIndex(of: "/") ?? file.startIndex)])
                for line in String(decoding: text.bytes, as: UTF8.self).split(separator: "\n") {
                    let trimmed = line.drop { $0 == " " || $0 == "\t" }
                    guard trimmed.hasPrefix("#"), trimmed.contains("include"),
                          let open = trimmed.firstIndex(of: "\""), let close = trimmed[trimmed.index(after: open)...].firstIndex(of: "\"") else { continue }
                    let name = String(trimmed[trimmed.index(after: open)..<close])
                    let header = Self.normalized(name.hasPrefix("/") ? name : (folder.isEmpty ? name : folder + "/" + name))
                    if !result.contains(header) { result.append(header); next.append(header) }
                }
            }
            frontier = next
        }
        return result
    }

    // MARK: assembling

    func finish() -> SourcePatch {
        let paths = edits.keys.sorted()
        // The folder holding the crates (or compilation directories), if it holds every file.
        var root = Self.commonFolder(roots.map { $0 + "/" })
        if let folder = root, !paths.allSatisfy({ $0.hasPrefix(folder + "/") }) { root = nil }
        if root == nil { root = Self.commonFolder(paths) }
        var patches: [FilePatch] = []
        for path in paths {
            guard var text = texts[path] else { continue }
            text.path = root.map { String(path.dropFirst($0.count + 1)) } ?? path
            let sorted = (edits[path] ?? []).sorted { ($0.line, $0.deleteCount) < ($1.line, $1.deleteCount) }
            patches.append(FilePatch(source: text, edits: sorted))
        }
        return SourcePatch(root: root, files: patches, notes: notes)
    }

    /// The deepest folder holding every path.
    static func commonFolder(_ paths: [String]) -> String? {
        guard let first = paths.first else { return nil }
        var components = first.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        for path in paths.dropFirst() {
            let other = path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
            var common = 0
            while common < min(components.count, other.count), components[components.startIndex + common] == other[other.startIndex + common] { common += 1 }
            components = components.prefix(common)
        }
        let folder = components.joined(separator: "/")
        return folder.isEmpty ? nil : folder
    }

    static func normalized(_ path: String) -> String { SourcePatcherPaths.normalized(path) }
}

/// Path spelling shared by the patcher and its tests.
public enum SourcePatcherPaths {
    /// `/a/./b/../c` → `/a/c` (DWARF keeps the `./` of `#include "./x.h"`).
    public static func normalized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: false) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != "..", !last.isEmpty { parts.removeLast(); continue }
            parts.append(part)
        }
        return parts.joined(separator: "/")
    }
}

extension PatchPlanner {
    static func chomp(_ line: String) -> String {
        var line = line
        while line.hasSuffix("\n") || line.hasSuffix("\r") { line.removeLast() }
        return line
    }

    /// A Rust or C string literal for a symbol or module name (both escape `\\` and `"`
    /// alike; control characters are replaced).
    static func quoted(_ text: String) -> String {
        var out = "\""
        for character in TerminalSafe.escape(text) {
            if character == "\\" || character == "\"" { out.append("\\") }
            out.append(character)
        }
        return out + "\""
    }
}

extension String {

    /// `*/` cannot end a C comment early.
    func replacingStars() -> String { String(map { $0 == "*" ? "×" : $0 }) }
}
