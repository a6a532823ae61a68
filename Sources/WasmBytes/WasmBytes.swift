/// Encoders for building wasm binaries and archives byte by byte, the one LEB128 encoder of
/// the project, shared by the tests and the fuzz checks: the hostile inputs no compiler
/// writes (sizes past the end, overlong LEBs, bad indices), inputs too large to commit (a
/// million imports, 100,000 archive members), and the fixed objects the fuzzers link against.
public enum WasmBytes {
    /// `\0asm`, version 1.
    public static let preamble: [UInt8] = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]

    /// Unsigned LEB128, shortest form.
    public static func uleb(_ value: UInt64) -> [UInt8] {
        var value = value
        var bytes: [UInt8] = []
        repeat {
            let low = UInt8(value & 0x7f)
            value >>= 7
            bytes.append(value == 0 ? low : low | 0x80)
        } while value != 0
        return bytes
    }

    public static func uleb(_ value: Int) -> [UInt8] { uleb(UInt64(value)) }

    /// Signed LEB128, shortest form.
    public static func sleb(_ value: Int64) -> [UInt8] {
        var value = value
        var bytes: [UInt8] = []
        while true {
            let low = UInt8(value & 0x7f)
            value >>= 7
            let done = (value == 0 && low & 0x40 == 0) || (value == -1 && low & 0x40 != 0)
            bytes.append(done ? low : low | 0x80)
            if done { return bytes }
        }
    }

    /// A `vec(byte)` name.
    public static func name(_ text: String) -> [UInt8] { name(bytes: Array(text.utf8)) }

    /// A `vec(byte)` name from raw bytes (which need not be UTF-8).
    public static func name(bytes: [UInt8]) -> [UInt8] { uleb(bytes.count) + bytes }

    /// A `vec(T)` of already encoded items.
    public static func vector(_ items: [[UInt8]]) -> [UInt8] { uleb(items.count) + items.joined() }

    /// A `linking` subsection or `name` subsection: id, size, payload.
    public static func subsection(_ id: UInt8, _ payload: [UInt8]) -> [UInt8] { [id] + uleb(payload.count) + payload }

    /// The function type `() -> ()`.
    public static let voidFunctionType: [UInt8] = [0x60, 0x00, 0x00]

    /// A function import of type 0.
    public static func functionImport(module: String, name field: String) -> [UInt8] {
        name(module) + name(field) + [0x00, 0x00]
    }

    /// Symbol-table entries (tool-conventions `Linking.md`).
    public enum Symbol {
        public static let undefined: UInt32 = 0x10
        public static let explicitName: UInt32 = 0x40

        /// A function, global, tag or table symbol (`kind` 0, 2, 4, 5); `name` is written for
        /// defined symbols and those with `explicitName`.
        public static func element(kind: UInt8, flags: UInt32, index: UInt32, name symbolName: String?) -> [UInt8] {
            [kind] + uleb(UInt64(flags)) + uleb(UInt64(index)) + (symbolName.map(WasmBytes.name) ?? [])
        }

        /// A defined data symbol in `segment`.
        public static func data(name symbolName: String, segment: UInt32, offset: UInt64 = 0, size: UInt64 = 4) -> [UInt8] {
            [0x01, 0x00] + WasmBytes.name(symbolName) + uleb(UInt64(segment)) + uleb(offset) + uleb(size)
        }
    }

    /// The content of a version-2 `linking` section holding only a symbol table, and where
    /// each entry starts relative to the content's first byte.
    public static func linkingContent(symbols entries: [[UInt8]]) -> (content: [UInt8], entryOffsets: [Int]) {
        let table = vector(entries)
        let prefix: [UInt8] = [0x02, 0x08] + uleb(table.count)
        var offsets: [Int] = []
        var position = prefix.count + uleb(entries.count).count
        for entry in entries {
            offsets.append(position)
            position += entry.count
        }
        return (prefix + table, offsets)
    }
}

/// A module built section by section, remembering where each section's content starts so
/// that tests can name the offset an error must carry.
public struct ModuleBuilder {
    public private(set) var bytes: [UInt8]
    /// Sections appended so far (the index a `reloc.*` section names its target by).
    public private(set) var sectionCount = 0

    public init(preamble: [UInt8] = WasmBytes.preamble) {
        bytes = preamble
    }

    /// Appends a section with id `id`; returns the absolute offset of its first content byte.
    @discardableResult
    public mutating func section(_ id: UInt8, _ content: [UInt8]) -> Int {
        bytes.append(id)
        bytes += WasmBytes.uleb(content.count)
        let start = bytes.count
        bytes += content
        sectionCount += 1
        return start
    }

    /// Appends a custom section; returns the absolute offset of its content (after the name).
    @discardableResult
    public mutating func custom(_ name: String, _ content: [UInt8]) -> Int {
        let encodedName = WasmBytes.name(name)
        return section(0, encodedName + content) + encodedName.count
    }

    /// The absolute offset the next section will start at.
    public var nextSectionOffset: Int { bytes.count }
}

/// An `ar` archive built member by member, with GNU names.
public struct ArchiveBuilder {
    public private(set) var bytes: [UInt8] = Array("!<arch>\n".utf8)

    public init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// Appends a member named `name` (at most 15 bytes) holding `data`, whose header declares
    /// `declaredSize` (the real size unless given); returns the header's offset.
    @discardableResult
    public mutating func member(_ name: String, _ data: [UInt8], declaredSize: Int? = nil) -> Int {
        member(rawName: name + "/", data, declaredSize: declaredSize)
    }

    /// Appends the `//` member holding `names`; returns the offset of each name in it, which
    /// a member refers to with the raw name `/OFFSET`.
    @discardableResult
    public mutating func longNames(_ names: [String]) -> [Int] {
        var table: [UInt8] = []
        var offsets: [Int] = []
        for name in names {
            offsets.append(table.count)
            table += Array(name.utf8) + [0x2f, 0x0a]
        }
        member(rawName: "//", table)
        return offsets
    }

    /// Appends a member whose header name field holds `rawName` as it is.
    @discardableResult
    public mutating func member(rawName: String, _ data: [UInt8], declaredSize: Int? = nil) -> Int {
        let offset = bytes.count
        func field(_ text: String, _ width: Int) {
            let utf8 = Array(text.utf8.prefix(width))
            bytes += utf8
            bytes += repeatElement(0x20, count: width - utf8.count)
        }
        field(rawName, 16)
        field("0", 12)
        field("0", 6)
        field("0", 6)
        field("644", 8)
        field(String(declaredSize ?? data.count), 10)
        bytes += [0x60, 0x0a]
        bytes += data
        if data.count % 2 == 1 { bytes.append(0x0a) }
        return offset
    }
}
