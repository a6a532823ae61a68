/// Relocation types (`WasmRelocs.def`), all 28 of them.
/// Spec: <https://github.com/WebAssembly/tool-conventions/blob/main/Linking.md#relocation-sections>
public enum RelocationType: UInt32, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case functionIndexLEB = 0, tableIndexSLEB, tableIndexI32, memoryAddrLEB, memoryAddrSLEB, memoryAddrI32
    case typeIndexLEB, globalIndexLEB, functionOffsetI32, sectionOffsetI32, tagIndexLEB
    case memoryAddrRelSLEB, tableIndexRelSLEB, globalIndexI32
    case memoryAddrLEB64, memoryAddrSLEB64, memoryAddrI64, memoryAddrRelSLEB64
    case tableIndexSLEB64, tableIndexI64, tableNumberLEB, memoryAddrTLSSLEB, functionOffsetI64
    case memoryAddrLocrelI32, tableIndexRelSLEB64, memoryAddrTLSSLEB64, functionIndexI32, memoryAddrLocrelI64

    /// LLVM's name, `R_WASM_FUNCTION_INDEX_LEB` …, as wasm-ld prints it.
    public var description: String {
        switch self {
        case .functionIndexLEB: "R_WASM_FUNCTION_INDEX_LEB"
        case .tableIndexSLEB: "R_WASM_TABLE_INDEX_SLEB"
        case .tableIndexI32: "R_WASM_TABLE_INDEX_I32"
        case .memoryAddrLEB: "R_WASM_MEMORY_ADDR_LEB"
        case .memoryAddrSLEB: "R_WASM_MEMORY_ADDR_SLEB"
        case .memoryAddrI32: "R_WASM_MEMORY_ADDR_I32"
        case .typeIndexLEB: "R_WASM_TYPE_INDEX_LEB"
        case .globalIndexLEB: "R_WASM_GLOBAL_INDEX_LEB"
        case .functionOffsetI32: "R_WASM_FUNCTION_OFFSET_I32"
        case .sectionOffsetI32: "R_WASM_SECTION_OFFSET_I32"
        case .tagIndexLEB: "R_WASM_TAG_INDEX_LEB"
        case .memoryAddrRelSLEB: "R_WASM_MEMORY_ADDR_REL_SLEB"
        case .tableIndexRelSLEB: "R_WASM_TABLE_INDEX_REL_SLEB"
        case .globalIndexI32: "R_WASM_GLOBAL_INDEX_I32"
        case .memoryAddrLEB64: "R_WASM_MEMORY_ADDR_LEB64"
        case .memoryAddrSLEB64: "R_WASM_MEMORY_ADDR_SLEB64"
        case .memoryAddrI64: "R_WASM_MEMORY_ADDR_I64"
        case .memoryAddrRelSLEB64: "R_WASM_MEMORY_ADDR_REL_SLEB64"
        case .tableIndexSLEB64: "R_WASM_TABLE_INDEX_SLEB64"
        case .tableIndexI64: "R_WASM_TABLE_INDEX_I64"
        case .tableNumberLEB: "R_WASM_TABLE_NUMBER_LEB"
        case .memoryAddrTLSSLEB: "R_WASM_MEMORY_ADDR_TLS_SLEB"
        case .functionOffsetI64: "R_WASM_FUNCTION_OFFSET_I64"
        case .memoryAddrLocrelI32: "R_WASM_MEMORY_ADDR_LOCREL_I32"
        case .tableIndexRelSLEB64: "R_WASM_TABLE_INDEX_REL_SLEB64"
        case .memoryAddrTLSSLEB64: "R_WASM_MEMORY_ADDR_TLS_SLEB64"
        case .functionIndexI32: "R_WASM_FUNCTION_INDEX_I32"
        case .memoryAddrLocrelI64: "R_WASM_MEMORY_ADDR_LOCREL_I64"
        }
    }

    /// Whether an addend follows the index in the encoding.
    public var hasAddend: Bool {
        switch self {
        case .memoryAddrLEB, .memoryAddrSLEB, .memoryAddrI32, .functionOffsetI32, .sectionOffsetI32,
             .memoryAddrRelSLEB, .memoryAddrLEB64, .memoryAddrSLEB64, .memoryAddrI64, .memoryAddrRelSLEB64,
             .memoryAddrTLSSLEB, .functionOffsetI64, .memoryAddrLocrelI32, .memoryAddrTLSSLEB64, .memoryAddrLocrelI64:
            true
        default:
            false
        }
    }

    /// Whether the addend is 64-bit.
    public var hasAddend64: Bool {
        switch self {
        case .memoryAddrLEB64, .memoryAddrSLEB64, .memoryAddrI64, .memoryAddrRelSLEB64,
             .functionOffsetI64, .memoryAddrTLSSLEB64, .memoryAddrLocrelI64:
            true
        default:
            false
        }
    }

    /// Whether `index` is a symbol index (every type but the type-index relocation).
    public var refersToSymbol: Bool { self != .typeIndexLEB }

    /// Bytes the relocation patches at its offset.
    public var patchSize: Int {
        switch self {
        case .functionIndexLEB, .tableIndexSLEB, .memoryAddrLEB, .memoryAddrSLEB, .typeIndexLEB, .globalIndexLEB,
             .tagIndexLEB, .memoryAddrRelSLEB, .tableIndexRelSLEB, .tableNumberLEB, .memoryAddrTLSSLEB:
            5
        case .memoryAddrLEB64, .memoryAddrSLEB64, .memoryAddrRelSLEB64, .tableIndexSLEB64, .tableIndexRelSLEB64,
             .memoryAddrTLSSLEB64:
            10
        case .tableIndexI32, .memoryAddrI32, .functionOffsetI32, .sectionOffsetI32, .globalIndexI32,
             .memoryAddrLocrelI32, .functionIndexI32:
            4
        case .memoryAddrI64, .tableIndexI64, .functionOffsetI64, .memoryAddrLocrelI64:
            8
        }
    }
}

