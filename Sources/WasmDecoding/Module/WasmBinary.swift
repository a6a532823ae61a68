/// A module or relocatable object whose top level has been walked: the header and where each
/// section is. Nothing inside a section is decoded until one of the accessors asks for it.
///
/// This is the section index the rest of the tool works from: `sections` lists it, the
/// symbol views decode from it, and a reload compares its per-section digests.
public struct WasmBinary: Sendable {
    public let header: ModuleHeader
    public let sections: [Section]
    /// The whole binary.
    public let window: ByteWindow
    /// Position in `sections` of each standard section, by id (-1 when absent).
    private let standardPositions: [Int]
    /// Position of the `linking` section, or -1.
    private let linkingPosition: Int

    /// Walks the top level of a complete binary (`eof` is true: nothing more will come).
    public init(_ window: ByteWindow) throws(DecodeError) {
        var parser = ModuleParser(offset: window.absoluteStart)
        var rest = window
        var header: ModuleHeader? = nil
        var sections: [Section] = []
        loop: while true {
            switch try parser.parse(rest, eof: true) {
            case .needMoreData:
                // Unreachable with eof: true; treat as an end to stay total.
                break loop
            case .parsed(let consumed, let payload):
                rest = ByteWindow(storage: rest.storage, start: rest.start + consumed, end: rest.end)
                switch payload {
                case .header(let decoded): header = decoded
                case .section(let section): sections.append(section)
                case .end: break loop
                }
            }
        }
        guard let header else { throw .badMagic(at: window.absoluteStart) }
        self.init(header: header, sections: sections, window: window)
    }

    /// Assembles a binary from payloads a `ModuleParser` produced (the drip-fed path).
    public init(header: ModuleHeader, sections: [Section], window: ByteWindow) {
        self.header = header
        self.sections = sections
        self.window = window
        var positions = [Int](repeating: -1, count: SectionID.allCases.count)
        var linking = -1
        for (position, section) in sections.enumerated() {
            let id = Int(section.header.id.rawValue)
            if section.header.id == .custom {
                if linking < 0, section.header.name == "linking" { linking = position }
            } else if positions[id] < 0 {
                positions[id] = position
            }
        }
        standardPositions = positions
        linkingPosition = linking
    }

    /// Whether this is a component rather than a core module.
    public var isComponent: Bool {
        if case .component = header.kind { return true }
        return false
    }

    /// Whether the binary has a `linking` section (a relocatable object).
    public var isRelocatable: Bool { linkingPosition >= 0 }

    /// The first section with `id` (standard sections occur at most once).
    public func section(_ id: SectionID) -> Section? {
        if id == .custom { return sections.first { $0.header.id == .custom } }
        let position = standardPositions[Int(id.rawValue)]
        return position >= 0 ? sections[position] : nil
    }

    /// The first custom section named `name`.
    public func customSection(named name: String) -> Section? {
        sections.first { $0.header.id == .custom && $0.header.name == name }
    }

    // MARK: standard sections (lazy)

    private func vector<T: SectionItem>(_ id: SectionID, _ what: StaticString) throws(DecodeError) -> SectionVector<T>? {
        guard let section = section(id) else { return nil }
        return try SectionVector(section.content, what)
    }

    public func typeSection() throws(DecodeError) -> SectionVector<RecGroup>? { try vector(.type, "types") }
    public func importSection() throws(DecodeError) -> SectionVector<Import>? { try vector(.import, "imports") }
    public func functionSection() throws(DecodeError) -> SectionVector<UInt32>? { try vector(.function, "function type indices") }
    public func tableSection() throws(DecodeError) -> SectionVector<TableEntry>? { try vector(.table, "tables") }
    public func memorySection() throws(DecodeError) -> SectionVector<MemoryType>? { try vector(.memory, "memories") }
    public func globalSection() throws(DecodeError) -> SectionVector<Global>? { try vector(.global, "globals") }
    public func exportSection() throws(DecodeError) -> SectionVector<Export>? { try vector(.export, "exports") }
    public func elementSection() throws(DecodeError) -> SectionVector<ElementSegment>? { try vector(.element, "element segments") }
    public func codeSection() throws(DecodeError) -> SectionVector<FunctionBody>? { try vector(.code, "function bodies") }
    public func dataSection() throws(DecodeError) -> SectionVector<DataSegment>? { try vector(.data, "data segments") }
    public func tagSection() throws(DecodeError) -> SectionVector<TagType>? { try vector(.tag, "tags") }

