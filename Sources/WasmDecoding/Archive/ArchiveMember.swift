/// One member of an archive: its name and its bytes, not yet decoded.
public struct ArchiveMember: Sendable {
    /// The name with GNU/BSD long names resolved and the GNU trailing `/` removed.
    public var name: String
    /// Absolute offset of the member's 60-byte header.
    public var headerOffset: Int
    /// The member's content.
    public var data: ByteWindow

    /// What the member's bytes are.
    public var kind: InputKind { InputKind.classify(data, name: name) }

    /// Where the member sits, for error messages.
    public var location: DecodeError.MemberLocation {
        DecodeError.MemberLocation(name: name, dataOffset: data.absoluteStart)
    }

    /// Walks the member's top level as a wasm binary; errors name the member.
    public func binary() throws(DecodeError) -> WasmBinary {
        do {
            return try WasmBinary(data)
        } catch {
            throw error.inMember(location)
        }
    }

    /// Decodes the member as a relocatable object; errors name the member.
    public func object() throws(DecodeError) -> ObjectFile {
        try object(from: try binary())
    }

    /// The object view of this member's already walked binary; errors name the member.
    public func object(from binary: WasmBinary) throws(DecodeError) -> ObjectFile {
        do {
            return try ObjectFile(binary)
        } catch {
            throw error.inMember(location)
        }
    }

    /// Whether the member starts with the wasm magic: a module, an object or a component.
    /// Cheaper than `kind`, which walks the sections to tell objects from modules.
    public var hasWasmMagic: Bool {
        data.count >= 4 && data.slice(relative: 0..<4).bytes == ModuleHeader.magic
    }
}
