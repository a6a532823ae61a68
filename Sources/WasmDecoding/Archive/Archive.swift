/// A Unix `ar` archive (`.a`, Rust `.rlib`): GNU and BSD member naming, the GNU `/` and
/// `/SYM64/` symbol indexes and the BSD `__.SYMDEF` index.
///
/// Opening an archive reads only the 60-byte member headers (and the index and long-name
/// table); member contents stay untouched windows until a member is decoded.
/// Spec: <https://man.freebsd.org/cgi/man.cgi?query=ar&sektion=5> (GNU and BSD variants, as LLVM's `object::Archive` reads them)
public struct Archive: Sendable {
    /// Which symbol index the archive carries.
    public enum IndexKind: Sendable, Hashable, CustomStringConvertible {
        case none, gnu32, gnu64, bsd

        public var description: String {
            switch self {
            case .none: "none"
            case .gnu32: "/"
            case .gnu64: "/SYM64/"
            case .bsd: "__.SYMDEF"
            }
        }
    }

    /// An entry of the symbol index: a defined name and the header offset of its member.
    public struct IndexEntry: Sendable, Hashable {
        public var name: String
        public var memberHeaderOffset: Int
    }

    /// The 8-byte signature.
    public static let signature: [UInt8] = Array("!<arch>\n".utf8)
    /// The signature of a thin archive (members are paths to other files).
    public static let thinSignature: [UInt8] = Array("!<thin>\n".utf8)

    /// The members other than the index and the long-name table, in order.
    public let members: [ArchiveMember]
    public let indexKind: IndexKind
    /// The symbol index (empty if there is none).
    public let index: [IndexEntry]
    public let window: ByteWindow

    /// Whether `window` starts with an archive signature.
    public static func hasSignature(_ window: ByteWindow) -> Bool {
        guard window.count >= 8 else { return false }
        let head = window.slice(relative: 0..<8).bytes
        return head == signature || head == thinSignature
    }

    public init(_ window: ByteWindow) throws(DecodeError) {
        self.window = window
        var reader = window.reader()
        let start = reader.offset
        let head = try reader.readWindow(8, "an archive signature").bytes
        if head == Self.thinSignature {
            throw .unsupported(at: start, "a regular archive (thin archives, whose members live in other files, are not read)")
        }
        guard head == Self.signature else { throw .badMagic(at: start) }

        var members: [ArchiveMember] = []
        var longNames: ByteWindow? = nil
        var indexKind = IndexKind.none
        var rawIndex: (kind: IndexKind, data: ByteWindow)? = nil
        while !reader.isAtEnd {
            // Members start at even offsets; a lone padding byte may end the file.
            if (reader.offset - start) % 2 == 1 {
                _ = try reader.readByte("member padding")
                if reader.isAtEnd { break }
            }
            let header = try ArchiveMemberHeader.read(from: &reader)
            var data = try reader.readWindow(header.size, "member data")
            var name = header.rawName
            if name == "/" || name == "/SYM64/" {
                if rawIndex == nil { rawIndex = (name == "/" ? .gnu32 : .gnu64, data) }
                continue
            }
            if name == "//" {
                longNames = data
                continue
            }
            if name.hasPrefix("#1/") {
                // BSD: the name's length is in the header and its bytes start the data.
                guard let length = Int(name.dropFirst(3)), length >= 0, length <= data.count else {
                    throw .malformed(at: header.offset, "a BSD long name length within the member (\(name))")
                }
                name = try Self.bsdName(data.slice(relative: 0..<length), at: header.offset)
                data = data.slice(relative: length..<data.count)
                if name == "__.SYMDEF" || name == "__.SYMDEF SORTED" {
                    if rawIndex == nil { rawIndex = (.bsd, data) }
                    continue
                }
            } else if name == "__.SYMDEF" || name == "__.SYMDEF SORTED" {
                if rawIndex == nil { rawIndex = (.bsd, data) }
                continue
            } else if name.hasPrefix("/"), let offset = Int(name.dropFirst()) {
                name = try Self.gnuLongName(longNames, offset: offset, at: header.offset)
            } else if name.hasSuffix("/") {
                name.removeLast()
            }
            members.append(ArchiveMember(name: name, headerOffset: header.offset, data: data))
        }
        self.members = members
        if let rawIndex {
            indexKind = rawIndex.kind
            index = try Self.readIndex(rawIndex.kind, rawIndex.data)
        } else {
            index = []
        }
        self.indexKind = indexKind
    }

    private static func bsdName(_ window: ByteWindow, at offset: Int) throws(DecodeError) -> String {
        var bytes = window.bytes
        while bytes.last == 0 { bytes.removeLast() }
        guard let name = String(validating: bytes, as: UTF8.self) else { throw .invalidUTF8(at: offset) }
        return name
    }

