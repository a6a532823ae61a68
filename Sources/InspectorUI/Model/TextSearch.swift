/// The filter's matching: case-insensitive (ASCII letters fold; other characters match as
/// they are) substring search over UTF-8 bytes, fast enough for 89,000 rows per key press.
public enum TextSearch {
    /// `text` as the filter compares it.
    public static func folded(_ text: String) -> [UInt8] {
        var bytes = Array(text.utf8)
        for index in bytes.indices where bytes[index] >= 0x41 && bytes[index] <= 0x5A {
            bytes[index] += 0x20
        }
        return bytes
    }

    /// Whether `needle` (folded) occurs in `haystack` (folded). An empty needle matches.
    public static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        haystack.withUnsafeBufferPointer { hay in
            needle.withUnsafeBufferPointer { pin in contains(hay, from: 0, to: hay.count, pin) }
        }
    }

    /// Whether `needle` occurs in `haystack[start..<end]`.
    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int,
                         _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = needle.first else { return true }
        guard end - start >= needle.count else { return false }
        let last = end - needle.count
        var position = start
        while position <= last {
            if haystack[position] == first {
                var offset = 1
                while offset < needle.count, haystack[position + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            position += 1
        }
        return false
    }

    /// Where `needle` (any case) first occurs in `text`, as a range of characters, for
    /// highlighting a match; nil when it does not (or the needle is empty).
    public static func firstMatch(of needle: String, in text: String) -> Range<Int>? {
        let pin = folded(needle)
        guard !pin.isEmpty else { return nil }
        let characters = Array(text)
        let foldedCharacters = characters.map { folded(String($0)) }
        for start in characters.indices {
            var bytes: [UInt8] = []
            var end = start
            while end < characters.count, bytes.count < pin.count {
                bytes += foldedCharacters[end]
                end += 1
            }
            if bytes == pin { return start..<end }
        }
        return nil
    }
}
