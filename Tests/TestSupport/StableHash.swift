/// FNV-1a, 64-bit: a hash that is the same in every process (Swift's `Hasher` is seeded
/// per process), for naming cached fixtures.
public enum StableHash {
    public static func hex(of text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}
