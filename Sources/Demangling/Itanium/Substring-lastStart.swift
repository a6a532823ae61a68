extension Substring {
    /// The start of the last occurrence of `needle`, comparing characters.
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
