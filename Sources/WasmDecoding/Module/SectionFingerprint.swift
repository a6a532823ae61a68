/// A section's identity for reuse across reloads: where it is and what it holds. Two reads of
/// a file whose section has the same fingerprint hold the same bytes at the same offsets, so
/// anything decoded from the first read (offsets included) is valid for the second.
public struct SectionFingerprint: Sendable, Hashable {
    public var id: SectionID
    public var name: String?
    /// Absolute offset of the section header.
    public var headerOffset: Int
    /// Absolute range of the payload.
    public var payloadRange: Range<Int>
    /// `ContentDigest` of the content (the payload after a custom section's name; the name
    /// is compared as `name`).
    public var digest: UInt64

    public init(_ section: Section) {
        self.init(section, work: InOrder())
    }

    /// - Parameter work: spreads the digest of a large section (see `ContentDigest.of`).
    public init(_ section: Section, work: any ParallelWork) {
        id = section.header.id
        name = section.header.name
        headerOffset = section.header.headerOffset
        payloadRange = section.header.payloadRange
        digest = ContentDigest.of(section.content, work: work)
    }
}

extension WasmBinary {
    /// The fingerprint of every section, in order (digests every payload: a few GB/s).
    public func fingerprints(work: any ParallelWork = InOrder()) -> [SectionFingerprint] {
        sections.map { SectionFingerprint($0, work: work) }
    }

    /// Whether a section is read when an object's symbols, chunks and relocations are
    /// decoded (the standard sections, `linking`, `reloc.*`, `target_features`), as opposed
    /// to custom sections only listed (`name`, `producers`, `.debug_*`).
    public static func isReadForLinking(_ header: SectionHeader) -> Bool {
        guard header.id == .custom, let name = header.name else { return true }
        return name == "linking" || name == "target_features" || name.hasPrefix("reloc.")
    }
}
