/// A 64-bit digest of a byte range, for telling whether a section or archive member changed
/// between two reads of a file. Not cryptographic: it only has to make an accidental match
/// between two different contents of one section vanishingly unlikely.
///
/// xxHash64's structure (four independent multiply-rotate lanes over 32-byte stripes), so a
/// 74 MB code section digests at several GB/s.
public enum ContentDigest {
    private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let prime3: UInt64 = 0x1656_67B1_9E37_79F9
    private static let prime4: UInt64 = 0x85EB_CA77_C2B2_AE63
    private static let prime5: UInt64 = 0x27D4_EB2F_1656_67C5

    /// The bytes handed to the chunk digests, which only read them.
    private struct Unshared: @unchecked Sendable {
        let input: UnsafeRawPointer
        let count: Int
    }

    @inline(__always)
    private static func round(_ accumulator: UInt64, _ input: UInt64) -> UInt64 {
        var value = accumulator &+ input &* prime2
        value = (value << 31) | (value >> 33)
        return value &* prime1
    }

    @inline(__always)
    private static func merge(_ accumulator: UInt64, _ lane: UInt64) -> UInt64 {
        (accumulator ^ round(0, lane)) &* prime1 &+ prime4
    }

    /// Windows at least this large are digested in 1 MiB chunks (spread by `work`).
    public static let parallelThreshold = 8 << 20
    static let chunkSize = 1 << 20

    /// The digest of `window`'s bytes: xxHash64 of the bytes, or, for windows of
    /// `parallelThreshold` bytes or more, xxHash64 of the chunks' xxHash64s (computed in
    /// in parallel when `work` spreads it: a 74 MB code section in a few milliseconds on two
    /// cores).
    public static func of(_ window: ByteWindow, work: any ParallelWork = InOrder()) -> UInt64 {
        window.withUnsafeBytes { bytes in
            guard bytes.count >= parallelThreshold, let base = bytes.baseAddress else { return digest(bytes) }
            let chunks = (bytes.count + chunkSize - 1) / chunkSize
            var digests: [UInt64] = []
            digests.reserveCapacity(chunks)
            // Each chunk digest reads its own chunk; all are done before `withUnsafeBytes` returns.
            let shared = Unshared(input: base, count: bytes.count)
            work.forEach(Array(0..<chunks), transform: { index in
                let start = index * chunkSize
                let length = min(chunkSize, shared.count - start)
                return digest(UnsafeRawBufferPointer(start: shared.input + start, count: length))
            }, consume: { digests.append($0) })
            return digests.withUnsafeBytes { digest($0) }
        }
    }

    /// The digest of raw bytes (xxHash64 with seed 0).
    public static func digest(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        guard let base = bytes.baseAddress else { return prime5 }
        let count = bytes.count
        var offset = 0
        var hash: UInt64
        if count >= 32 {
            var v1 = prime1 &+ prime2, v2 = prime2, v3: UInt64 = 0, v4: UInt64 = 0 &- prime1
            let limit = count - 32
            while offset <= limit {
                v1 = round(v1, base.loadUnaligned(fromByteOffset: offset, as: UInt64.self).littleEndian)
                v2 = round(v2, base.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self).littleEndian)
                v3 = round(v3, base.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self).littleEndian)
                v4 = round(v4, base.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self).littleEndian)
                offset += 32
            }
            hash = ((v1 << 1) | (v1 >> 63)) &+ ((v2 << 7) | (v2 >> 57)) &+ ((v3 << 12) | (v3 >> 52)) &+ ((v4 << 18) | (v4 >> 46))
            hash = merge(merge(merge(merge(hash, v1), v2), v3), v4)
        } else {
            hash = prime5
        }
        hash &+= UInt64(count)
        while offset + 8 <= count {
            let lane = round(0, base.loadUnaligned(fromByteOffset: offset, as: UInt64.self).littleEndian)
            hash ^= lane
            hash = ((hash << 27) | (hash >> 37)) &* prime1 &+ prime4
            offset += 8
        }
        if offset + 4 <= count {
            hash ^= UInt64(base.loadUnaligned(fromByteOffset: offset, as: UInt32.self).littleEndian) &* prime1
            hash = ((hash << 23) | (hash >> 41)) &* prime2 &+ prime3
            offset += 4
        }
        while offset < count {
            hash ^= UInt64(base.load(fromByteOffset: offset, as: UInt8.self)) &* prime5
            hash = ((hash << 11) | (hash >> 53)) &* prime1
            offset += 1
        }
        hash ^= hash >> 33
        hash = hash &* prime2
        hash ^= hash >> 29
        hash = hash &* prime3
        hash ^= hash >> 32
        return hash
    }
}
