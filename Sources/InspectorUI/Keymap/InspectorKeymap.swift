import TerminalUI

/// The one table of keys: lookup, the `?` overlay and the hint line come from it.
public enum InspectorKeymap {
    static let panes: Set<KeyContext> = Set(PaneID.allCases.map { KeyContext.pane($0) })
    static let overlays: Set<KeyContext> = [.detail, .help]

    /// The help overlay's lines.
    public static let helpLines: [DetailLine] = table.helpLines().map { DetailLine(.text, $0) }

    public static let table = Keymap<Command, KeyContext>([
        // General
        .init([.character("?"), .function(1)], .help, label: "help", help: "Show or hide this help", group: "General"),
        .init([.character("q")], .quit, label: "quit", help: "Quit (the terminal is restored)", group: "General"),
        .init([.tab], .focusNext, label: "pane", help: "Next pane", scope: .only(panes), group: "Panes"),
        .init([.backTab], .focusPrevious, label: "previous pane", help: "Previous pane", scope: .only(panes), group: "Panes",
              inHints: false),
        .init([.character("1")], .focus(.sections), label: "panes", help: "Sections pane", scope: .only(panes),
              group: "Panes", hintKeys: "1-5", inHints: false),
        .init([.character("2")], .focus(.defined), label: "defined", help: "Defined symbols pane", scope: .only(panes),
              group: "Panes", inHints: false),
        .init([.character("3")], .focus(.undefined), label: "undefined", help: "Undefined symbols pane",
              scope: .only(panes), group: "Panes", inHints: false),
        .init([.character("4")], .focus(.imports), label: "imports", help: "Imports pane (what the link would import)",
              scope: .only(panes), group: "Panes", inHints: false),
        .init([.character("5")], .focus(.findings), label: "findings", help: "Findings pane (errors, warnings, near misses)",
              scope: .only(panes), group: "Panes", inHints: false),

        // Moving
        .init([.character("j"), .down], .moveDown, label: "move", help: "Down one row (in an overlay: scroll)",
              group: "Moving", hintKeys: "j/k"),
        .init([.character("k"), .up], .moveUp, label: "up", help: "Up one row (in an overlay: scroll)", group: "Moving",
              inHints: false),
        .init([.pageDown, .control("f")], .pageDown, label: "page", help: "Down one page", group: "Moving",
              hintKeys: "PgUp/PgDn", inHints: false),
        .init([.pageUp, .control("b")], .pageUp, label: "page up", help: "Up one page", group: "Moving", inHints: false),
        .init([.character("g"), .home], .first, label: "first", help: "First row", group: "Moving", inHints: false),
        .init([.character("G"), .end], .last, label: "last", help: "Last row", group: "Moving", inHints: false),
        .init([.enter], .openDetail, label: "detail", help: "Detail of the selected row: every field, references, raw bytes",
              scope: .only(panes), group: "Moving"),
        .init([.escape, .enter], .closeOverlay, label: "close", help: "Close the detail view or the help",
              scope: .only(overlays), group: "Moving"),

        // Finding
        .init([.character("/")], .filter, label: "filter", help: "Filter the focused pane (typed live; Enter keeps it, Esc restores)",
              scope: .only(panes), group: "Finding"),
        .init([.character("n")], .nextMatch, label: "next", help: "Next shown row, wrapping (the detail view follows)",
              scope: .only(panes.union([.detail])), group: "Finding", hintKeys: "n/N"),
        .init([.character("N")], .previousMatch, label: "previous", help: "Previous shown row, wrapping",
              scope: .only(panes.union([.detail])), group: "Finding", inHints: false),
        .init([.escape], .clearFilter, label: "clear filter", help: "Clear the focused pane's filter", scope: .only(panes),
              group: "Finding", inHints: false),
        .init([.character("s")], .sort, label: "sort", help: "Sort by name (press again to reverse)", scope: .only(panes),
              group: "Finding"),
        .init([.character("S")], .sortColumn, label: "sort column", help: "Sort by the next column (back to link order after the last)",
              scope: .only(panes), group: "Finding", inHints: false),

        // The link
        .init([.character("p")], .cyclePolicy, label: "policy",
              help: "Policy: error (default) → import (--import-undefined) → allow (--allow-undefined)", group: "Link"),
        .init([.space], .toggleAllow, label: "allow",
              help: "Put the selected undefined symbol in the allow list (--allow-undefined-file), or take it out",
              scope: .only([.pane(.undefined), .detail]), group: "Link"),
        .init([.character("w")], .writeAllowList, label: "allow list", help: "Write the allow list (one name a line)",
              scope: .everywhereExcept([.help]), group: "Link"),
        .init([.character("e")], .exportReport, label: "export", help: "Export the text report (as `wasm-undef report` prints it)",
              scope: .everywhereExcept([.help]), group: "Link"),
        .init([.character("f")], .exportFixIt, label: "fix-it",
              help: "Write a fix-it for the undefined symbols: a Rust extern block, C declarations or an allow file",
              scope: .everywhereExcept([.help]), group: "Link"),
        .init([.character("d")], .toggleDemangle, label: "demangle", help: "Demangled names on or off", group: "Link"),
        .init([.character("r")], .reload, label: "reload", help: "Read the inputs again", scope: .everywhereExcept([.help]),
              group: "Link"),
    ])
}
