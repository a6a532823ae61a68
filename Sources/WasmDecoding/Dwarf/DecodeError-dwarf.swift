/// The DWARF readers' messages, beside the rest of the catalogue (`DecodeError-catalogue.swift`).
extension DecodeError {
    static func dwarfVersion(at offset: Int, found: UInt16, _ what: String) -> DecodeError {
        .unsupported(at: offset, "\(what) of DWARF version 2 to 5 (found \(found))")
    }

    static func dwarfAddressSize(at offset: Int, found: Int) -> DecodeError {
        .unsupported(at: offset, "an address size of 1, 2, 4 or 8 bytes (found \(found))")
    }

    static func dwarfForm(at offset: Int, form: UInt64) -> DecodeError {
        .unsupported(at: offset, "a DWARF attribute form this reader knows (found 0x\(String(form, radix: 16)))")
    }

    static func dwarfAbbreviation(at offset: Int, code: UInt64) -> DecodeError {
        .malformed(at: offset, "an abbreviation code of the unit's abbreviation table (found \(code))")
    }

    static func dwarfOffset(at offset: Int, value: UInt64, section: String, size: Int) -> DecodeError {
        .malformed(at: offset, "an offset inside \(section) (\(size) bytes; found 0x\(String(value, radix: 16)))")
    }

    static func dwarfMissingSection(at offset: Int, _ section: String) -> DecodeError {
        .malformed(at: offset, "a \(section) section for the attribute that refers to it")
    }

    static func dwarfLineRange(at offset: Int) -> DecodeError {
        .malformed(at: offset, "a line_range above 0 in the line program header")
    }

    static func dwarfNesting(at offset: Int, limit: Int) -> DecodeError {
        .malformed(at: offset, "DIEs nested at most \(limit) deep")
    }
}
