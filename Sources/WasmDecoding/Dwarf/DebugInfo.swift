/// A function with code, as `.debug_info` describes it: a `DW_TAG_subprogram` with an
/// address range.
public struct DwarfFunction: Sendable, Hashable {
    /// The name qualified by its enclosing namespaces and types (`hostapp::run`,
    /// `ns::Widget::draw`), as the source spells it.
    public var qualifiedName: String
    /// `DW_AT_linkage_name`: the symbol name, when it differs from the source name.
    public var linkageName: String?
    public var lowAddress: UInt64
    public var highAddress: UInt64
    /// Where it is declared: a path from the unit's line table, and a line.
    public var declFile: String?
    public var declLine: UInt32?
}

/// A declaration without code: a function or variable the unit uses but does not define
/// (`DW_AT_declaration`), with the place the source declares it.
public struct DwarfDeclaration: Sendable, Hashable {
    public var name: String
    public var linkageName: String?
    public var isVariable: Bool
    public var declFile: String?
    public var declLine: UInt32?
}

/// What one compile unit of `.debug_info` says about source locations.
public struct CompileUnit: Sendable {
    /// Offset of the unit's header in `.debug_info`.
    public var offset: Int
    public var version: UInt16
    public var addressSize: Int
    /// `DW_AT_name`, `DW_AT_comp_dir`, `DW_AT_producer`, `DW_AT_language`.
    public var name: String?
    public var compilationDirectory: String?
    public var producer: String?
    public var language: UInt64?
    /// `DW_AT_stmt_list`: the unit's line program in `.debug_line`.
    public var lineProgramOffset: UInt64?
    /// Functions with code, sorted by low address.
    public var functions: [DwarfFunction]
    public var declarations: [DwarfDeclaration]

    /// The function whose range holds `address`: the outermost subprogram, the wasm
    /// function itself rather than a body inlined into it.
    public func function(containing address: UInt64) -> DwarfFunction? {
        functions.last(startingAtOrBefore: address) { address < $0.highAddress }
    }
}

/// Reads the compile units of `.debug_info` (with `.debug_abbrev`, `.debug_str`,
/// `.debug_line_str`, `.debug_str_offsets`, `.debug_addr`): the unit attributes, the
/// functions with code and the declarations. Types, variables' locations and everything else
/// are skipped by form.
/// <https://dwarfstd.org/doc/DWARF5.pdf>, §7.5 "Format of Debugging Information", §3.1
/// "Unit Entries", §3.3 "Subroutine and Entry Point Entries".
public struct DebugInfo: Sendable {
    public let sections: DwarfSections

    public init(_ sections: DwarfSections) {
        self.sections = sections
    }

    /// Every compile and partial unit, in section order (type and split units are skipped).
    public func units() throws(DecodeError) -> [CompileUnit] {
        guard let info = sections.info else { return [] }
        var result: [CompileUnit] = []
        var reader = info.reader()
        var abbreviationCache: [UInt64: Abbreviations] = [:]
        while !reader.isAtEnd {
            let unitStart = reader.offset
            let unit = try insidePayload { () throws(DecodeError) -> CompileUnit? in
                let (length, format) = try reader.readUnitLength("a unit length")
                var body = try reader.readWindow(length, "a unit").reader()
                return try readUnit(&body, start: unitStart, format: format, abbreviationCache: &abbreviationCache)
            }
            if let unit { result.append(unit) }
        }
        return result
    }

    private func readUnit(_ reader: inout BinaryReader, start: Int, format: BinaryReader.DwarfFormat,
                          abbreviationCache: inout [UInt64: Abbreviations]) throws(DecodeError) -> CompileUnit? {
        let versionOffset = reader.offset
        let version = try reader.readUInt16LE("a unit version")
        guard (2...5).contains(version) else { throw .dwarfVersion(at: versionOffset, found: version, "a unit") }
        var unitType = DW.unitCompile
        let abbrevOffset: UInt64
        let addressSize: Int
        let abbrevField: Int
        let sizeOffset: Int
        if version >= 5 {
            unitType = try reader.readByte("a unit type")
            sizeOffset = reader.offset
            addressSize = Int(try reader.readByte("an address size"))
            abbrevField = reader.offset
            abbrevOffset = try reader.readOffset(format, "an abbreviation offset")
            switch unitType {
            case DW.unitSkeleton, DW.unitSplitCompile: try reader.skip(8, "a DWO id")
            case DW.unitType, DW.unitSplitType: return nil
            default: break
            }
        } else {
            abbrevField = reader.offset
            abbrevOffset = try reader.readOffset(format, "an abbreviation offset")
            sizeOffset = reader.offset
            addressSize = Int(try reader.readByte("an address size"))
        }
        guard [1, 2, 4, 8].contains(addressSize) else { throw .dwarfAddressSize(at: sizeOffset, found: addressSize) }
        guard unitType == DW.unitCompile || unitType == DW.unitPartial || unitType == DW.unitSkeleton else { return nil }
        guard let abbrevSection = sections.abbrev else { throw .dwarfMissingSection(at: abbrevField, ".debug_abbrev") }
        let abbreviations: Abbreviations
        if let cached = abbreviationCache[abbrevOffset] {
            abbreviations = cached
        } else {
            abbreviations = try Abbreviations(section: abbrevSection, offset: abbrevOffset, field: abbrevField)
            abbreviationCache[abbrevOffset] = abbreviations
        }
        var walker = UnitWalker(sections: sections, shape: UnitShape(format: format, addressSize: addressSize, version: version),
                                unitStart: start, abbreviations: abbreviations)
        return try walker.walk(&reader, version: version)
    }
}

