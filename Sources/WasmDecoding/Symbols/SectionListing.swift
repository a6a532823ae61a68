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
    /// (non-wasm members listed with their kind and no sections).
    public static func listings(of file: InputFile) throws(DecodeError) -> [SectionListing] {
        switch file.kind {
        case .archive:
            var result: [SectionListing] = []
            for member in try Archive(file.window).members {
                if member.hasWasmMagic, case let binary = try member.binary(), !binary.isComponent {
                    let kind: InputKind = binary.isRelocatable ? .object : .module
                    do {
                        result.append(SectionListing(path: file.path, member: member.name, kind: kind, note: nil, sections: try rows(binary)))
                    } catch {
                        throw error.inMember(member.location)
                    }
                } else {
                    result.append(SectionListing(path: file.path, member: member.name, kind: member.kind, note: "skipped", sections: []))
                }
            }
            return result
        case .component:
            _ = try WasmBinary(file.window)
            return [SectionListing(path: file.path, member: nil, kind: .component, note: "a component: its sections are not listed", sections: [])]
        default:
            let binary = try WasmBinary(file.window)
            return [SectionListing(path: file.path, member: nil, kind: file.kind, note: nil, sections: try rows(binary))]
        }
    }

    static func rows(_ binary: WasmBinary) throws(DecodeError) -> [Row] {
        try binary.sections.map { (section) throws(DecodeError) -> Row in
            Row(index: section.header.index, id: section.header.id.rawValue, name: section.header.displayName,
                offset: section.header.headerOffset, size: section.header.size, count: try binary.itemCount(of: section))
        }
    }
}
