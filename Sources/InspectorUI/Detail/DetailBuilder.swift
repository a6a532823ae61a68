import Findings
import LinkModel
import Reporting
import SourceLocations
import WasmDecoding

/// The detail view of a row: every field of the record behind it, who references it, and the
/// raw bytes of its entry with offsets.
enum DetailBuilder {
    static func detail(for row: TableRow, in pane: PaneID, state: AppState) -> DetailView {
        var builder = Lines(demangle: state.demangle)
        let title: String
        switch row.reference {
        case .section(let listing, let index):
            title = "Section"
            section(listing: listing, row: index, state: state, into: &builder)
        case .definedSymbol(let index):
            title = "Defined symbol"
            definedSymbol(index, state: state, into: &builder)
        case .moduleSymbol(let index):
            title = "Module symbol"
            moduleSymbol(index, state: state, into: &builder)
        case .undefinedSymbol(let name):
            title = "Undefined symbol"
            undefinedSymbol(name, state: state, into: &builder)
        case .moduleImport(let index):
            title = "Import"
            moduleImport(index, state: state, into: &builder)
        case .predictedImport(let index):
            title = "Predicted import"
            predictedImport(index, state: state, into: &builder)
        case .diagnostic(let index):
            title = "wasm-ld diagnostic"
            diagnostic(index, state: state, into: &builder)
        case .finding(let index):
            title = "Finding"
            finding(index, state: state, into: &builder)
        case .text(let text):
            title = pane.title
            builder.text(text)
        }
        if builder.lines.isEmpty { builder.text("(no longer available: the inputs were reloaded)", tone: .dim) }
        return DetailView(pane: pane, key: row.key, title: title, lines: builder.lines)
    }

    /// Collects lines.
    struct Lines {
        var demangle: Bool
        var lines: [DetailLine] = []

        mutating func heading(_ text: String) {
            if !lines.isEmpty { lines.append(DetailLine(.text, "")) }
            lines.append(DetailLine(.heading, text))
        }

        mutating func field(_ label: String, _ value: String?, tone: Tone = .plain) {
            guard let value, !value.isEmpty else { return }
            lines.append(DetailLine(.field, value, label: label, tone: tone))
        }

        mutating func text(_ text: String, tone: Tone = .plain) {
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                lines.append(DetailLine(.text, String(line), tone: tone))
            }
        }

        mutating func dim(_ text: String) {
            lines.append(DetailLine(.dim, text, tone: .dim))
        }

        mutating func bytes(_ caption: String, _ window: ByteWindow?) {
            guard let window else { return }
            lines.append(DetailLine(.dim, caption + " (\(Format.plural(window.count, "byte")) at \(Format.hex(window.absoluteStart)))", tone: .dim))
            for line in HexDump.lines(window) { lines.append(DetailLine(.bytes, line)) }
        }

