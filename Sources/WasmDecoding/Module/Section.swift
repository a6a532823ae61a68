/// Where one section sits in the input. Nothing of the payload has been decoded.
public struct SectionHeader: Sendable, Hashable {
    /// Position among the binary's sections (0-based), the index `reloc.*` and section
    /// symbols refer to.
    public var index: Int
    public var id: SectionID
    /// The name of a custom section; nil for the others.
    public var name: String?
    /// Absolute offset of the id byte.
    public var headerOffset: Int
    /// Absolute range of the payload (after the size field).
    public var payloadRange: Range<Int>
    /// Absolute range of the content: the payload, minus the name of a custom section.
    /// Relocation offsets of custom sections are relative to this.
    public var contentRange: Range<Int>

    /// `type`, `code`, or the custom section's name.
    public var displayName: String { name ?? id.description }

    /// Payload size in bytes.
    public var size: Int { payloadRange.count }
}

/// A section header together with the bytes of its content, ready to be decoded on demand.
public struct Section: Sendable {
    public var header: SectionHeader
    /// The content (for custom sections, after the name).
    public var content: ByteWindow

    public init(header: SectionHeader, content: ByteWindow) {
        self.header = header
        self.content = content
    }
}
