/// The `dylink.0` custom section of a shared library or PIE (and the older `dylink`).
///
/// <https://github.com/WebAssembly/tool-conventions/blob/main/DynamicLinking.md>
public struct DylinkSection: Sendable, Hashable {
    public struct MemoryInfo: Sendable, Hashable {
        public var memorySize: UInt32
        public var memoryAlignment: UInt32
        public var tableSize: UInt32
        public var tableAlignment: UInt32
    }

    public struct SymbolInfo: Sendable, Hashable {
        public var module: String?
        public var name: String
        public var flags: UInt32
    }

    public var memoryInfo: MemoryInfo?
    public var neededLibraries: [String] = []
    public var exportInfo: [SymbolInfo] = []
    public var importInfo: [SymbolInfo] = []
    public var runtimePaths: [String] = []
    /// Ids of subsections this decoder does not know (kept, not fatal).
    public var unknownSubsections: [UInt8] = []

    /// Decodes `dylink.0` (`legacy == false`) or the fixed-layout `dylink` (`legacy == true`).
    public init(_ content: ByteWindow, legacy: Bool = false) throws(DecodeError) {
        if legacy {
            try insidePayload { () throws(DecodeError) in
                var reader = content.reader()
                memoryInfo = try Self.readMemoryInfo(&reader)
                neededLibraries = try Self.readStrings(&reader)
                try reader.expectEnd("the dylink section")
            }
            return
        }
        for subsection in try readSubsections(content, "dylink.0") {
            try insidePayload { () throws(DecodeError) in
                var reader = subsection.payload.reader()
                switch subsection.id {
                case 1: memoryInfo = try Self.readMemoryInfo(&reader)
                case 2: neededLibraries = try Self.readStrings(&reader)
                case 3:
                    let count = try reader.readCount(minimumItemSize: 2, "export infos")
                    for _ in 0..<count {
                        let name = try reader.readName("an export name")
                        exportInfo.append(SymbolInfo(module: nil, name: name, flags: try reader.readVarUInt32("symbol flags")))
                    }
                case 4:
                    let count = try reader.readCount(minimumItemSize: 3, "import infos")
                    for _ in 0..<count {
                        let module = try reader.readName("an import module")
                        let name = try reader.readName("an import name")
                        importInfo.append(SymbolInfo(module: module, name: name, flags: try reader.readVarUInt32("symbol flags")))
                    }
                case 5: runtimePaths = try Self.readStrings(&reader)
                default:
                    unknownSubsections.append(subsection.id)
                    return
                }
                try reader.expectEnd("a dylink.0 subsection")
            }
        }
    }

    private static func readMemoryInfo(_ reader: inout BinaryReader) throws(DecodeError) -> MemoryInfo {
        MemoryInfo(
            memorySize: try reader.readVarUInt32("a memory size"),
            memoryAlignment: try reader.readVarUInt32("a memory alignment"),
            tableSize: try reader.readVarUInt32("a table size"),
            tableAlignment: try reader.readVarUInt32("a table alignment"))
    }

    private static func readStrings(_ reader: inout BinaryReader) throws(DecodeError) -> [String] {
        let count = try reader.readCount("strings")
        var strings: [String] = []
        for _ in 0..<count { strings.append(try reader.readName("a library name")) }
        return strings
    }
}
