/// The `.debug_*` custom sections of one wasm binary, ready for the DWARF readers.
///
/// In a relocatable object (and an archive or `.rlib` member) the sections are patched by
/// their `reloc..debug_*` sections first, as a linker would: code addresses
/// (`R_WASM_FUNCTION_OFFSET_I32/I64`, the offset of a function body in the code section)
/// and offsets into other debug sections (`R_WASM_SECTION_OFFSET_I32`) get the object's own
/// values, so an object whose stored values are placeholders reads the same as one whose
/// writer filled them in. A linked module is read as it is: the linker applied them.
///
/// Nothing is read until `init`, which copies only the sections that have relocations; the
/// copies keep their absolute offsets, so an error points into the user's file.
/// <https://github.com/WebAssembly/tool-conventions/blob/main/Debugging.md>
public struct DwarfSections: Sendable {
    public var info: ByteWindow?
    public var abbrev: ByteWindow?
    public var str: ByteWindow?
    public var lineStr: ByteWindow?
    public var line: ByteWindow?
    public var strOffsets: ByteWindow?
    public var addr: ByteWindow?

    /// Whether the binary has a line table: the sections source locations need.
    public var hasLineInfo: Bool { line != nil }
    /// Whether the binary has any DWARF at all.
    public var isEmpty: Bool { info == nil && line == nil }

    static let names = [".debug_info", ".debug_abbrev", ".debug_str", ".debug_line_str", ".debug_line",
                        ".debug_str_offsets", ".debug_addr"]

    /// The sections of `binary`, relocated with `object`'s symbols when it is a relocatable
    /// object (pass nil for a linked module).
    public init(binary: WasmBinary, object: ObjectFile?) throws(DecodeError) {
        var windows: [String: (index: Int, window: ByteWindow)] = [:]
        for section in binary.sections where section.header.id == .custom {
            guard let name = section.header.name, Self.names.contains(name), windows[name] == nil else { continue }
            windows[name] = (section.header.index, section.content)
        }
        if let object, !windows.isEmpty {
            let relocator = try DwarfRelocator(object: object)
            for group in try object.relocationGroups() {
                guard let name = group.target.name, let target = windows[name], target.index == group.target.index else { continue }
                windows[name] = (target.index, try relocator.apply(try object.relocations(in: group), to: target.window))
            }
        }
        info = windows[".debug_info"]?.window
        abbrev = windows[".debug_abbrev"]?.window
        str = windows[".debug_str"]?.window
        lineStr = windows[".debug_line_str"]?.window
        line = windows[".debug_line"]?.window
        strOffsets = windows[".debug_str_offsets"]?.window
        addr = windows[".debug_addr"]?.window
    }

    /// Sections given directly (tests, fuzzing).
    public init(info: ByteWindow? = nil, abbrev: ByteWindow? = nil, str: ByteWindow? = nil, lineStr: ByteWindow? = nil,
                line: ByteWindow? = nil, strOffsets: ByteWindow? = nil, addr: ByteWindow? = nil) {
        self.info = info
        self.abbrev = abbrev
        self.str = str
        self.lineStr = lineStr
        self.line = line
        self.strOffsets = strOffsets
        self.addr = addr
    }
}

/// Computes what an object's relocations write into its debug sections.
struct DwarfRelocator {
    let object: ObjectFile
    /// Offset (in the code section's content) of each defined function's body, after its
    /// size field: what `R_WASM_FUNCTION_OFFSET_*` resolves to, as wasm-ld computes it.
    let bodyStarts: [Int]

    init(object: ObjectFile) throws(DecodeError) {
        self.object = object
        let codeStart = object.codeSection?.contentRange.lowerBound ?? 0
        bodyStarts = try object.functionBodies().map { $0.range.lowerBound - codeStart }
    }

    /// A copy of `window` with `relocations` applied.
    func apply(_ relocations: [Relocation], to window: ByteWindow) throws(DecodeError) -> ByteWindow {
        var bytes = window.bytes
        var patched = false
        for relocation in relocations {
            guard let value = value(of: relocation) else { continue }
            let at = Int(relocation.offset)
            let size = relocation.type.patchSize
            // `ObjectFile.relocations(in:)` checked the field lies inside the section.
            guard at >= 0, at + size <= bytes.count else { continue }
            for byte in 0..<size { bytes[at + byte] = UInt8(truncatingIfNeeded: value >> UInt64(8 * byte)) }
            patched = true
        }
        guard patched else { return window }
        return ByteStorage(copying: bytes, origin: window.absoluteStart).window
    }

    /// The value a relocation stores, for the types locations depend on; nil leaves the
    /// stored bytes (data addresses and element indices, which no location reads).
    func value(of relocation: Relocation) -> UInt64? {
        guard relocation.type.refersToSymbol, Int(relocation.index) < object.symbols.count else { return nil }
        let symbol = object.symbols[Int(relocation.index)]
        switch relocation.type {
        case .functionOffsetI32, .functionOffsetI64:
            guard symbol.kind == .function, symbol.isDefined, let element = symbol.elementIndex else { return nil }
            let body = Int(element) - object.importedFunctionCount
            guard body >= 0, body < bodyStarts.count else { return nil }
            return UInt64(bitPattern: Int64(bodyStarts[body]) &+ relocation.addend)
        case .sectionOffsetI32:
            // A section symbol's own content starts at offset 0 of that section.
            guard symbol.kind == .section else { return nil }
            return UInt64(bitPattern: relocation.addend)
        default:
            return nil
        }
    }
}
