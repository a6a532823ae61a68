/// A source file as lines, each with its own terminator (`\n`, `\r\n`, or none for a last
/// line without one), so an edit can keep the file's line endings and a diff can show it.
public struct SourceText: Sendable, Hashable {
    /// The path the patch names it by (relative to the patch's root).
    public var path: String
    /// The bytes, for scanners.
    public let bytes: [UInt8]
    /// Byte offset where each line starts.
    public let lineStarts: [Int]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        var starts = [0]
        for (index, byte) in bytes.enumerated() where byte == 0x0a && index + 1 < bytes.count { starts.append(index + 1) }
        if bytes.isEmpty { starts = [] }
        lineStarts = starts
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    public var lineCount: Int { lineStarts.count }

    /// Line `index` (0-based) with its terminator.
    public func line(_ index: Int) -> String {
        let start = lineStarts[index]
        let end = index + 1 < lineStarts.count ? lineStarts[index + 1] : bytes.count
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The 0-based line holding byte `offset`.
    public func lineIndex(ofOffset offset: Int) -> Int {
        var low = 0, high = lineStarts.count
        while low < high {
            let middle = (low + high) / 2
            if lineStarts[middle] <= offset { low = middle + 1 } else { high = middle }
        }
        return max(low - 1, 0)
    }

    /// The file's line terminator: `\r\n` when its first line ends so, else `\n`.
    public var newline: String {
        guard let end = bytes.firstIndex(of: 0x0a) else { return "\n" }
        return end > 0 && bytes[end - 1] == 0x0d ? "\r\n" : "\n"
    }

    /// The blanks that start line `index`.
    public func indentation(ofLine index: Int) -> String {
        String(line(index).prefix { $0 == " " || $0 == "\t" })
    }

    /// Whether only blanks precede `offset` on its line.
    func startsLine(_ offset: Int) -> Bool {
        let start = lineStarts[lineIndex(ofOffset: offset)]
        return bytes[start..<offset].allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    /// Whether only blanks and a `//` comment follow `offset` (exclusive end) on its line.
    func endsLine(after offset: Int) -> Bool {
        var index = offset
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        if index >= bytes.count || bytes[index] == 0x0a || bytes[index] == 0x0d { return true }
        return index + 1 < bytes.count && bytes[index] == 0x2f && bytes[index + 1] == 0x2f
    }
}

/// One change to a file: replace `deleteCount` lines from `line` (0-based) with `insert`
/// (lines without terminators; the file's own is added).
public struct LineEdit: Sendable, Hashable {
    public var line: Int
    public var deleteCount: Int
    public var insert: [String]

    public init(line: Int, deleteCount: Int = 0, insert: [String]) {
        self.line = line
        self.deleteCount = deleteCount
        self.insert = insert
    }
}

/// The edits to one file.
public struct FilePatch: Sendable, Hashable {
    public var source: SourceText
    public var edits: [LineEdit]
}

/// A patch against a crate's (or a C program's) sources, and what it could not patch.
public struct SourcePatch: Sendable, Hashable {
    /// The folder the paths are relative to: apply there with `git apply` or `patch -p1`.
    public var root: String?
    public var files: [FilePatch]
    /// Lines for the reader: symbols not patched and why, flags for registry crates.
    public var notes: [String]
}
