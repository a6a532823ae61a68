import WasmDecoding

/// The one error LinkModel throws: the command line cannot be understood, an input cannot be
/// read or decoded, or the link uses something the model does not predict (`-shared`, `-pie`,
/// `-r`, LLVM bitcode). Every case is exit status 2 for the CLI; an undefined symbol is never an
/// error here, it is a prediction.
public struct LinkModelError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The arguments are not a link wasm-ld would run (unknown option, missing value…).
        case usage
        /// An input or side file cannot be opened or read.
        case unreadableInput
        /// An input is not a relocatable wasm object, an archive of them, or a `#STUB` file.
        case malformedInput
        /// A link mode or input the model does not predict.
        case notModelled
    }

    public var kind: Kind
    /// The user-facing message, complete.
    public var message: String
    /// The file concerned, if any.
    public var path: String?
    /// The decoder's error, for malformed inputs.
    public var decodeError: DecodeError?

    public init(kind: Kind, message: String, path: String? = nil, decodeError: DecodeError? = nil) {
        self.kind = kind
        self.message = message
        self.path = path
        self.decodeError = decodeError
    }

    public var description: String { message }
}

/// Every message, in one place.
extension LinkModelError {
    static func unknownArgument(_ argument: String) -> LinkModelError {
        LinkModelError(kind: .usage, message: "unknown argument: \(argument) (wasm-ld rejects it too)")
    }

    static func missingValue(_ argument: String) -> LinkModelError {
        LinkModelError(kind: .usage, message: "\(argument): missing argument")
    }

    static func invalidValue(_ option: String, _ value: String, expected: String) -> LinkModelError {
        LinkModelError(kind: .usage, message: "\(option): expected \(expected), but got '\(value)'")
    }

    static func notALink(_ why: String) -> LinkModelError {
        LinkModelError(kind: .usage, message: "not a link: \(why)")
    }

    static func noInputs() -> LinkModelError {
        LinkModelError(kind: .usage, message: "no input files")
    }

    static func libraryNotFound(_ name: String) -> LinkModelError {
        LinkModelError(kind: .unreadableInput, message: "unable to find library -l\(name)")
    }

    static func notModelled(_ what: String) -> LinkModelError {
        LinkModelError(kind: .notModelled, message: "\(what) is not modelled: wasm-undef only predicts ordinary (non-shared, non-PIE, non-relocatable) links of wasm objects")
    }

    public static func unreadable(_ path: String, _ reason: String) -> LinkModelError {
        LinkModelError(kind: .unreadableInput, message: "cannot open \(path): \(reason)", path: path)
    }

    /// An input that could not be opened or decoded, as wasm-ld words it:
    /// `cannot open a.o: No such file or directory`.
    public init(_ error: InputError) {
        switch error.reason {
        case .file(let failure): self = .unreadable(error.path, failure.reasonText)
        case .decode(let decodeError): self = .malformed(error.path, path: error.path, decodeError)
        case .notModelled: self = LinkModelError(kind: .notModelled, message: error.description, path: error.path)
        }
    }

    public static func malformed(_ name: String, path: String, _ error: DecodeError) -> LinkModelError {
        LinkModelError(kind: .malformedInput, message: "\(name): \(error)", path: path, decodeError: error)
    }

    static func unknownFileType(_ name: String, path: String) -> LinkModelError {
        LinkModelError(kind: .malformedInput, message: "\(name): unknown file type: expected a wasm object, an archive or a #STUB file", path: path)
    }

    static func notRelocatable(_ name: String, path: String) -> LinkModelError {
        LinkModelError(kind: .malformedInput, message: "\(name): not a relocatable wasm file (no linking section): a linked module cannot be linked again", path: path)
    }
}
