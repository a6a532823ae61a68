import ArgumentParser
import LinkModel
import Workspace
import TextFormatting
import WasmDecoding

/// `wasm-undef sections FILE...`: the section index of each input and archive member.
struct SectionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sections",
        abstract: "List the sections of modules, objects and archive members.",
        discussion: "For each section: index, id, name, offset of the section header, payload size and item count."
    )

    @Argument(help: "Wasm modules, objects or archives; - reads one from standard input.")
    var files: [String]

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Flag(help: "Tab-separated values instead of aligned columns (text format).")
    var tsv = false

    @Flag(help: "Keep watching the files and list them again after each change (Ctrl-C ends).")
    var watch = false

    @Flag(help: "After each load, print on standard error what was decoded and what was reused from the previous load.")
    var stats = false

    func run() throws {
        let source = LoadSource(options: LinkOptions(files: files))
        if watch || stats {
            // A session: each reload decodes only the sections whose bytes changed.
            return try watchLoads(LoadPipeline(source, stages: .sections, reuse: ReuseStore()), watch: watch, stats: stats, show: show)
        }
        show(try LinkArguments.load(LoadPipeline(source, stages: .sections), capture: nil))
    }

    /// Prints the listings of a load.
    func show(_ result: LoadResult) {
        let listings = result.sections.map(\.listing)
        var out = StandardOutput()
        switch format {
        case .json: out.write(Self.json(listings))
        case .text:
            var text = TextBuffer()
            Self.text(listings, tsv: tsv, into: &text) { out.write(&$0) }
            out.write(&text)
        }
        out.flush()
    }

    static let columns: [TextTable.Column] = [
        .init("index", .right), .init("id", .right), .init("name"), .init("offset", .right), .init("size", .right), .init("count", .right),
    ]

    /// Writes the listings as text into `text`, calling `flush` whenever a block is done.
    static func text(_ listings: [SectionListing], tsv: Bool, into text: inout TextBuffer, flush: (inout TextBuffer) -> Void) {
        if tsv { text.append("input\tmember\tkind\tindex\tid\tname\toffset\tsize\tcount\n") }
        for (position, listing) in listings.enumerated() {
            let path = TerminalSafe.escape(listing.path), member = listing.member.map(TerminalSafe.escape)
            if tsv {
                let prefix = "\(path)\t\(member ?? "")\t\(listing.kind)"
                if listing.sections.isEmpty { text.append(prefix + "\n") }
                for section in listing.sections {
                    text.append("\(prefix)\t\(section.index)\t\(section.id)\t\(TerminalSafe.escape(section.name))\t\(hex(section.offset))\t\(section.size)\t\(section.count.map(String.init) ?? "")\n")
                }
            } else {
                if position > 0 { text.append("\n") }
                text.append((member.map { "\(path)(\($0))" } ?? path) + ": \(listing.kind)" + (listing.note.map { " (\($0))" } ?? "") + "\n")
                if !listing.sections.isEmpty {
                    let rows = listing.sections.map { section in
                        [String(section.index), String(section.id), TerminalSafe.escape(section.name), hex(section.offset),
                         String(section.size), section.count.map(String.init) ?? "-"]
                    }
                    var layout = TextTable.Layout(columns)
                    for row in rows { layout.measure(row) }
                    layout.appendHeader(indent: "  ", to: &text)
                    for row in rows { layout.append(row, indent: "  ", to: &text) }
                }
            }
            if text.count >= 1 << 16 { flush(&text) }
        }
    }

    static func json(_ listings: [SectionListing]) -> String {
        var writer = JSONWriter()
        writer.object { root in
            root.field("schema", "wasm-undef.sections/1")
            root.array("inputs") { inputs in
                for listing in listings {
                    inputs.object { input in
                        input.field("path", listing.path)
                        input.field("member", listing.member)
                        input.field("kind", listing.kind.description)
                        input.array("sections") { sections in
                            for section in listing.sections {
                                sections.object { entry in
                                    entry.field("index", section.index)
                                    entry.field("id", Int(section.id))
                                    entry.field("name", section.name)
                                    entry.field("offset", section.offset)
                                    entry.field("size", section.size)
                                    entry.field("count", section.count)
                                }
                            }
                        }
                    }
                }
            }
        }
        return writer.document
    }

    static func hex(_ value: Int) -> String { "0x" + String(value, radix: 16) }
}
