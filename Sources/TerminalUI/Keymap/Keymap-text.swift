import TerminalText

extension Keymap {
    /// One item of the hint line: `/ filter`.
    public struct Hint: Hashable, Sendable {
        public var keys: String
        public var label: String
        /// `keys label`.
        public var text: String { keys + " " + label }
    }

    /// The hint line's items for `context`: the bindings that work there and want a hint,
    /// in table order, one per command.
    public func hints(in context: Context) -> [Hint] {
        var seen = Set<Command>()
        var result: [Hint] = []
        for binding in bindings(in: context) where binding.inHints {
            // Skip a binding whose key another binding takes over here.
            guard let first = binding.keys.first, command(for: first, in: context) == binding.command,
                  seen.insert(binding.command).inserted
            else { continue }
            result.append(Hint(keys: binding.hintKeys ?? first.label, label: binding.label))
        }
        return result
    }

    /// The hint line for `context`, at most `width` columns: as many items as fit, in
    /// table order, separated by `separator`.
    public func hintLine(in context: Context, width: Int, separator: String = "  ") -> String {
        var line = ""
        for hint in hints(in: context) {
            let candidate = line.isEmpty ? hint.text : line + separator + hint.text
            if TerminalText.displayWidth(candidate) > width { break }
            line = candidate
        }
        return line
    }

    /// A row of the help overlay: `j, Down` and what they do.
    public struct HelpRow: Hashable, Sendable {
        public var keys: String
        public var help: String
    }

    /// A section of the help overlay.
    public struct HelpSection: Hashable, Sendable {
        public var title: String
        public var rows: [HelpRow]
    }

    /// The help overlay's content: the bindings grouped by ``Binding/group`` in order of
    /// first appearance; only those that work in `context` when one is given.
    public func helpSections(in context: Context? = nil) -> [HelpSection] {
        var sections: [HelpSection] = []
        for binding in bindings where context.map(binding.scope.includes) ?? true {
            let row = HelpRow(keys: binding.keyLabels, help: binding.help)
            if let index = sections.firstIndex(where: { $0.title == binding.group }) {
                sections[index].rows.append(row)
            } else {
                sections.append(HelpSection(title: binding.group, rows: [row]))
            }
        }
        return sections
    }

    /// The help overlay as lines: each section's title, then `  keys   help` rows with the
    /// help column aligned across sections, a blank line between sections.
    public func helpLines(in context: Context? = nil) -> [String] {
        let sections = helpSections(in: context)
        let keyWidth = sections.flatMap(\.rows).map { TerminalText.displayWidth($0.keys) }.max() ?? 0
        var lines: [String] = []
        for section in sections {
            if !lines.isEmpty { lines.append("") }
            lines.append(section.title)
            for row in section.rows {
                let padding = String(repeating: " ", count: keyWidth - TerminalText.displayWidth(row.keys))
                lines.append("  " + row.keys + padding + "  " + row.help)
            }
        }
        return lines
    }

    /// The table as Markdown, for the keybinding docs: one table per group with the keys,
    /// what they do, and where (`contextName` names a context; "everywhere" otherwise).
    public func markdown(contextName: (Context) -> String) -> String {
        var text = ""
        for section in Set(bindings.map(\.group)).sorted(by: { groupOrder($0) < groupOrder($1) }) {
            if !text.isEmpty { text += "\n" }
            text += "## \(section)\n\n| Keys | Action | Where |\n|---|---|---|\n"
            for binding in bindings where binding.group == section {
                let keys = binding.keys.map { "`" + $0.label + "`" }.joined(separator: ", ")
                let scope: String
                switch binding.scope {
                case .everywhere: scope = "everywhere"
                case .only(let contexts): scope = contexts.map(contextName).sorted().joined(separator: ", ")
                case .everywhereExcept(let contexts):
                    scope = "everywhere but " + contexts.map(contextName).sorted().joined(separator: ", ")
                }
                text += "| \(keys) | \(binding.help) | \(scope) |\n"
            }
        }
        return text
    }

    private func groupOrder(_ group: String) -> Int {
        bindings.firstIndex { $0.group == group } ?? Int.max
    }
}