/// The walk over one unit's DIEs.
private struct UnitWalker {
    let sections: DwarfSections
    let shape: UnitShape
    let unitStart: Int
    let abbreviations: Abbreviations
    var strOffsetsBase: UInt64 = 8
    var addrBase: UInt64 = 8

    init(sections: DwarfSections, shape: UnitShape, unitStart: Int, abbreviations: Abbreviations) {
        self.sections = sections
        self.shape = shape
        self.unitStart = unitStart
        self.abbreviations = abbreviations
    }

    /// A subprogram as read, before specifications are followed.
    struct RawSubprogram {
        var offset: UInt64
        var scope: [String]
        var name: String?
        var linkageName: String?
        var low: UInt64?
        var high: UInt64?
        var highIsOffset = false
        var declFile: UInt64?
        var declLine: UInt64?
        var declaration = false
        var isVariable = false
        var specification: UInt64?
    }

    mutating func walk(_ reader: inout BinaryReader, version: UInt16) throws(DecodeError) -> CompileUnit {
        var unit = CompileUnit(offset: unitStart - (sections.info?.absoluteStart ?? 0), version: version,
                               addressSize: shape.addressSize, functions: [], declarations: [])
        var raw: [RawSubprogram] = []
        // Scope names of the open DIEs with children (nil for DIEs that add no scope).
        var scopes: [String?] = []
        var first = true
        while !reader.isAtEnd {
            let dieOffset = reader.offset
            let code = try reader.readVarUInt64("an abbreviation code")
            if code == 0 {
                if !scopes.isEmpty { scopes.removeLast() }
                continue
            }
            guard let entry = abbreviations[code] else { throw .dwarfAbbreviation(at: dieOffset, code: code) }
            var values: [(name: UInt64, value: AttributeValue, at: Int)] = []
            values.reserveCapacity(entry.attributes.count)
            for attribute in entry.attributes {
                let at = reader.offset
                values.append((attribute.name, try AttributeValue.read(form: attribute.form, implicitConst: attribute.implicitConst, from: &reader, unit: shape), at))
            }
            if first {
                first = false
                try readUnitAttributes(values, into: &unit)
            } else if entry.tag == DW.tagSubprogram || (entry.tag == DW.tagVariable && values.contains { $0.name == DW.atDeclaration }) {
                var subprogram = RawSubprogram(offset: UInt64(dieOffset - unitStart), scope: scopes.compactMap { $0 })
                subprogram.isVariable = entry.tag == DW.tagVariable
                for (name, value, at) in values {
                    switch name {
                    case DW.atName: subprogram.name = try string(value, at: at)
                    case DW.atLinkageName, DW.atMIPSLinkageName: subprogram.linkageName = try string(value, at: at)
                    case DW.atLowPC: subprogram.low = try address(value, at: at)
                    case DW.atHighPC:
                        if case .address = value { subprogram.high = value.unsigned }
                        else if case .addressIndex = value { subprogram.high = try address(value, at: at) }
                        else { subprogram.high = value.unsigned; subprogram.highIsOffset = true }
                    case DW.atDeclFile: subprogram.declFile = value.unsigned
                    case DW.atDeclLine: subprogram.declLine = value.unsigned
                    case DW.atDeclaration: if case .flag(let flag) = value { subprogram.declaration = flag }
                    case DW.atSpecification, DW.atAbstractOrigin:
                        if case .reference(let target, let global) = value {
                            subprogram.specification = global ? target &- UInt64(unitStart - (sections.info?.absoluteStart ?? 0)) : target
                        }
                    default: break
                    }
                }
                raw.append(subprogram)
            }
            if entry.hasChildren {
                var scopeName: String? = nil
                switch entry.tag {
                case DW.tagNamespace, DW.tagStructureType, DW.tagClassType, DW.tagUnionType, DW.tagEnumerationType, DW.tagSubprogram:
                    if let name = values.first(where: { $0.name == DW.atName }) {
                        scopeName = try string(name.value, at: name.at)
                    } else if entry.tag == DW.tagNamespace {
                        scopeName = "(anonymous namespace)"
                    }
                    // Nested functions are not part of a function's qualified name.
                    if entry.tag == DW.tagSubprogram { scopeName = nil }
                default: break
                }
                scopes.append(scopeName)
            }
        }
        try finish(raw, into: &unit)
        return unit
    }

