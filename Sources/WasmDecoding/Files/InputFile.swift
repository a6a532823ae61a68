/// A file the user named, mapped and classified; nothing decoded yet.
public struct InputFile: Sendable {
    /// The path as given.
    public let path: String
    public let storage: ByteStorage
    public let kind: InputKind

    /// Maps `path` (or reads it, for pipes) and classifies it. `populate`: see
    /// `ByteStorage.map(path:populate:)`.
    public init(path: String, populate: Bool = false) throws(InputError) {
        do {
            storage = try ByteStorage.map(path: path, populate: populate)
        } catch {
            throw InputError(path: path, reason: .file(error))
        }
        self.path = path
        kind = InputKind.classify(storage.window, name: path)
    }

    /// An input over bytes already in memory (standard input, tests).
    public init(path: String, storage: ByteStorage) {
        self.path = path
        self.storage = storage
        kind = InputKind.classify(storage.window, name: path)
    }

    public var window: ByteWindow { storage.window }

    /// Runs a decoder over this file, turning its errors into `InputError`s that name the file.
    public func decode<T>(_ body: (ByteWindow) throws(DecodeError) -> T) throws(InputError) -> T {
        do {
            return try body(window)
        } catch {
            throw InputError(path: path, reason: .decode(error))
        }
    }
}

/// An input that could not be used: the file could not be read, or its bytes are malformed.
/// Its description is the one line the CLI prints after `wasm-undef: error: `.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        case file(FileError)
        case decode(DecodeError)
        /// A well-formed input that this tool does not model (bitcode, components in a link…).
        case notModelled(String)
    }

    public var path: String
    public var reason: Reason

    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    /// `FILE(MEMBER): at offset 0x…: expected …`, `FILE: cannot open: No such file or directory`.
    public var description: String {
        switch reason {
        case .file(let error): error.description
        case .decode(let error): "\(error.inputName(path: path)): \(error)"
        case .notModelled(let what): "\(path): \(what)"
        }
    }
}
