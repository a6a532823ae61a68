/// How names are compared for near misses: case-insensitive, with `_`, `-`, `.`, `$` and `:`
/// folded away, so `mylibraryinit`, `MyLibrary_Init` and `mylibrary-init` are one name.
enum NameNormalization {
    /// The comparison form of `name` (ASCII letters lower-cased, separators removed).
    static func normalize(_ name: String) -> [UInt8] {
        var name = name
        var form: [UInt8] = []
        name.withUTF8 { bytes in
            form.reserveCapacity(bytes.count)
            append(bytes, to: &form)
        }
        return form
    }

    /// Appends the comparison form of the name in `bytes` to `form`.
    static func append(_ bytes: UnsafeBufferPointer<UInt8>, to form: inout [UInt8]) {
        // Written in place after growing `form` once: the near-miss index normalizes every
        // name of the libraries it indexes.
        let start = form.count
        form.append(contentsOf: repeatElement(0, count: bytes.count))
        let written = form.withUnsafeMutableBufferPointer { form in
            var written = start
            for byte in bytes {
                switch byte {
                case 0x5f, 0x2d, 0x2e, 0x24, 0x3a: continue          // _ - . $ :
                case 0x41...0x5a: form[written] = byte + 0x20        // A-Z
                default: form[written] = byte
                }
                written += 1
            }
            return written
        }
        form.removeLast(form.count - written)
    }

    /// A 64-bit signature of the bigrams of `bytes`: two names within edit distance `k` differ
    /// in at most `3k` bigrams each way (a swap of neighbours changes three), which a popcount
    /// of the signatures bounds cheaply.
    static func bigramSignature(_ bytes: some RandomAccessCollection<UInt8>) -> UInt64 {
        guard bytes.count >= 2 else { return bytes.first.map { 1 << UInt64($0 & 63) } ?? 0 }
        var signature: UInt64 = 0
        var previous = bytes.first!
        for byte in bytes.dropFirst() {
            let hash = (UInt32(previous) &* 31 &+ UInt32(byte)) &* 0x9e37_79b1
            signature |= 1 << UInt64(hash >> 26)
            previous = byte
        }
        return signature
    }

    /// The largest edit distance that still counts as a near miss for a name of `length`
    /// normalized bytes: none for very short names (too many false friends), one up to six
    /// bytes, two beyond.
    static func allowedDistance(length: Int) -> Int {
        length <= 3 ? 0 : length <= 6 ? 1 : 2
    }
}

/// Levenshtein distance with a cutoff: returns nil as soon as the distance must exceed
/// `limit`, computing only a diagonal band `2·limit + 1` wide (so a comparison costs
/// O(length · limit), not O(length²)). Adjacent transpositions count as one edit
/// (optimal string alignment), since swapped letters are the commonest typo.
func boundedEditDistance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int? {
    a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in boundedEditDistance(a, b, limit: limit) } }
}

/// `boundedEditDistance` over bytes in place (the near-miss index's forms).
func boundedEditDistance(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, limit: Int) -> Int? {
    let n = a.count, m = b.count
    if abs(n - m) > limit { return nil }
    if n == 0 || m == 0 { return max(n, m) <= limit ? max(n, m) : nil }
    let big = limit + 1
    var previousPrevious = [Int](repeating: big, count: m + 1)
    var previous = [Int](repeating: big, count: m + 1)
    var current = [Int](repeating: big, count: m + 1)
    for j in 0...min(m, limit) { previous[j] = j }
    for i in 1...n {
        let low = max(1, i - limit), high = min(m, i + limit)
        current[0] = i <= limit ? i : big
        if low > 1 { current[low - 1] = big }
        var rowMinimum = current[0]
        for j in low...high {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                value = min(value, previousPrevious[j - 2] + 1)
            }
            current[j] = min(value, big)
            rowMinimum = min(rowMinimum, current[j])
        }
        if high < m { current[high + 1] = big }
        if rowMinimum > limit { return nil }
        swap(&previousPrevious, &previous)
        swap(&previous, &current)
    }
    return previous[m] <= limit ? previous[m] : nil
}
