/// The `producers` custom section: which languages and tools made the binary.
///
/// <https://github.com/WebAssembly/tool-conventions/blob/main/ProducersSection.md>
public struct ProducersSection: Sendable, Hashable {
    /// A field (`language`, `processed-by`, `sdk`) and its `(name, version)` values.
    public struct Field: SectionItem, Hashable {
        public var name: String
        public var values: [Value]

        public static var minimumEncodedSize: Int { 2 }

        public static func read(from reader: inout BinaryReader) throws(DecodeError) -> Field {
            let name = try reader.readName("a producers field name")
            let count = try reader.readCount(minimumItemSize: 2, "producers values")
            var values: [Value] = []
            values.reserveCapacity(Int(count))
            for _ in 0..<count {
                let valueName = try reader.readName("a producer name")
                values.append(Value(name: valueName, version: try reader.readName("a producer version")))
            }
            return Field(name: name, values: values)
        }
    }

    public struct Value: Sendable, Hashable {
        public var name: String
        public var version: String
    }

    public var fields: [Field]

    public init(_ content: ByteWindow) throws(DecodeError) {
        fields = try SectionVector<Field>(content, "producers fields").collect()
    }
}

/// The `target_features` custom section: features used (`+`), required (`=`) or disallowed (`-`).
public struct TargetFeaturesSection: Sendable, Hashable {
    public struct Feature: SectionItem, Hashable {
        /// `+`, `-` or `=`.
        public var prefix: Character
        public var name: String

        public static var minimumEncodedSize: Int { 2 }

        public static func read(from reader: inout BinaryReader) throws(DecodeError) -> Feature {
            let prefixOffset = reader.offset
            let prefix = try reader.readByte("a feature prefix")
            guard prefix == 0x2b || prefix == 0x2d || prefix == 0x3d else {
                throw .badTag(at: prefixOffset, value: UInt64(prefix), "a feature prefix '+', '-' or '='")
            }
            return Feature(prefix: Character(Unicode.Scalar(prefix)), name: try reader.readName("a feature name"))
        }
    }

    public var features: [Feature]

    public init(_ content: ByteWindow) throws(DecodeError) {
        features = try SectionVector<Feature>(content, "target features").collect()
    }

    /// Whether `name` is used or required.
    public func uses(_ name: String) -> Bool {
        features.contains { $0.name == name && $0.prefix != "-" }
    }
}
