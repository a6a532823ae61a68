import LinkModel

/// The allow list `space` edits and `w` writes: the names of the `--allow-undefined-file`
/// the link was opened with (if any), plus and minus the names toggled since.
public struct AllowListState: Sendable, Hashable {
    /// The allow file as read (its names nil when it could not be read).
    public var file: AllowList?
    /// Names toggled on that the file does not hold.
    public private(set) var added: Set<String> = []
    /// Names of the file toggled off.
    public private(set) var removed: Set<String> = []

    public init(file: AllowList? = nil) {
        self.file = file
    }

    /// The names the list holds now.
    public var names: Set<String> {
        (file?.names ?? []).subtracting(removed).union(added)
    }

    /// Toggles made since the list was opened or written.
    public var isModified: Bool { !added.isEmpty || !removed.isEmpty }

    /// Puts `name` in the list, or takes it out.
    public mutating func toggle(_ name: String) {
        if names.contains(name) {
            if added.contains(name) { added.remove(name) } else { removed.insert(name) }
        } else {
            if removed.contains(name) { removed.remove(name) } else { added.insert(name) }
        }
    }

    /// `policy` with the list applied: the file's names less those toggled off, and the
    /// names toggled on as `extraAllowed`.
    public func applied(to policy: UndefinedPolicy) -> UndefinedPolicy {
        var result = policy
        if var file {
            if let names = file.names { file.names = names.subtracting(removed) }
            result.allowFile = file
        } else {
            result.allowFile = nil
        }
        result.extraAllowed = added
        return result
    }

    /// The file `w` writes: one name a line, sorted (the `--allow-undefined-file` format).
    public var fileText: String {
        names.sorted().map { $0 + "\n" }.joined()
    }

    /// The list was written to `path`: it is now that file, unmodified.
    public mutating func saved(to path: String) {
        file = AllowList(path: path, names: names)
        added = []
        removed = []
    }
}