    /// The start function index, if there is a start section.
    public func startFunction() throws(DecodeError) -> UInt32? {
        guard let section = section(.start) else { return nil }
        return try Self.singleIndex(section, "a start function index")
    }

    /// The data count, if there is a datacount section.
    public func dataCount() throws(DecodeError) -> UInt32? {
        guard let section = section(.dataCount) else { return nil }
        return try Self.singleIndex(section, "a data count")
    }

    private static func singleIndex(_ section: Section, _ what: StaticString) throws(DecodeError) -> UInt32 {
        try insidePayload { () throws(DecodeError) -> UInt32 in
            var reader = section.content.reader()
            let value = try reader.readVarUInt32(what)
            try reader.expectEnd(what)
            return value
        }
    }

    /// All entries of the type section, recursion groups flattened (type indices count
    /// every subtype).
    public func types() throws(DecodeError) -> [SubType] {
        guard let groups = try typeSection() else { return [] }
        var types: [SubType] = []
        types.reserveCapacity(groups.count)
        try groups.forEach { types.append(contentsOf: $0.types) }
        return types
    }

    // MARK: custom sections (lazy)

    public func nameSection() throws(DecodeError) -> NameSection? {
        try customSection(named: "name").map { (s) throws(DecodeError) in try NameSection(s.content) }
    }

    public func linkingSection() throws(DecodeError) -> LinkingSection? {
        linkingPosition >= 0 ? try LinkingSection(sections[linkingPosition].content) : nil
    }

    public func producersSection() throws(DecodeError) -> ProducersSection? {
        try customSection(named: "producers").map { (s) throws(DecodeError) in try ProducersSection(s.content) }
    }

    public func targetFeaturesSection() throws(DecodeError) -> TargetFeaturesSection? {
        try customSection(named: "target_features").map { (s) throws(DecodeError) in try TargetFeaturesSection(s.content) }
    }

    public func dylinkSection() throws(DecodeError) -> DylinkSection? {
        if let section = customSection(named: "dylink.0") { return try DylinkSection(section.content) }
        if let section = customSection(named: "dylink") { return try DylinkSection(section.content, legacy: true) }
        return nil
    }

    /// Every `reloc.*` section with its decoded header (entries stay lazy).
    public func relocationSections() throws(DecodeError) -> [(section: Section, relocations: RelocationSection)] {
        var result: [(section: Section, relocations: RelocationSection)] = []
        for section in sections where section.header.id == .custom && (section.header.name?.hasPrefix("reloc.") ?? false) {
            result.append((section, try RelocationSection(section.content)))
        }
        return result
    }

    // MARK: item counts

    /// The number of items in a section as `sections` shows it: the vector count of the
    /// standard vector sections, the entry count of `reloc.*`, the symbol count of `linking`,
    /// the field/feature count of `producers`/`target_features`, the function-name count of
    /// `name`; nil where "count" means nothing (start, datacount, unknown custom sections).
    /// Reads only the leading count, never the items.
    public func itemCount(of section: Section) throws(DecodeError) -> Int? {
        let header = section.header
        switch header.id {
        case .start, .dataCount: return nil
        case .custom:
            guard let name = header.name else { return nil }
            if name.hasPrefix("reloc.") { return try RelocationSection(section.content).entries.count }
            switch name {
            case "linking": return try LinkingSection(section.content).symbolCount()
            case "producers", "target_features":
                var reader = section.content.reader()
                return Int(try insidePayload { () throws(DecodeError) -> UInt32 in try reader.readCount("items") })
            case "name": return try NameSection(section.content).nameMap(.function)?.count
            default: return nil
            }
        default:
            var reader = section.content.reader()
            return Int(try insidePayload { () throws(DecodeError) -> UInt32 in try reader.readCount("items") })
        }
    }
}

extension WasmBinary {
    /// Whether the binary is wasm64: a memory (defined or imported) with 64-bit limits.
    public var is64Bit: Bool {
        if let memories = try? memorySection()?.collect(), memories.contains(where: { $0.limits.is64 }) { return true }
        if let imports = try? importSection()?.collect() {
            return imports.contains { entry in
                if case .memory(let memory) = entry.descriptor { return memory.limits.is64 }
                return false
            }
        }
        return false
    }
}
