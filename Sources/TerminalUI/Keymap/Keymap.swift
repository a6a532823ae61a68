import TerminalText

/// Where a binding works: everywhere, only in some contexts (panes, overlays, prompts), or
/// everywhere but some (a modal overlay that swallows the global keys).
public enum BindingScope<Context: Hashable & Sendable>: Hashable, Sendable {
    case everywhere
    case only(Set<Context>)
    case everywhereExcept(Set<Context>)

    /// Whether the binding works in `context`.
    public func includes(_ context: Context) -> Bool {
        switch self {
        case .everywhere: true
        case .only(let contexts): contexts.contains(context)
        case .everywhereExcept(let contexts): !contexts.contains(context)
        }
    }

    /// Bindings scoped to particular contexts win over general ones.
    var isSpecific: Bool {
        if case .only = self { return true }
        return false
    }
}

/// The one table of key bindings: key → command lookup, the `?` help overlay and the hint
/// line of the keys that work in the focused pane are all generated from it, so they cannot
/// disagree (lazygit's keybinding docs work the same way).
///
/// Generic over the app's command type and its contexts (the panes, the help overlay, the
/// filter prompt…).
public struct Keymap<Command: Hashable & Sendable, Context: Hashable & Sendable>: Sendable {
    /// One row of the table.
    public struct Binding: Hashable, Sendable {
        /// The keys that run the command; the first is the one the hint line shows.
        public var keys: [Key]
        /// What the keys do.
        public var command: Command
        /// A word or two for the hint line: `filter`, `policy`.
        public var label: String
        /// A sentence for the help overlay.
        public var help: String
        /// Where the binding works.
        public var scope: BindingScope<Context>
        /// The help overlay's section heading.
        public var group: String
        /// How the hint line shows the keys (`j/k`), when not the first key's label; nil with
        /// `inHints` false keeps the binding out of the hint line.
        public var hintKeys: String?
        /// Whether the hint line shows this binding.
        public var inHints: Bool

        public init(
            _ keys: [Key], _ command: Command, label: String, help: String,
            scope: BindingScope<Context> = .everywhere, group: String = "General",
            hintKeys: String? = nil, inHints: Bool = true
        ) {
            self.keys = keys
            self.command = command
            self.label = label
            self.help = help
            self.scope = scope
            self.group = group
            self.hintKeys = hintKeys
            self.inHints = inHints
        }

        /// All keys, as help text lists them: `j, Down`.
        public var keyLabels: String { keys.map(\.label).joined(separator: ", ") }
    }

    /// The bindings, in the order help and hints show them.
    public let bindings: [Binding]

    public init(_ bindings: [Binding]) {
        self.bindings = bindings
    }

    /// The command `key` runs in `context`, or nil. A binding scoped to particular contexts
    /// wins over a general one; among equals, the first in the table.
    public func command(for key: Key, in context: Context) -> Command? {
        var general: Command?
        for binding in bindings where binding.keys.contains(key) && binding.scope.includes(context) {
            if binding.scope.isSpecific { return binding.command }
            if general == nil { general = binding.command }
        }
        return general
    }

    /// The bindings that work in `context`, in table order.
    public func bindings(in context: Context) -> [Binding] {
        bindings.filter { $0.scope.includes(context) }
    }

    /// Two bindings that claim the same key in a context where neither wins (same
    /// specificity); a keymap test should expect none.
    public struct Conflict: Hashable, Sendable {
        public var key: Key
        public var context: Context
        public var commands: [Command]
    }

    /// The conflicts in `contexts` (every context the app has).
    public func conflicts(in contexts: [Context]) -> [Conflict] {
        var result: [Conflict] = []
        for context in contexts {
            var seen: [Key: [Binding]] = [:]
            var order: [Key] = []
            for binding in bindings(in: context) {
                for key in Set(binding.keys) {
                    if seen[key] == nil { order.append(key) }
                    seen[key, default: []].append(binding)
                }
            }
            for key in order {
                guard let claimants = seen[key] else { continue }
                for specific in [true, false] {
                    let same = claimants.filter { $0.scope.isSpecific == specific }
                    if same.count > 1 {
                        result.append(Conflict(key: key, context: context, commands: same.map(\.command)))
                    }
                }
            }
        }
        return result
    }
}
