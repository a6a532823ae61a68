#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading an input from a pipe (`wasm-undef sections -`): chunk by chunk through the push
/// parser, so a caller can show the sections that have arrived while the rest is still
/// coming, and an incomplete input fails with the offset where it stopped.
public enum StandardInput {
    /// The name an input read from standard input has in messages.
    public static let displayName = "<stdin>"

    /// Reads `descriptor` to its end. While the bytes are a wasm binary, `progress` is called
    /// with the stream after every chunk that completed a section.
    /// - Throws: `InputError` when reading fails, or when the input stops inside a section.
    public static func read(descriptor: Int32 = 0, chunkSize: Int = 1 << 16,
                            progress: (ModuleStream) -> Void = { _ in }) throws(InputError) -> InputFile {
        var stream = ModuleStream()
        var all: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        var isWasm: Bool? = nil
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw InputError(path: displayName, reason: .file(FileError(path: displayName, errno: errno, action: "read")))
            }
            if count == 0 { break }
            all.append(contentsOf: chunk[..<count])
            if isWasm == nil, all.count >= 4 { isWasm = Array(all.prefix(4)) == ModuleHeader.magic }
            if isWasm == true {
                do {
                    let payloads = try stream.feed(chunk[..<count])
                    if !payloads.isEmpty { progress(stream) }
                } catch {
                    throw InputError(path: displayName, reason: .decode(error))
                }
            }
        }
        if isWasm == true {
            do {
                _ = try stream.finish()
                progress(stream)
            } catch {
                throw InputError(path: displayName, reason: .decode(error))
            }
        }
        return InputFile(path: displayName, storage: ByteStorage(copying: all))
    }
}

private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
