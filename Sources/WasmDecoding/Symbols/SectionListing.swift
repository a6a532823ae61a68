/// The section index of one input or archive member, as `sections` lists it.
public struct SectionListing: Sendable {
    public struct Row: Sendable, Hashable {
        public var index: Int
        public var id: UInt8
        /// `type`, `code`, or the custom section's name.
        public var name: String
        /// Absolute offset of the section header (the id byte).
        public var offset: Int
        /// Payload size.
        public var size: Int
        /// Item count where it means something (see `WasmBinary.itemCount(of:)`).
        public var count: Int?

        public init(index: Int, id: UInt8, name: String, offset: Int, size: Int, count: Int?) {
            self.index = index
            self.id = id
            self.name = name
            self.offset = offset
            self.size = size
            self.count = count
        }
    }

    public var path: String
    public var member: String?
    public var kind: InputKind
    /// Why a member or file has no sections listed (`skipped`, `component`).
    public var note: String?
    public var sections: [Row]

    public init(path: String, member: String?, kind: InputKind, note: String?, sections: [Row]) {
        self.path = path
        self.member = member
        self.kind = kind
        self.note = note
        self.sections = sections
    }

    /// Listings for a file: one for a module or object, one per member for an archive
    /// (non-wasm and component members listed with their kind and no sections).
    public static func listings(of file: InputFile) throws(DecodeError) -> [SectionListing] {
        try walk(file, path: file.path) { (_, binary) throws(DecodeError) in try rows(binary) }
    }

    /// The one walk behind every section listing: each wasm binary of `file` (the file, or
    /// every wasm member of an archive, in member order) is handed to `rows`, which returns
    /// its rows (decoding them, or taking them from an earlier load) and may keep the binary.
    /// Listings carry `path` as their name. Errors inside a member name the member.
    public static func walk(_ file: InputFile, path: String,
                            rows: (_ member: String?, _ binary: WasmBinary) throws(DecodeError) -> [Row])
        throws(DecodeError) -> [SectionListing] {
        switch file.kind {
        case .archive:
            var result: [SectionListing] = []
            for member in try Archive(file.window).members {
                if member.hasWasmMagic, case let binary = try member.binary(), !binary.isComponent {
                    let kind: InputKind = binary.isRelocatable ? .object : .module
                    do {
                        result.append(SectionListing(path: path, member: member.name, kind: kind, note: nil,
                                                     sections: try rows(member.name, binary)))
                    } catch {
                        throw error.inMember(member.location)
                    }
                } else {
                    result.append(SectionListing(path: path, member: member.name, kind: member.kind, note: "skipped", sections: []))
                }
            }
            return result
        case .component:
            _ = try WasmBinary(file.window)
            return [SectionListing(path: path, member: nil, kind: .component, note: "a component: its sections are not listed", sections: [])]
        default:
            let binary = try WasmBinary(file.window)
            return [SectionListing(path: path, member: nil, kind: file.kind, note: nil, sections: try rows(nil, binary))]
        }
    }

    /// Every section's row, decoded.
    public static func rows(_ binary: WasmBinary) throws(DecodeError) -> [Row] {
        try binary.sections.map { (section) throws(DecodeError) -> Row in try Row(section, of: binary) }
    }
}

extension SectionListing.Row {
    /// The row of one section of `binary`: its header and item count.
    public init(_ section: Section, of binary: WasmBinary) throws(DecodeError) {
        self.init(index: section.header.index, id: section.header.id.rawValue, name: section.header.displayName,
                  offset: section.header.headerOffset, size: section.header.size, count: try binary.itemCount(of: section))
    }
}
