/// One line-number program of `.debug_line`: its header, decoded when the program is made,
/// and its rows, produced by running the program only when asked.
///
/// Versions 2 to 5: the directory and file tables of versions 2–4 (strings ended by an empty
/// one) and the self-describing entry formats of version 5.
/// <https://dwarfstd.org/doc/DWARF5.pdf>, §6.2 "Line Number Information".
public struct LineProgram: Sendable {
    /// One entry of the file table.
    public struct FileEntry: Sendable, Hashable {
        public var name: String
        /// Index into `directories`.
        public var directoryIndex: Int
    }

    public let version: UInt16
    /// Offset of the program's unit in `.debug_line` (what `DW_AT_stmt_list` holds).
    public let unitOffset: Int
    /// The include directories; for version 5 entry 0 is the compilation directory, for
    /// earlier versions it is prepended here as "" (the unit's `DW_AT_comp_dir` stands for it).
    public let directories: [String]
    /// The file table. Version 5 numbers files from 0; earlier versions from 1, so entry 0
    /// here is a placeholder for them (`fileIndexBase` says which).
    public let files: [FileEntry]
    let addressSize: Int
    let minimumInstructionLength: UInt8
    let maximumOperationsPerInstruction: UInt8
    let defaultIsStmt: Bool
    let lineBase: Int8
    let lineRange: UInt8
    let opcodeBase: UInt8
    let standardOpcodeLengths: [UInt8]
    /// The opcodes.
    let program: ByteWindow

    /// Decodes the header of the program at `offset` (relative to the section's start).
    /// - Parameters:
    ///   - addressSize: the unit's address size, for versions before 5 (whose header does
    ///     not carry it); 4 for wasm32.
    ///   - strings: `.debug_str` and `.debug_line_str`, for version 5's string forms.
    public init(section: ByteWindow, offset: Int, addressSize: Int = 4, str: ByteWindow? = nil, lineStr: ByteWindow? = nil) throws(DecodeError) {
        guard offset >= 0, offset < section.count else {
            throw .dwarfOffset(at: section.absoluteStart, value: UInt64(max(offset, 0)), section: ".debug_line", size: section.count)
        }
        var reader = section.slice(relative: offset..<section.count).reader()
        let decoded = try insidePayload { () throws(DecodeError) -> LineProgram in
            try LineProgram.decodeHeader(&reader, unitOffset: offset, addressSize: addressSize, str: str, lineStr: lineStr)
        }
        self = decoded
    }

    private init(version: UInt16, unitOffset: Int, directories: [String], files: [FileEntry], addressSize: Int,
                 minimumInstructionLength: UInt8, maximumOperationsPerInstruction: UInt8, defaultIsStmt: Bool,
                 lineBase: Int8, lineRange: UInt8, opcodeBase: UInt8, standardOpcodeLengths: [UInt8], program: ByteWindow) {
        self.version = version
        self.unitOffset = unitOffset
        self.directories = directories
        self.files = files
        self.addressSize = addressSize
        self.minimumInstructionLength = minimumInstructionLength
        self.maximumOperationsPerInstruction = maximumOperationsPerInstruction
        self.defaultIsStmt = defaultIsStmt
        self.lineBase = lineBase
        self.lineRange = lineRange
        self.opcodeBase = opcodeBase
        self.standardOpcodeLengths = standardOpcodeLengths
        self.program = program
    }

