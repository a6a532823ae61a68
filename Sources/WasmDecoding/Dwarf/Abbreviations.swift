/// One abbreviation table of `.debug_abbrev` (§7.5.3): per code, the DIE's tag, whether it
/// has children, and its attribute specifications.
struct Abbreviations: Sendable {
    struct Entry: Sendable {
        var tag: UInt64
        var hasChildren: Bool
        var attributes: [(name: UInt64, form: UInt64, implicitConst: Int64)]
    }

    /// Entries by code; codes are usually dense from 1, so most live in `dense`.
    private var dense: [Entry?] = []
    private var sparse: [UInt64: Entry] = [:]

    /// Decodes the table at `offset` (relative to `section`'s start).
    init(section: ByteWindow, offset: UInt64, field: Int) throws(DecodeError) {
        guard offset < UInt64(section.count) else {
            throw .dwarfOffset(at: field, value: offset, section: ".debug_abbrev", size: section.count)
        }
        var reader = section.slice(relative: Int(offset)..<section.count).reader()
        try insidePayload { () throws(DecodeError) in
            while true {
                let codeOffset = reader.offset
                let code = try reader.readVarUInt64("an abbreviation code")
                if code == 0 { break }
                let tag = try reader.readVarUInt64("an abbreviation tag")
                let children = try reader.readByte("a children flag") != 0
                var attributes: [(name: UInt64, form: UInt64, implicitConst: Int64)] = []
                while true {
                    let name = try reader.readVarUInt64("an attribute name")
                    let form = try reader.readVarUInt64("an attribute form")
                    if name == 0 && form == 0 { break }
                    let implicit = form == DW.formImplicitConst ? try reader.readVarInt64("an implicit constant") : 0
                    attributes.append((name, form, implicit))
                }
                let entry = Entry(tag: tag, hasChildren: children, attributes: attributes)
                if code < 1 << 16 {
                    let slot = Int(code)
                    if dense.count <= slot { dense += [Entry?](repeating: nil, count: slot + 1 - dense.count) }
                    guard dense[slot] == nil else { throw .malformed(at: codeOffset, "abbreviation codes used once per table (code \(code) again)") }
                    dense[slot] = entry
                } else {
                    sparse[code] = entry
                }
            }
        }
    }

    subscript(code: UInt64) -> Entry? {
        code < UInt64(dense.count) ? dense[Int(code)] : sparse[code]
    }
}
