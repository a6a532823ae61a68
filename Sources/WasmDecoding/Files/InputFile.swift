/// A file the user named, mapped and classified; nothing decoded yet.
public struct InputFile: Sendable {
    /// The path as given.
    public let path: String
    public let storage: ByteStorage
    public let kind: InputKind

    /// Opens an input the one way wasm-undef opens inputs.
    ///
    /// Bytes a session keeps while the file may change under it (`keep`: the TUI, `--watch`)
    /// are read into memory when the file is at most `readLimit` bytes, so a build rewriting
    /// it in place can never pull a page from under a view of it; larger files, and files a
    /// one-shot command reads once, are mapped (nothing is read until a page is touched).
    ///
    /// - Parameters:
    ///   - path: the file to open (a captured link's copy, say).
    ///   - name: the path as the user named it, for messages (default: `path`).
    ///   - populate: for a mapping, fault every page in at once (a reload that digests every
    ///     section); see `ByteStorage.map(path:populate:)`.
    public static func open(path: String, name: String? = nil, keep: Bool = false, populate: Bool = false)
        throws(InputError) -> InputFile {
        let name = name ?? path
        do {
            if keep, let size = ByteStorage.regularFileSize(path: path), size <= readLimit {
                return InputFile(path: path, storage: try ByteStorage.read(path: path))
            }
            return InputFile(path: path, storage: try ByteStorage.map(path: path, populate: populate))
        } catch {
            var error = error
            error.path = name
            throw InputError(path: name, reason: .file(error))
        }
    }

    /// Inputs a session keeps up to this size are read into memory rather than mapped.
    public static let readLimit = 64 << 20

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
