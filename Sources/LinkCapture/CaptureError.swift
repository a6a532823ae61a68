/// The one error LinkCapture throws: a capture cannot be written, found or read back.
public struct CaptureError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The named capture (folder, `link.json` or name in the captures folder) does not exist.
        case notFound
        /// `link.json` is not a capture manifest this version reads.
        case malformedManifest
        /// A file or folder cannot be created, written or removed.
        case fileSystem
    }

    public var kind: Kind
    /// The user-facing message, complete.
    public var message: String
    /// The file concerned, if any.
    public var path: String?

    public init(kind: Kind, message: String, path: String? = nil) {
        self.kind = kind
        self.message = message
        self.path = path
    }

    public var description: String { message }
}

/// Every message, in one place.
extension CaptureError {
    static func notFound(_ name: String, root: String) -> CaptureError {
        CaptureError(kind: .notFound, message: "no capture \(name): not a capture folder, a link.json, or a capture in \(root)", path: name)
    }

    static func noCaptures(in root: String) -> CaptureError {
        CaptureError(kind: .notFound, message: "no captures in \(root): link through wasm-undef-ld first", path: root)
    }

    static func malformed(_ path: String, _ what: String) -> CaptureError {
        CaptureError(kind: .malformedManifest, message: "\(path): not a wasm-undef capture manifest: \(what)", path: path)
    }

    static func fileSystem(_ what: String, _ path: String, reason: String) -> CaptureError {
        CaptureError(kind: .fileSystem, message: "cannot \(what) \(path): \(reason)", path: path)
    }
}