    private static func decodeHeader(_ reader: inout BinaryReader, unitOffset: Int, addressSize unitAddressSize: Int,
                                     str: ByteWindow?, lineStr: ByteWindow?) throws(DecodeError) -> LineProgram {
        let (length, format) = try reader.readUnitLength("a line program unit length")
        let unitEnd = reader.offset + length
        var unit = try reader.readWindow(length, "a line program").reader()
        let versionOffset = unit.offset
        let version = try unit.readUInt16LE("a line program version")
        guard (2...5).contains(version) else { throw .dwarfVersion(at: versionOffset, found: version, "a line program") }
        var addressSize = unitAddressSize
        if version >= 5 {
            let sizeOffset = unit.offset
            addressSize = Int(try unit.readByte("an address size"))
            guard [1, 2, 4, 8].contains(addressSize) else { throw .dwarfAddressSize(at: sizeOffset, found: addressSize) }
            _ = try unit.readByte("a segment selector size")
        }
        let headerLengthOffset = unit.offset
        let headerLength = try unit.readOffset(format, "a line program header length")
        guard headerLength <= UInt64(unit.remaining) else {
            throw .dwarfOffset(at: headerLengthOffset, value: headerLength, section: "the line program unit", size: unit.remaining)
        }
        let programStart = unit.offset + Int(headerLength)
        var header = try unit.readWindow(Int(headerLength), "a line program header").reader()
        let minimumInstructionLength = try header.readByte("a minimum instruction length")
        let maximumOperations = version >= 4 ? try header.readByte("a maximum operations per instruction") : 1
        let defaultIsStmt = try header.readByte("default_is_stmt") != 0
        let lineBase = Int8(bitPattern: try header.readByte("line_base"))
        let lineRangeOffset = header.offset
        let lineRange = try header.readByte("line_range")
        guard lineRange > 0 else { throw .dwarfLineRange(at: lineRangeOffset) }
        let opcodeBase = try header.readByte("opcode_base")
        var standardOpcodeLengths: [UInt8] = [0]
        for _ in 1..<max(Int(opcodeBase), 1) { standardOpcodeLengths.append(try header.readByte("a standard opcode length")) }

        var directories: [String] = []
        var files: [FileEntry] = []
        if version >= 5 {
            let strings = FormStrings(format: format, str: str, lineStr: lineStr)
            directories = try readEntries(&header, strings: strings, "directories").map(\.name)
            files = try readEntries(&header, strings: strings, "file names")
        } else {
            directories = [""]
            while true {
                let directory = try header.readDwarfString("an include directory")
                if directory.isEmpty { break }
                directories.append(directory)
            }
            files = [FileEntry(name: "", directoryIndex: 0)]
            while true {
                let name = try header.readDwarfString("a file name")
                if name.isEmpty { break }
                let directory = try header.readVarUInt64("a directory index")
                _ = try header.readVarUInt64("a modification time")
                _ = try header.readVarUInt64("a file length")
                files.append(FileEntry(name: name, directoryIndex: Int(clamping: directory)))
            }
        }
        let program = unit.rest.slice(absolute: programStart..<unitEnd)
        return LineProgram(version: version, unitOffset: unitOffset, directories: directories, files: files, addressSize: addressSize,
                           minimumInstructionLength: minimumInstructionLength, maximumOperationsPerInstruction: max(maximumOperations, 1),
                           defaultIsStmt: defaultIsStmt, lineBase: lineBase, lineRange: lineRange, opcodeBase: opcodeBase,
                           standardOpcodeLengths: standardOpcodeLengths, program: program)
    }

    /// A version 5 entry table: a format (content type, form pairs), a count, the entries.
    private static func readEntries(_ header: inout BinaryReader, strings: FormStrings, _ what: StaticString) throws(DecodeError) -> [FileEntry] {
        let formatCount = Int(try header.readByte("an entry format count"))
        var format: [(content: UInt64, form: UInt64)] = []
        for _ in 0..<formatCount {
            format.append((try header.readVarUInt64("an entry content type"), try header.readVarUInt64("an entry form")))
        }
        let countOffset = header.offset
        let count = try header.readVarUInt64(what)
        try header.checkCount(count, minimumItemSize: max(format.count, 1), at: countOffset, what)
        var entries: [FileEntry] = []
        entries.reserveCapacity(reservation(count))
        for _ in 0..<count {
            var entry = FileEntry(name: "", directoryIndex: 0)
            for (content, form) in format {
                let fieldOffset = header.offset
                let value = try AttributeValue.read(form: form, from: &header, unit: strings.unitShape)
                switch content {
                case DW.lnctPath: entry.name = try strings.string(value, at: fieldOffset) ?? ""
                case DW.lnctDirectoryIndex: entry.directoryIndex = Int(clamping: value.unsigned ?? 0)
                default: break
                }
            }
            entries.append(entry)
        }
        return entries
    }

    /// Whether file numbers start at 0 (version 5) rather than 1.
    public var fileIndexBase: Int { version >= 5 ? 0 : 1 }

    /// The path of file `index` as the table spells it: its directory joined with its name
    /// (relative when the directory is; `DW_AT_comp_dir` then applies). Nil for a number the
    /// table does not have.
    public func path(ofFile index: Int) -> String? {
        guard index >= fileIndexBase, index < files.count else { return nil }
        let file = files[index]
        if file.name.hasPrefix("/") { return file.name }
        let directory = file.directoryIndex < directories.count ? directories[file.directoryIndex] : ""
        return DwarfPath.join(directory, file.name)
    }
}

/// Joining DWARF directory and file names.
public enum DwarfPath {
    /// `directory/name`, or `name` when `directory` is empty or `name` is absolute.
    public static func join(_ directory: String, _ name: String) -> String {
        if directory.isEmpty || name.hasPrefix("/") { return name }
        return directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}
