/// The shape of a unit that attribute forms depend on (§7.5.1, §7.5.6): the width of
/// section offsets, the address size, and the version (`DW_FORM_ref_addr` is address-sized
/// in DWARF 2).
struct UnitShape: Sendable {
    var format: BinaryReader.DwarfFormat
    var addressSize: Int
    var version: UInt16
}

/// One attribute value as its form encodes it, before any indirection is followed.
/// <https://dwarfstd.org/doc/DWARF5.pdf>, §7.5.6 "Form Encodings", Table 7.6.
enum AttributeValue: Sendable {
    case unsigned(UInt64)
    case signed(Int64)
    case address(UInt64)
    /// An index into `.debug_addr` (`DW_FORM_addrx*`).
    case addressIndex(UInt64)
    case string(String)
    /// An offset into `.debug_str` (`DW_FORM_strp`).
    case stringOffset(UInt64)
    /// An offset into `.debug_line_str`.
    case lineStringOffset(UInt64)
    /// An index into `.debug_str_offsets` (`DW_FORM_strx*`).
    case stringIndex(UInt64)
    /// A reference to a DIE: unit-relative, or section-relative when `global`.
    case reference(UInt64, global: Bool)
    case flag(Bool)
    /// An offset into another section (`DW_FORM_sec_offset`).
    case sectionOffset(UInt64)
    /// Blocks, expressions, signatures and supplementary-file forms: skipped.
    case other

    var unsigned: UInt64? {
        switch self {
        case .unsigned(let value), .address(let value), .sectionOffset(let value): value
        case .signed(let value): value >= 0 ? UInt64(value) : nil
        default: nil
        }
    }

    /// Reads (or skips) one value of `form`.
    static func read(form: UInt64, implicitConst: Int64 = 0, from reader: inout BinaryReader, unit: UnitShape) throws(DecodeError) -> AttributeValue {
        let at = reader.offset
        switch form {
        case DW.formAddr: return .address(try reader.readUnsigned(size: unit.addressSize, "an address"))
        case DW.formData1, DW.formRef1, DW.formFlag, DW.formStrx1, DW.formAddrx1:
            return classify(form, UInt64(try reader.readByte("a 1-byte attribute")))
        case DW.formData2, DW.formRef2, DW.formStrx2, DW.formAddrx2:
            return classify(form, UInt64(try reader.readUInt16LE("a 2-byte attribute")))
        case DW.formStrx3, DW.formAddrx3:
            return classify(form, try reader.readUnsigned(size: 3, "a 3-byte attribute"))
        case DW.formData4, DW.formRef4, DW.formStrx4, DW.formAddrx4, DW.formRefSup4:
            return classify(form, UInt64(try reader.readUInt32LE("a 4-byte attribute")))
        case DW.formData8, DW.formRef8, DW.formRefSig8, DW.formRefSup8:
            return classify(form, try reader.readUnsigned(size: 8, "an 8-byte attribute"))
        case DW.formData16:
            try reader.skip(16, "a 16-byte attribute")
            return .other
        case DW.formUData, DW.formRefUData, DW.formStrx, DW.formAddrx, DW.formLoclistx, DW.formRnglistx,
             DW.formGNUAddrIndex, DW.formGNUStrIndex:
            return classify(form, try reader.readVarUInt64("a LEB128 attribute"))
        case DW.formSData: return .signed(try reader.readVarInt64("a signed LEB128 attribute"))
        case DW.formString: return .string(try reader.readDwarfString("an inline string"))
        case DW.formStrp, DW.formLineStrp, DW.formSecOffset, DW.formStrpSup, DW.formGNURefAlt, DW.formGNUStrpAlt:
            return classify(form, try reader.readOffset(unit.format, "a section offset"))
        case DW.formRefAddr:
            let size = unit.version <= 2 ? unit.addressSize : unit.format.offsetSize
            return .reference(try reader.readUnsigned(size: size, "a DIE reference"), global: true)
        case DW.formFlagPresent: return .flag(true)
        case DW.formImplicitConst: return .signed(implicitConst)
        case DW.formBlock1: try reader.skip(Int(try reader.readByte("a block length")), "a block"); return .other
        case DW.formBlock2: try reader.skip(Int(try reader.readUInt16LE("a block length")), "a block"); return .other
        case DW.formBlock4: try reader.skip(Int(try reader.readUInt32LE("a block length")), "a block"); return .other
        case DW.formBlock, DW.formExprloc:
            let length = try reader.readVarUInt64("a block length")
            guard length <= UInt64(reader.remaining) else {
                throw .sizeTooLarge(at: at, size: length, remaining: reader.remaining, "a block")
            }
            try reader.skip(Int(length), "a block")
            return .other
        case DW.formIndirect:
            let actual = try reader.readVarUInt64("an indirect form")
            guard actual != DW.formIndirect, actual != DW.formImplicitConst else { throw .dwarfForm(at: at, form: actual) }
            return try read(form: actual, from: &reader, unit: unit)
        default:
            throw .dwarfForm(at: at, form: form)
        }
    }

    private static func classify(_ form: UInt64, _ value: UInt64) -> AttributeValue {
        switch form {
        case DW.formRef1, DW.formRef2, DW.formRef4, DW.formRef8, DW.formRefUData: .reference(value, global: false)
        case DW.formFlag: .flag(value != 0)
        case DW.formStrx, DW.formStrx1, DW.formStrx2, DW.formStrx3, DW.formStrx4, DW.formGNUStrIndex: .stringIndex(value)
        case DW.formAddrx, DW.formAddrx1, DW.formAddrx2, DW.formAddrx3, DW.formAddrx4, DW.formGNUAddrIndex: .addressIndex(value)
        case DW.formStrp: .stringOffset(value)
        case DW.formLineStrp: .lineStringOffset(value)
        case DW.formSecOffset: .sectionOffset(value)
        case DW.formRefSig8, DW.formRefSup4, DW.formRefSup8, DW.formStrpSup, DW.formGNURefAlt, DW.formGNUStrpAlt: .other
        default: .unsigned(value)
        }
    }
}

/// Resolves the string forms of a line table header (version 5).
struct FormStrings {
    var format: BinaryReader.DwarfFormat
    var str: ByteWindow?
    var lineStr: ByteWindow?

    var unitShape: UnitShape { UnitShape(format: format, addressSize: 4, version: 5) }

    func string(_ value: AttributeValue, at field: Int) throws(DecodeError) -> String? {
        switch value {
        case .string(let text): return text
        case .stringOffset(let offset):
            guard let str else { throw .dwarfMissingSection(at: field, ".debug_str") }
            return try str.dwarfString(at: offset, field: field, section: ".debug_str")
        case .lineStringOffset(let offset):
            guard let lineStr else { throw .dwarfMissingSection(at: field, ".debug_line_str") }
            return try lineStr.dwarfString(at: offset, field: field, section: ".debug_line_str")
        default: return nil
        }
    }
}