    mutating func readUnitAttributes(_ values: [(name: UInt64, value: AttributeValue, at: Int)], into unit: inout CompileUnit) throws(DecodeError) {
        // The bases first: the unit's own strings may be `strx` forms.
        for (name, value, _) in values {
            if name == DW.atStrOffsetsBase, let base = value.unsigned { strOffsetsBase = base }
            if name == DW.atAddrBase, let base = value.unsigned { addrBase = base }
        }
        for (name, value, at) in values {
            switch name {
            case DW.atName: unit.name = try string(value, at: at)
            case DW.atCompDir: unit.compilationDirectory = try string(value, at: at)
            case DW.atProducer: unit.producer = try string(value, at: at)
            case DW.atLanguage: unit.language = value.unsigned
            case DW.atStmtList: unit.lineProgramOffset = value.unsigned
            default: break
            }
        }
    }

    /// Follows specifications, qualifies names, resolves declaration files.
    func finish(_ raw: [RawSubprogram], into unit: inout CompileUnit) throws(DecodeError) {
        var byOffset: [UInt64: Int] = [:]
        for (index, subprogram) in raw.enumerated() { byOffset[subprogram.offset] = index }
        var program: LineProgram? = nil
        if let offset = unit.lineProgramOffset, let line = sections.line, offset < UInt64(line.count) {
            program = try? LineProgram(section: line, offset: Int(offset), addressSize: shape.addressSize,
                                       str: sections.str, lineStr: sections.lineStr)
        }
        func file(_ index: UInt64?) -> String? {
            guard let index, let program, let path = program.path(ofFile: Int(clamping: index)) else { return nil }
            if path.hasPrefix("/") { return path }
            return DwarfPath.join(unit.compilationDirectory ?? "", path)
        }
        for subprogram in raw {
            // Up to a few specification/abstract-origin hops for the name and its scope.
            var named = subprogram
            var hops = 0
            while named.name == nil || named.linkageName == nil, let target = named.specification, let next = byOffset[target], hops < 4 {
                let origin = raw[next]
                if named.name == nil { named.name = origin.name; named.scope = origin.scope }
                if named.linkageName == nil { named.linkageName = origin.linkageName }
                if named.declFile == nil { named.declFile = origin.declFile; named.declLine = origin.declLine }
                named.specification = origin.specification
                hops += 1
            }
            guard let name = named.name ?? named.linkageName else { continue }
            if let low = subprogram.low, let high = subprogram.high, !subprogram.declaration {
                let end = subprogram.highIsOffset ? low &+ high : high
                guard end > low else { continue }
                unit.functions.append(DwarfFunction(
                    qualifiedName: (named.scope + [name]).joined(separator: "::"), linkageName: named.linkageName,
                    lowAddress: low, highAddress: end, declFile: file(named.declFile), declLine: named.declLine.map { UInt32(clamping: $0) }))
            } else if subprogram.declaration && subprogram.low == nil {
                unit.declarations.append(DwarfDeclaration(
                    name: name, linkageName: named.linkageName, isVariable: subprogram.isVariable,
                    declFile: file(named.declFile), declLine: named.declLine.map { UInt32(clamping: $0) }))
            }
        }
        unit.functions.sort { $0.lowAddress < $1.lowAddress }
    }

    func string(_ value: AttributeValue, at field: Int) throws(DecodeError) -> String? {
        switch value {
        case .stringIndex(let index):
            guard let offsets = sections.strOffsets else { throw .dwarfMissingSection(at: field, ".debug_str_offsets") }
            let size = shape.format.offsetSize
            let position = strOffsetsBase &+ index &* UInt64(size)
            guard position <= UInt64(offsets.count), UInt64(size) <= UInt64(offsets.count) - position else {
                throw .dwarfOffset(at: field, value: position, section: ".debug_str_offsets", size: offsets.count)
            }
            var reader = offsets.slice(relative: Int(position)..<(Int(position) + size)).reader()
            let offset = try reader.readUnsigned(size: size, "a string offset")
            guard let str = sections.str else { throw .dwarfMissingSection(at: field, ".debug_str") }
            return try str.dwarfString(at: offset, field: field, section: ".debug_str")
        default:
            return try FormStrings(format: shape.format, str: sections.str, lineStr: sections.lineStr).string(value, at: field)
        }
    }

    func address(_ value: AttributeValue, at field: Int) throws(DecodeError) -> UInt64? {
        switch value {
        case .address(let address): return address
        case .addressIndex(let index):
            guard let addresses = sections.addr else { throw .dwarfMissingSection(at: field, ".debug_addr") }
            let size = shape.addressSize
            let position = addrBase &+ index &* UInt64(size)
            guard position <= UInt64(addresses.count), UInt64(size) <= UInt64(addresses.count) - position else {
                throw .dwarfOffset(at: field, value: position, section: ".debug_addr", size: addresses.count)
            }
            var reader = addresses.slice(relative: Int(position)..<(Int(position) + size)).reader()
            return try reader.readUnsigned(size: size, "an address")
        default: return value.unsigned
        }
    }
}
