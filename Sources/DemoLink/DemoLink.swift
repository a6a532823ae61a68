/// The bundled demo link: the objects `src/build.sh` built from the C files beside it,
/// embedded so that `wasm-undef` with no file can open the demo anywhere (and the tests can
/// load it without the executable).
public enum DemoLink {
    /// The demo's link line; `libcompress.a` stays off it (found as a search folder).
    public static var linkLine: [String] { DemoFiles.linkLine }

    /// Each demo file's name and bytes.
    public static var files: [(name: String, bytes: [UInt8])] {
        DemoFiles.files.map { ($0.name, Base64.decode($0.base64)) }
    }
}

/// Just enough base64 to unpack the embedded demo (no Foundation in the binary).
enum Base64 {
    static func decode(_ text: String) -> [UInt8] {
        var table = [UInt8](repeating: 0xff, count: 256)
        for (index, character) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            table[Int(character)] = UInt8(index)
        }
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count * 3 / 4)
        var buffer: UInt32 = 0, bits = 0
        for character in text.utf8 {
            let value = table[Int(character)]
            if value == 0xff { continue }
            buffer = buffer << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
            }
        }
        return output
    }
}