        /// The name and, when it differs, its other spelling.
        mutating func name(_ name: String, displayName: String? = nil) {
            let demangled = displayName ?? Rows.demangled(name)
            if let demangled, demangled != name {
                field("name", demangle ? demangled : name)
                field(demangle ? "mangled" : "demangled", demangle ? name : demangled)
            } else {
                field("name", name)
            }
        }
    }

    // MARK: sections

    static func section(listing: Int, row: Int, state: AppState, into out: inout Lines) {
        guard listing < state.data.sectionListings.count else { return }
        let entry = state.data.sectionListings[listing]
        guard row < entry.listing.sections.count else { return }
        let section = entry.listing.sections[row]
        let input = state.data.inputs[safe: entry.input]
        out.field("input", input?.path ?? entry.listing.path)
        out.field("member", entry.listing.member)
        out.field("kind", "\(entry.listing.kind)")
        out.field("index", String(section.index))
        out.field("id", "\(section.id)" + (section.id == 0 ? " (custom)" : ""))
        out.field("name", section.name)
        out.field("offset", "\(Format.hex(section.offset)) (the id byte)")
        guard let file = input?.file else { return }
        // The header as encoded: id, size LEB (objects pad it to 5 bytes), and a custom name.
        var reader = file.window.slice(absolute: section.offset..<file.window.absoluteEnd).reader()
        var headerEnd = section.offset + 1
        var payloadStart = headerEnd
        if (try? reader.readByte()) != nil, (try? reader.readVarUInt32()) != nil {
            payloadStart = reader.offset
            headerEnd = payloadStart
            if section.id == 0, (try? reader.readName()) != nil { headerEnd = reader.offset }
        }
        out.field("payload", "\(Format.hex(payloadStart))..<\(Format.hex(payloadStart + section.size))")
        out.field("size", "\(Format.count(section.size)) bytes (\(Format.size(section.size)))")
        out.field("items", section.count.map(Format.count))
        if let statistics = state.data.statistics {
            out.field("last load", statistics.counts)
        }
        out.heading("Raw bytes")
        out.bytes("section header (id, size" + (section.id == 0 ? ", name" : "") + ")",
                  file.window.slice(absolute: section.offset..<headerEnd))
        let content = file.window.slice(absolute: headerEnd..<(payloadStart + section.size))
        out.bytes("start of the content", content.slice(relative: 0..<min(content.count, 128)))
    }

    // MARK: symbols

    static func definedSymbol(_ index: Int, state: AppState, into out: inout Lines) {
        guard let symbol = state.data.definedSymbols[safe: index] else { return }
        out.name(symbol.name)
        out.field("kind", symbol.kind.rawValue)
        out.field("type", symbol.type)
        out.field("binding", symbol.binding)
        out.field("visibility", symbol.visibility)
        out.field("flags", symbol.flags.joined(separator: " "))
        out.field("defined in", symbol.definedIn)
        out.field("size", symbol.size.map { "\(Format.count(Int($0))) bytes" })
        out.field("exported", symbol.exported ? "yes" : "no")
        out.field("live", symbol.live ? "yes (kept by GC)" : "no (removed by --gc-sections)", tone: symbol.live ? .plain : .dim)
        if let link = state.data.link {
            references(link.references(to: symbol.name), into: &out)
            declarations(link.declarations(of: symbol.name), into: &out)
        }
    }

    static func moduleSymbol(_ index: Int, state: AppState, into out: inout Lines) {
        guard let item = state.data.moduleSymbols[safe: index] else { return }
        let symbol = item.symbol
        out.name(symbol.name)
        out.field("kind", symbol.kind.description)
        out.field("type", symbol.type)
        out.field("binding", symbol.binding.description)
        out.field("flags", symbol.flags.joined(separator: " "))
        out.field("input", symbol.input)
        out.heading("Raw bytes")
        if symbol.entryRange.isEmpty {
            out.dim("named by the name section (its entry is not kept)")
        } else if let file = state.data.inputs[safe: item.input]?.file {
            out.bytes("export entry", file.window.slice(absolute: symbol.entryRange))
        }
    }

    static func undefinedSymbol(_ name: String, state: AppState, into out: inout Lines) {
        guard let prediction = state.prediction,
              let symbol = (prediction.undefined + prediction.unreferencedUndefined).first(where: { $0.name == name })
        else { return }
        out.name(symbol.name, displayName: symbol.displayName)
        out.field("kind", (symbol.weak ? "weak " : "") + symbol.kind.rawValue)
        out.field("type", symbol.type)
        out.field("import module", symbol.importModule)
        out.field("import name", symbol.explicitImportName.map { "\($0) (explicit: always imported)" })
        out.field("stub library", symbol.claimedByStubLibrary ? "claimed by a #STUB library" : nil)
        out.field("first mentioned in", symbol.firstReferencedIn)
        out.field("allow list", symbol.inAllowList ? "named (space takes it out)" : "not named (space puts it in)")

        out.heading("Under the policy \(state.effectivePolicy.label)")
        let (tone, _) = Rows.look(symbol.outcome)
        let outcomeText = Report.outcomeText(symbol)
        out.field("outcome", outcomeText.hasPrefix(symbol.outcome.rawValue) ? outcomeText : "\(symbol.outcome.rawValue): \(outcomeText)", tone: tone)
        out.field("resolution", symbol.resolution?.rawValue)
        out.field("import", symbol.predictedImport.map { "\($0.module).\($0.name) (\($0.kind.rawValue) \($0.type))" }, tone: .good)
        out.field("GOT import", symbol.gotImport.map { "\($0.module).\($0.name)" })
        for line in symbol.diagnostics {
            out.text("wasm-ld: \(line.severity.rawValue): \(line.text)", tone: line.severity == .error ? .error : .warning)
        }
        if let link = state.data.link {
            out.heading("Under each policy")
            for policyName in PolicyName.allCases {
                var policy = state.effectivePolicy
                let named = UndefinedPolicy(policyName)
                policy.mode = named.mode
                policy.importUndefined = named.importUndefined
                let other = link.predict(policy: policy)
                if let entry = (other.undefined + other.unreferencedUndefined).first(where: { $0.name == symbol.name }) {
                    let (tone, _) = Rows.look(entry.outcome)
                    out.field(policyName.rawValue, Report.outcomeText(entry), tone: tone)
                }
            }
        }
        let findings = state.findings.findings(for: symbol.name)
        if !findings.isEmpty {
            out.heading("Findings")
            for finding in findings {
                out.text("\(finding.severity.rawValue): \(finding.message)", tone: finding.severity == .error ? .error : finding.severity == .warning ? .warning : .note)
                if let fix = finding.fix { out.text("  fix: \(fix)") }
            }
        }
        if let suggestions = state.findings.suggestions[symbol.name], !suggestions.isEmpty {
            out.heading("Suggestions")
            for suggestion in suggestions {
                out.text("\(suggestion.kind.rawValue): \(suggestion.name) in \(suggestion.definedIn)" + (suggestion.linkFlag.map { " (add \($0))" } ?? ""))
            }
        }
        if let sources = state.data.sources, sources.hasPositions {
            sourceLines(sources.references(of: symbol.name), sources: sources, into: &out)
        }
        if let link = state.data.link {
            references(link.references(to: symbol.name), into: &out)
            declarations(link.declarations(of: symbol.name), into: &out)
        }
    }

    /// Where each live reference is in the source: `src/lib.rs:20:17 in hostapp::run`, the
    /// input and code offset, and the crate.
    static func sourceLines(_ references: [SourceReference], sources: SourceReferences, into out: inout Lines) {
        out.heading("Source lines (\(references.count))")
        if references.isEmpty { out.dim("no reference from live code") }
        for reference in references {
            var text = Report.referenceLine(reference)
            if reference.locationText != nil { text += "  (\(reference.input)" + (reference.codeOffset.map { ", code offset 0x\(String($0, radix: 16))" } ?? "") + ")" }
            out.text(text, tone: reference.position == nil ? .dim : .plain)
        }
        if let crate = references.lazy.compactMap(\.crate).first, let origin = sources.crates[crate] {
            out.field("crate", origin.summary)
        }
        if references.contains(where: { $0.position == nil && $0.codeOffset != nil }) {
            out.dim("build with debug info for source lines")
        }
    }

    /// Every relocation against the symbol: input, member, function, section, type, live.
    static func references(_ references: [Reference], into out: inout Lines) {
        out.heading("Referenced by (\(references.count))")
        if references.isEmpty { out.dim("no relocation in the loaded objects") }
        for reference in references {
            var text = reference.input
            if let function = reference.function { text += "  in \(function)" }
            text += "  (\(reference.section), \(reference.relocation))"
            out.text(text + (reference.live ? "" : "  dead: removed by --gc-sections"), tone: reference.live ? .plain : .dim)
        }
    }

    /// The symbol-table entries (and import entries) that declare the symbol, as raw bytes.
    static func declarations(_ declarations: [SymbolDeclaration], into out: inout Lines) {
        out.heading("Symbol-table entries (\(declarations.count))")
        for declaration in declarations {
            let symbol = declaration.symbol
            out.text("\(declaration.input): symbol #\(symbol.index), \(symbol.isDefined ? "defined" : "undefined") \(symbol.kind), flags \(symbol.flags) \(symbol.flags.names.joined(separator: " "))")
            out.bytes("  symbol-table entry", declaration.entryBytes)
            if let entry = declaration.importEntry {
                out.bytes("  import entry \(entry.module).\(entry.name)", declaration.importBytes)
            }
        }
    }

    // MARK: imports

    static func moduleImport(_ index: Int, state: AppState, into out: inout Lines) {
        guard let item = state.data.moduleImports[safe: index] else { return }
        let entry = item.entry
        out.field("module", entry.module)
        out.name(entry.name)
        out.field("kind", "\(entry.descriptor.kind)")
        out.field("type", item.type)
        out.field("input", state.data.inputs[safe: item.input]?.path)
        if item.isEnvironmentFunction {
            out.heading("A function imported from env")
            out.text("This is what --allow-undefined (and --import-undefined) make of a plain extern declaration that no input defines. An explicit import (import_name, Rust #[link(wasm_import_module)]) can look the same; only the objects can tell. Linked again without --allow-undefined, a plain extern is an error: open the objects, or capture the link, to know.", tone: .warning)
        }
        out.heading("Raw bytes")
        if let file = state.data.inputs[safe: item.input]?.file {
            out.bytes("import entry", file.window.slice(absolute: entry.range))
        }
    }

    static func predictedImport(_ index: Int, state: AppState, into out: inout Lines) {
        guard let entry = state.prediction?.imports[safe: index] else { return }
        out.field("module", entry.module)
        out.field("name", entry.name)
        out.field("kind", entry.kind.rawValue)
        out.field("type", entry.type + (entry.layoutDependent ? " (limits decided at layout)" : ""))
        out.field("symbol", entry.symbol)
        if let name = entry.symbol, let link = state.data.link {
            references(link.references(to: name).filter(\.live), into: &out)
            declarations(link.declarations(of: name).filter { $0.symbol.isUndefined }, into: &out)
        }
    }

    // MARK: findings

    static func diagnostic(_ index: Int, state: AppState, into out: inout Lines) {
        guard let prediction = state.prediction, let line = prediction.diagnostics[safe: index] else { return }
        out.field("severity", line.severity.rawValue, tone: line.severity == .error ? .error : .warning)
        out.heading("As wasm-ld prints it")
        out.text("\(prediction.options.programName): \(line.severity.rawValue): \(line.text)")
    }

    static func finding(_ index: Int, state: AppState, into out: inout Lines) {
        guard let finding = state.findings.findings[safe: index] else { return }
        out.field("severity", finding.severity.rawValue)
        out.field("category", finding.category.rawValue)
        out.name(finding.symbol)
        out.heading("Message")
        out.text(finding.message)
        if let fix = finding.fix {
            out.heading("Fix")
            out.text(fix)
        }
        if let suggestions = state.findings.suggestions[finding.symbol], !suggestions.isEmpty {
            out.heading("Suggestions")
            for suggestion in suggestions {
                out.text("\(suggestion.kind.rawValue): \(suggestion.name) in \(suggestion.definedIn)" + (suggestion.linkFlag.map { " (add \($0))" } ?? ""))
            }
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? {
        index >= 0 && index < count ? self[index] : nil
    }
}
