/// The one error every decoder path throws: where in the input it happened and what was
/// expected there.
///
/// Offsets are absolute offsets in the file the user named. For an archive member the
/// archive reader adds `member`, so a message can name the member and the offset inside it
/// too. Running out of input is an ordinary error (`Kind.unexpectedEnd`) with a hint of how
/// many more bytes would help, which is what lets the push parser say "need N more bytes".
public struct DecodeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The class of problem.
    public enum Kind: Sendable, Equatable {
        /// The input ended inside an item; `needed` more bytes (at least) were expected.
        case unexpectedEnd(needed: Int)
        /// The bytes do not follow the format.
        case malformed
        /// A well-formed construct that this decoder does not handle.
        case unsupported
    }

    /// Where an archive member sits in its archive.
    public struct MemberLocation: Sendable, Equatable {
        /// The member's name, long names resolved.
        public var name: String
        /// Absolute offset of the member's first data byte in the archive.
        public var dataOffset: Int

        public init(name: String, dataOffset: Int) {
            self.name = name
            self.dataOffset = dataOffset
        }
    }

    /// What went wrong, broadly.
    public var kind: Kind
    /// Absolute byte offset in the input file.
    public var offset: Int
    /// What the decoder expected at `offset`, as a phrase ("a section id", "a valid UTF-8 name").
    public var expected: String
    /// Set when the error happened inside an archive member.
    public var member: MemberLocation?

    public init(kind: Kind, offset: Int, expected: String, member: MemberLocation? = nil) {
        self.kind = kind
        self.offset = offset
        self.expected = expected
        self.member = member
    }

    /// `at offset 0x1f (member offset 0x7): expected …`: the part after the file name.
    public var description: String {
        var text = "at offset 0x" + String(offset, radix: 16)
        if let member {
            text += " (member offset 0x" + String(offset - member.dataOffset, radix: 16) + ")"
        }
        return text + ": expected " + expected
    }

    /// `FILE(MEMBER)` for this error's input, given the file's path.
    public func inputName(path: String) -> String {
        member.map { "\(path)(\($0.name))" } ?? path
    }

    /// Whether more input could make this error go away (the push parser's "need more data").
    public var isUnexpectedEnd: Bool {
        if case .unexpectedEnd = kind { return true }
        return false
    }

    /// This error, placed inside the archive member `member`.
    public func inMember(_ member: MemberLocation) -> DecodeError {
        var copy = self
        if copy.member == nil { copy.member = member }
        return copy
    }
}