    private static func gnuLongName(_ table: ByteWindow?, offset: Int, at headerOffset: Int) throws(DecodeError) -> String {
        guard let table, offset >= 0, offset < table.count else {
            throw .malformed(at: headerOffset, "a long-name offset inside the // table (found /\(offset))")
        }
        // Copy only the name: copying the rest of the table for every member made archives
        // of many long names quadratic.
        let rest = table.slice(relative: offset..<table.count)
        let length = rest.withUnsafeBytes { $0.firstIndex(of: 0x0a) ?? $0.count }
        var bytes = rest.slice(relative: 0..<length).bytes
        if bytes.last == 0x2f { bytes.removeLast() }     // the name ends in "/\n"
        guard let name = String(validating: bytes, as: UTF8.self) else { throw .invalidUTF8(at: table.absoluteStart + offset) }
        return name
    }

    private static func readIndex(_ kind: IndexKind, _ data: ByteWindow) throws(DecodeError) -> [IndexEntry] {
        var reader = data.reader()
        switch kind {
        case .none:
            return []
        case .gnu32, .gnu64:
            let width = kind == .gnu64 ? 8 : 4
            let countOffset = reader.offset
            let count = try readBigEndian(&reader, width: width)
            try reader.checkCount(count, minimumItemSize: width + 1, at: countOffset, "archive index entries")
            var offsets: [Int] = []
            offsets.reserveCapacity(reservation(count))
            for _ in 0..<count { offsets.append(Int(clamping: try readBigEndian(&reader, width: width))) }
            var entries: [IndexEntry] = []
            entries.reserveCapacity(reservation(offsets.count))
            for offset in offsets {
                entries.append(IndexEntry(name: try reader.readCString("a NUL-terminated symbol name"), memberHeaderOffset: offset + data.storage.origin))
            }
            return entries
        case .bsd:
            let sizeOffset = reader.offset
            let rangesSize = Int(try reader.readUInt32LE("the size of the ranlib table"))
            guard rangesSize % 8 == 0, rangesSize <= reader.remaining else {
                throw .malformed(at: sizeOffset, "a ranlib table size that is a multiple of 8 and fits (found \(rangesSize))")
            }
            var pairs: [(Int, Int)] = []
            for _ in 0..<(rangesSize / 8) {
                let nameOffset = Int(try reader.readUInt32LE())
                pairs.append((nameOffset, Int(try reader.readUInt32LE())))
            }
            let stringsSize = Int(try reader.readUInt32LE("the size of the ranlib strings"))
            let strings = try reader.readWindow(stringsSize, "ranlib strings")
            return try pairs.map { (pair) throws(DecodeError) -> IndexEntry in
                guard pair.0 < strings.count else { throw .malformed(at: strings.absoluteStart, "a ranlib name offset inside the strings") }
                var nameReader = strings.slice(relative: pair.0..<strings.count).reader()
                return IndexEntry(name: try nameReader.readCString("a NUL-terminated symbol name"), memberHeaderOffset: pair.1 + data.storage.origin)
            }
        }
    }

    private static func readBigEndian(_ reader: inout BinaryReader, width: Int) throws(DecodeError) -> UInt64 {
        var value: UInt64 = 0
        for _ in 0..<width { value = value << 8 | UInt64(try reader.readByte("an index integer")) }
        return value
    }

}

/// The fixed 60-byte header in front of each member.
struct ArchiveMemberHeader {
    var rawName: String
    var size: Int
    /// Absolute offset of the header.
    var offset: Int

    static func read(from reader: inout BinaryReader) throws(DecodeError) -> ArchiveMemberHeader {
        let offset = reader.offset
        let header = try reader.readWindow(60, "a 60-byte archive member header")
        return try header.withUnsafeBytes { (bytes) throws(DecodeError) -> ArchiveMemberHeader in
            guard bytes[58] == 0x60, bytes[59] == 0x0a else {
                throw .malformed(at: offset + 58, "the member header terminator \"`\\n\"")
            }
            var nameEnd = 16
            while nameEnd > 0, bytes[nameEnd - 1] == 0x20 { nameEnd -= 1 }
            guard let name = String(validating: bytes[0..<nameEnd], as: UTF8.self) else { throw .invalidUTF8(at: offset) }
            var size = 0
            var digits = 0
            for index in 48..<58 {
                let byte = bytes[index]
                if byte == 0x20 { break }
                guard byte >= 0x30, byte <= 0x39, digits < 18 else {
                    throw .malformed(at: offset + 48, "a decimal member size (found \"\(String(decoding: bytes[48..<58], as: UTF8.self))\")")
                }
                size = size * 10 + Int(byte - 0x30)
                digits += 1
            }
            guard digits > 0 else { throw .malformed(at: offset + 48, "a decimal member size (found an empty field)") }
            guard size <= reader.remaining else {
                throw .malformed(at: offset + 48, "a member size that fits in the \(reader.remaining) bytes left (declared \(size))")
            }
            return ArchiveMemberHeader(rawName: name, size: size, offset: offset)
        }
    }
}
