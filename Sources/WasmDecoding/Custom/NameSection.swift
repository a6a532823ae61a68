/// One `(index, name)` pair of a name map.
public struct NameAssociation: SectionItem, Hashable {
    public var index: UInt32
    public var name: String

    public static var minimumEncodedSize: Int { 2 }

    public static func read(from reader: inout BinaryReader) throws(DecodeError) -> NameAssociation {
        let index = try reader.readVarUInt32("a name map index")
        return NameAssociation(index: index, name: try reader.readName("a name"))
    }
}

/// The index of a name-map entry with its name skipped, not decoded: for passes that only
/// need to know which elements are named.
public struct NameIndex: SectionItem, Hashable {
    public var index: UInt32

    public static var minimumEncodedSize: Int { 2 }

    public static func read(from reader: inout BinaryReader) throws(DecodeError) -> NameIndex {
        let index = try reader.readVarUInt32("a name map index")
        _ = try reader.readSizedWindow("a name")
        return NameIndex(index: index)
    }
}

/// One `(index, namemap)` pair of an indirect name map (locals, labels, fields).
public struct IndirectNameAssociation: SectionItem {
    public var index: UInt32
    public var names: SectionVector<NameAssociation>

    public static var minimumEncodedSize: Int { 2 }

    public static func read(from reader: inout BinaryReader) throws(DecodeError) -> IndirectNameAssociation {
        let index = try reader.readVarUInt32("an indirect name map index")
        let vector = try SectionVector<NameAssociation>(reader.rest, "names", requireEnd: false)
        var iterator = vector.makeIterator()
        while try iterator.next() != nil {}
        let consumed = iterator.rest.absoluteStart - reader.offset
        let window = try reader.readWindow(consumed)
        return IndirectNameAssociation(index: index, names: try SectionVector(window, "names"))
    }
}

/// The `name` custom section: every subsection LLVM and the extended-name-section proposal
/// define, each decoded only when asked for.
///
/// <https://webassembly.github.io/spec/core/appendix/custom.html#name-section>
public struct NameSection: Sendable {
    /// Subsection ids.
    public enum Kind: UInt8, Sendable, CaseIterable, CustomStringConvertible {
        case module = 0, function, local, label, type, table, memory, global, elementSegment, dataSegment, field, tag

        public var description: String {
            switch self {
            case .module: "module"
            case .function: "functions"
            case .local: "locals"
            case .label: "labels"
            case .type: "types"
            case .table: "tables"
            case .memory: "memories"
            case .global: "globals"
            case .elementSegment: "element segments"
            case .dataSegment: "data segments"
            case .field: "fields"
            case .tag: "tags"
            }
        }
    }

    /// The subsections in order (unknown ids kept, so they can be listed).
    public let subsections: [Subsection]

    public init(_ content: ByteWindow) throws(DecodeError) {
        subsections = try readSubsections(content, "name")
    }

    /// The module name, if present.
    public func moduleName() throws(DecodeError) -> String? {
        guard let subsection = subsections.first(where: { $0.id == Kind.module.rawValue }) else { return nil }
        return try insidePayload { () throws(DecodeError) -> String in
            var reader = subsection.payload.reader()
            let name = try reader.readName("a module name")
            try reader.expectEnd("the module name subsection")
            return name
        }
    }

    /// The name map of `kind` (functions, globals, data segments, …); nil if absent.
    public func nameMap(_ kind: Kind) throws(DecodeError) -> SectionVector<NameAssociation>? {
        guard kind != .module, kind != .local, kind != .label, kind != .field,
              let subsection = subsections.first(where: { $0.id == kind.rawValue }) else { return nil }
        return try SectionVector(subsection.payload, "a name map")
    }

    /// The indices of the name map of `kind`, names skipped.
    public func nameIndices(_ kind: Kind) throws(DecodeError) -> SectionVector<NameIndex>? {
        guard kind != .module, kind != .local, kind != .label, kind != .field,
              let subsection = subsections.first(where: { $0.id == kind.rawValue }) else { return nil }
        return try SectionVector(subsection.payload, "a name map")
    }

    /// The indirect name map of `kind` (locals, labels, fields); nil if absent.
    public func indirectNameMap(_ kind: Kind) throws(DecodeError) -> SectionVector<IndirectNameAssociation>? {
        guard kind == .local || kind == .label || kind == .field,
              let subsection = subsections.first(where: { $0.id == kind.rawValue }) else { return nil }
        return try SectionVector(subsection.payload, "an indirect name map")
    }
}