/// One relocation entry.
public struct Relocation: SectionItem, Hashable {
    public var type: RelocationType
    /// Offset relative to the start of the target section's content.
    public var offset: UInt32
    /// Symbol index (a type index for `R_WASM_TYPE_INDEX_LEB`).
    public var index: UInt32
    public var addend: Int64
    /// Absolute offset of the encoded entry.
    public var entryOffset: Int

    public static var minimumEncodedSize: Int { 3 }

    public static func read(from reader: inout BinaryReader) throws(DecodeError) -> Relocation {
        let start = reader.offset
        let rawType = try reader.readVarUInt32("a relocation type")
        guard let type = RelocationType(rawValue: rawType) else {
            throw .badTag(at: start, value: UInt64(rawType), "a relocation type from 0 to 27")
        }
        let offset = try reader.readVarUInt32("a relocation offset")
        let index = try reader.readVarUInt32("a relocation index")
        var addend: Int64 = 0
        if type.hasAddend {
            addend = type.hasAddend64 ? try reader.readVarInt64("a relocation addend") : Int64(try reader.readVarInt32("a relocation addend"))
        }
        return Relocation(type: type, offset: offset, index: index, addend: addend, entryOffset: start)
    }
}

/// A `reloc.<target>` custom section: the target section's index and the entries, decoded
/// on demand.
/// Spec: <https://github.com/WebAssembly/tool-conventions/blob/main/Linking.md#relocation-sections>
public struct RelocationSection: Sendable {
    /// Index (among all sections) of the section the entries patch.
    public let targetSectionIndex: UInt32
    /// The entries.
    public let entries: SectionVector<Relocation>
    /// Absolute offset of the target-index field.
    public let offset: Int

    public init(_ content: ByteWindow) throws(DecodeError) {
        var reader = content.reader()
        offset = reader.offset
        targetSectionIndex = try insidePayload { () throws(DecodeError) -> UInt32 in try reader.readVarUInt32("a target section index") }
        entries = try SectionVector(reader.rest, "relocations")
    }
}
