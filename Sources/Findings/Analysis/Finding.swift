/// One thing worth telling the user about a link: why a symbol is undefined, what it will
/// silently become, and what to change. Modelled on swift-format's `Finding`: a category, a
/// message, where it applies, and a fix.
public struct Finding: Sendable, Hashable {
    public enum Severity: String, Sendable, Hashable, Comparable {
        case error, warning, note

        public static func < (a: Severity, b: Severity) -> Bool { a.order < b.order }
        private var order: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
    }

    public enum Category: String, Sendable, Hashable {
        /// A defined name close to the undefined one (a typo).
        case nearMiss = "near-miss"
        /// A library on a search path defines it, but is not on the link line.
        case notLinked = "not-linked"
        /// Undefined data the policy tolerates: it becomes address 0.
        case dataAddressZero = "data-address-zero"
        /// A global, table or tag the policy tolerates: wasm-ld writes an invalid module.
        case invalidModule = "invalid-module"
        /// A function called with two different signatures.
        case signatureConflict = "signature-conflict"
        /// `import_module` without `import_name`: not an explicit import.
        case moduleWithoutName = "module-without-name"
    }

    public var severity: Severity
    public var category: Category
    /// The undefined symbol it is about (mangled, as in the objects).
    public var symbol: String
    /// One line: what is wrong.
    public var message: String
    /// One line: what to change, when there is a change to suggest.
    public var fix: String?

    public init(severity: Severity, category: Category, symbol: String, message: String, fix: String? = nil) {
        self.severity = severity
        self.category = category
        self.symbol = symbol
        self.message = message
        self.fix = fix
    }
}

/// A candidate answer for one undefined symbol, as the report's JSON `suggestions` list it.
public struct Suggestion: Sendable, Hashable {
    /// `near-miss` or `not-linked`.
    public var kind: Finding.Category
    /// The defined name (for a near miss) or the symbol itself (not linked).
    public var name: String
    /// Where it is defined: `mylib.o`, `libc.a(printf.o)`.
    public var definedIn: String
    /// What to add to the link line, for `not-linked`: `-lcompress` or a path.
    public var linkFlag: String?

    public init(kind: Finding.Category, name: String, definedIn: String, linkFlag: String? = nil) {
        self.kind = kind
        self.name = name
        self.definedIn = definedIn
        self.linkFlag = linkFlag
    }
}
