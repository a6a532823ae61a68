import ArgumentParser
import TextFormatting
import WasmDecoding

/// `wasm-undef sections FILE...`: the section index of each input and archive member.
struct SectionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sections",
        abstract: "List the sections of modules, objects and archive members.",
        discussion: "For each section: index, id, name, offset of the section header, payload size and item count."
    )

    @Argument(help: "Wasm modules, objects or archives.")
    var files: [String]

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Flag(help: "Tab-separated values instead of aligned columns (text format).")
    var tsv = false

    func run() throws {
        var listings: [SectionListing] = []
        for path in files {
            let file = try InputFile(path: path)
            listings += try file.decode { (window) throws(DecodeError) in try SectionListing.listings(of: file) }
        }
        var out = StandardOutput()
        switch format {
        case .json: out.write(Self.json(listings))
        case .text: out.write(Self.text(listings, tsv: tsv))
        }
        out.flush()
    }

    static func text(_ listings: [SectionListing], tsv: Bool) -> String {
        var output = ""
        for (position, listing) in listings.enumerated() {
            let title = listing.member.map { "\(listing.path)(\($0))" } ?? listing.path
            if position > 0 && !tsv { output += "\n" }
            if tsv {
                var table = TextTable(["input", "member", "kind", "index", "id", "name", "offset", "size", "count"].map { .init($0) })
                for section in listing.sections {
                    table.append([listing.path, listing.member ?? "", listing.kind.description, String(section.index), String(section.id),
                                  section.name, hex(section.offset), String(section.size), section.count.map(String.init) ?? ""])
                }
                if listing.sections.isEmpty {
                    table.append([listing.path, listing.member ?? "", listing.kind.description])
                }
                output += table.renderTSV(header: position == 0)
                continue
            }
            output += TerminalSafe.escape(title) + ": " + listing.kind.description + (listing.note.map { " (\($0))" } ?? "") + "\n"
            guard !listing.sections.isEmpty else { continue }
            var table = TextTable([.init("index", .right), .init("id", .right), .init("name"), .init("offset", .right),
                                   .init("size", .right), .init("count", .right)])
            for section in listing.sections {
                table.append([String(section.index), String(section.id), section.name, hex(section.offset),
                              String(section.size), section.count.map(String.init) ?? "-"])
            }
            output += table.render(indent: "  ")
        }
        return output
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
