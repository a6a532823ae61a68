/// The policies people name: what `report --policy` accepts and what the TUI cycles through.
public enum PolicyName: String, Sendable, Hashable, CaseIterable, Codable {
    /// wasm-ld's default: every undefined symbol without an explicit import name is an error.
    case error
    /// `--import-undefined`: undefined functions (not data) become imports.
    case `import`
    /// `--allow-undefined`: functions, globals, tables and tags become imports, data becomes 0.
    case allow

    /// The flags wasm-ld gets for this policy.
    public var flags: [String] {
        switch self {
        case .error: []
        case .import: ["--import-undefined"]
        case .allow: ["--allow-undefined"]
        }
    }
}

/// The part of the link options that the policy flags control: the four values of §2 minus
/// `isPic`. Resolution and liveness do not depend on it, so a prediction can be recomputed for
/// another policy without re-reading the inputs (`ResolvedLink.predict(policy:)`).
public struct UndefinedPolicy: Sendable, Hashable {
    /// What happens to an undefined symbol nothing exempts.
    public var mode: UnresolvedMode
    /// Undefined functions are exempt and imported; globals/tables/tags importable.
    public var importUndefined: Bool
    /// `--allow-undefined-file` (the last one), if any.
    public var allowFile: AllowList?
    /// Extra names treated as if they were in the allow file (the TUI's per-symbol toggles).
    public var extraAllowed: Set<String>

    public init(mode: UnresolvedMode = .error, importUndefined: Bool = false, allowFile: AllowList? = nil, extraAllowed: Set<String> = []) {
        self.mode = mode
        self.importUndefined = importUndefined
        self.allowFile = allowFile
        self.extraAllowed = extraAllowed
    }

    /// The policy a name stands for, with an optional allow file.
    public init(_ name: PolicyName, allowFile: AllowList? = nil) {
        switch name {
        case .error: self.init(mode: .error, importUndefined: false, allowFile: allowFile)
        case .import: self.init(mode: .error, importUndefined: true, allowFile: allowFile)
        case .allow: self.init(mode: .ignore, importUndefined: true, allowFile: allowFile)
        }
    }

    /// The named policy this is, if it is one (ignoring the allow file).
    public var name: PolicyName? {
        switch (mode, importUndefined) {
        case (.error, false): .error
        case (.error, true): .import
        case (.ignore, true): .allow
        default: nil
        }
    }

    /// A short stable label: `error`, `import`, `allow`, or the flags' gist (`warn`,
    /// `ignore-all`, `import-dynamic`, `warn+import`…), `+allow-file` when a file is given.
    public var label: String {
        var text: String
        if let name {
            text = name.rawValue
        } else {
            switch mode {
            case .error: text = "error"
            case .warn: text = "warn"
            case .ignore: text = "ignore-all"
            case .importDynamic: text = "import-dynamic"
            }
            if importUndefined { text += "+import" }
        }
        if allowFile != nil { text += "+allow-file" }
        return text
    }

    /// The wasm-ld flags that express this policy (allow file included, extra names not).
    public var flags: [String] {
        var flags: [String] = []
        if mode == .ignore && importUndefined {
            flags.append("--allow-undefined")
        } else {
            switch mode {
            case .error: break
            case .warn: flags.append("--warn-unresolved-symbols")
            case .ignore: flags.append("--unresolved-symbols=ignore-all")
            case .importDynamic: flags.append("--unresolved-symbols=import-dynamic")
            }
            if importUndefined { flags.append("--import-undefined") }
        }
        if let allowFile { flags.append("--allow-undefined-file=\(allowFile.path)") }
        return flags
    }
}

/// The names of an `--allow-undefined-file` (or of an archive's `.imports` side file).
public struct AllowList: Sendable, Hashable {
    /// The file as named on the command line.
    public var path: String
    /// The names; nil when the file cannot be opened (wasm-ld then fails with `cannot open`).
    public var names: Set<String>?
    /// Why the file could not be read (`No such file or directory`).
    public var failure: String?

    public init(path: String, names: Set<String>?, failure: String? = nil) {
        self.path = path
        self.names = names
        self.failure = failure
    }

    /// Parses the file format: one name a line, trimmed; empty lines and `#` lines skipped;
    /// `a b` on one line is the single name "a b" (lld's `args::getLines`).
    public static func names(in text: String) -> Set<String> {
        var names: Set<String> = []
        for line in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let trimmed = line.trimmingWhitespace()
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            names.insert(trimmed)
        }
        return names
    }

    /// Reads `path`; a file that cannot be opened gives a list with `names == nil`.
    public static func load(path: String) -> AllowList {
        switch TextFile.read(path) {
        case .success(let text): AllowList(path: path, names: names(in: text))
        case .failure(let error): AllowList(path: path, names: nil, failure: error.reason)
        }
    }
}

extension LinkOptions {
    /// The options of `wasm-undef report FILES…` without a link line: wasm-ld's defaults, the
    /// policy's flags, and `_start` as entry only if some input defines it.
    public init(files: [String], policy: PolicyName = .error, allowFile: String? = nil) {
        self.init()
        inputs = files.map { LinkInput(path: $0) }
        entryIsOptional = true
        outputPath = "a.out.wasm"
        apply(UndefinedPolicy(policy, allowFile: allowFile.map { AllowList(path: $0, names: nil) }))
    }

    /// The undefined-symbol policy these options give (allow file not yet read).
    public var policy: UndefinedPolicy {
        UndefinedPolicy(
            mode: unresolvedSymbols, importUndefined: importUndefined,
            allowFile: allowUndefinedFile.map { AllowList(path: $0, names: nil) })
    }

    /// Replaces the policy flags with `policy`'s.
    public mutating func apply(_ policy: UndefinedPolicy) {
        unresolvedSymbols = policy.mode
        importUndefined = policy.importUndefined
        allowUndefined = policy.mode == .ignore && policy.importUndefined
        allowUndefinedFile = policy.allowFile?.path
    }
}

extension Substring {
    func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" || $0 == "\u{0B}" || $0 == "\u{0C}" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
