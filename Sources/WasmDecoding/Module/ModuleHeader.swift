/// The 8-byte preamble: `\0asm` and a version.
///
/// Core modules (and relocatable objects) have version 1, layer 0. Components (the component
/// model, "layer 1") share the magic and carry version 0xd, layer 1; they are recognised so
/// they can be reported as components instead of being misparsed as modules.
/// Spec: <https://webassembly.github.io/spec/core/binary/modules.html#binary-module>
public struct ModuleHeader: Sendable, Hashable {
    /// What the preamble says the binary is.
    public enum Kind: Sendable, Hashable {
        case module
        case component(version: UInt16)
    }

    public var kind: Kind
    /// The raw 32-bit version field.
    public var rawVersion: UInt32

    /// The 4 magic bytes.
    public static let magic: [UInt8] = [0x00, 0x61, 0x73, 0x6d]

    /// Decodes and validates the preamble.
    static func read(from reader: inout BinaryReader) throws(DecodeError) -> ModuleHeader {
        for expected in magic {
            let magicOffset = reader.offset
            let byte = try reader.readByte("the WebAssembly magic number")
            guard byte == expected else { throw .badMagic(at: magicOffset) }
        }
        let versionOffset = reader.offset
        let raw = try reader.readUInt32LE("a version number")
        let version = UInt16(truncatingIfNeeded: raw)
        let layer = UInt16(truncatingIfNeeded: raw >> 16)
        switch (version, layer) {
        case (1, 0): return ModuleHeader(kind: .module, rawVersion: raw)
        case (_, 1): return ModuleHeader(kind: .component(version: version), rawVersion: raw)
        default:
            throw .unsupported(at: versionOffset, "version 1 (core module) or layer 1 (component); found 0x\(String(raw, radix: 16))")
        }
    }
}
