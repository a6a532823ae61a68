import ArgumentParser

/// The `wasm-undef` command: subcommands for each listing, and the TUI by default.
@main
struct WasmUndef: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wasm-undef",
        abstract: "See what wasm-ld will do with every symbol of a WebAssembly link.",
        discussion: """
            Open objects (.o), archives (.a, .rlib) and modules (.wasm) to see their sections, \
            defined and undefined symbols, and the imports and errors each undefined symbol \
            would produce under wasm-ld's policies.

            Exit status: 0 the link would succeed (or the listing worked), 1 it would fail, \
            2 usage error or unreadable/malformed input.
            """,
        subcommands: [
            TUICommand.self, SectionsCommand.self, SymbolsCommand.self, ReportCommand.self, ImportsCommand.self,
            DemoCommand.self, OpenCommand.self, CapturesCommand.self,
        ],
        defaultSubcommand: TUICommand.self
    )

    static func main() {
        CommandLineRunner.run(Self.self)
    }
}
