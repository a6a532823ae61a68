/// libstdc++'s ` [clone .cold] [clone .1]` at the end of a demangled function.
struct CloneSuffix {
    /// The text before the first ` [clone `.
    let base: Substring
    /// The suffixes as they were mangled, concatenated: `.cold.1`.
    let suffix: String

    init?(splitting text: String) {
        var base = Substring(text)
        var parts: [Substring] = []
        let marker = " [clone "
        while base.hasSuffix("]"), let open = base.lastStart(of: marker) {
            let contents = base[base.index(open, offsetBy: marker.count)..<base.index(before: base.endIndex)]
            guard contents.first == "." else { break }
            parts.append(contents)
            base = base[..<open]
        }
        guard !parts.isEmpty else { return nil }
        self.base = base
        self.suffix = parts.reversed().joined()
    }
}

private extension Substring {
    /// The start of the last occurrence of `needle`.
    func lastStart(of needle: String) -> Index? {
        guard !needle.isEmpty else { return nil }
        var index = endIndex
        while index > startIndex {
            formIndex(before: &index)
            if self[index...].hasPrefix(needle) { return index }
        }
        return nil
    }
}
