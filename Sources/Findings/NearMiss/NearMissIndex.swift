
/// A defined name that an undefined symbol might have meant.
public struct NearMissCandidate: Sendable, Hashable {
    /// The symbol name as the linker sees it (mangled for C++/Rust).
    public var name: String
    /// Where it is defined: `lib.o`, `libfoo.a(bar.o)`.
    public var definedIn: String

    public init(name: String, definedIn: String) {
        self.name = name
        self.definedIn = definedIn
    }
}

/// One suggestion for an undefined symbol.
public struct NearMiss: Sendable, Hashable {
    /// Why the candidate is close.
    public enum Reason: String, Sendable, Hashable {
        /// Same name but for case and `_`/`-`/`.` separators.
        case spelling
        /// Within a small edit distance (a typo).
        case typo
        /// One name is the other with a prefix or suffix (a namespace or `_` prefix).
        case affix
        /// The demangled path of a C++/Rust name ends with the undefined name (or the other
        /// way round).
        case demangledPath = "demangled-path"
    }

    public var candidate: NearMissCandidate
    public var reason: Reason
    /// Edit distance between the normalized forms (0 for `spelling`).
    public var distance: Int
}

/// Finds, for an undefined symbol, the closest defined names: at most three, ranked, each
/// with where it is defined.
///
/// The index buckets candidates by normalized length, so a query compares only with names
/// within two bytes of its own length, after a bigram-signature filter, with a banded edit
/// distance; demangled C++/Rust names are indexed under their last path component(s) too.
/// Scoring the undefined symbols of a link against wasi-libc (thousands of candidates)
/// therefore takes milliseconds, not an all-pairs loop.
///
/// Building it is on the critical path of `report` (the libraries of the `-L` folders are
/// indexed while the link resolves), so the normalized forms live back to back in one byte
/// array and every table holds plain integers: no allocation per name beyond the growth of
/// those arrays.
public struct NearMissIndex: Sendable {
    /// One indexed form: `length` bytes of `bytes` from `start`.
    private struct Key: Sendable {
        var start: Int32
        var length: Int32
        var candidate: Int32
        var fromDemangling: Bool
        var signature: UInt64
    }

    private let candidates: [NearMissCandidate]
    /// The normalized forms, back to back.
    private var bytes: [UInt8] = []
    private var keys: [Key] = []
    /// Key numbers by normalized length.
    private var byLength: [[Int32]] = []
    /// Forms of at least four bytes by their first (`heads`) and last (`tails`) four bytes:
    /// when one name is the other plus a prefix (or suffix), they share the last (or first)
    /// four bytes of the shorter one.
    private var heads = FourByteTable()
    private var tails = FourByteTable()

    /// Indexes `candidates`, and each mangled name also under its last path component(s)
    /// as `MangledPath` reads them (thousands of libc++ names index in about a millisecond).
    /// Candidates are expected once each (a name defined in two places is two candidates).
    public init(candidates: [NearMissCandidate]) {
        self.candidates = candidates
        bytes.reserveCapacity(candidates.count * 24)
        keys.reserveCapacity(candidates.count + candidates.count / 2)
        for (number, candidate) in candidates.enumerated() {
            var name = candidate.name
            name.withUTF8 { name in
                addForm(number, fromDemangling: false) { NameNormalization.append(name, to: &$0) }
                let components = MangledPath.componentRanges(name)
                guard let last = components.last else { return }
                // The last component, and the last two joined (`mylib_init` for mylib::init;
                // the joining `_` is one that normalizing drops anyway).
                addForm(number, fromDemangling: true) { NameNormalization.append(UnsafeBufferPointer(rebasing: name[last]), to: &$0) }
                if components.count >= 2 {
                    let previous = components[components.count - 2]
                    addForm(number, fromDemangling: true) {
                        NameNormalization.append(UnsafeBufferPointer(rebasing: name[previous]), to: &$0)
                        NameNormalization.append(UnsafeBufferPointer(rebasing: name[last]), to: &$0)
                    }
                }
            }
        }
        bytes.withUnsafeBufferPointer { bytes in
            let long = keys.indices.filter { keys[$0].length >= 4 }
            heads = FourByteTable(long.map { (Self.fourBytes(bytes, at: Int(keys[$0].start)), Int32($0)) })
            tails = FourByteTable(long.map { (Self.fourBytes(bytes, at: Int(keys[$0].start + keys[$0].length) - 4), Int32($0)) })
        }
    }

    /// Appends one normalized form written by `write` and files it.
    private mutating func addForm(_ candidate: Int, fromDemangling: Bool, _ write: (inout [UInt8]) -> Void) {
        let start = bytes.count
        write(&bytes)
        let length = bytes.count - start
        guard length > 0 else { return }
        let number = Int32(keys.count)
        let signature = bytes.withUnsafeBufferPointer { NameNormalization.bigramSignature(UnsafeBufferPointer(rebasing: $0[start..<(start + length)])) }
        keys.append(Key(start: Int32(start), length: Int32(length), candidate: Int32(candidate), fromDemangling: fromDemangling, signature: signature))
        if byLength.count <= length { byLength += Array(repeating: [], count: length + 1 - byLength.count) }
        byLength[length].append(number)
    }

    /// At most `limit` near misses for `name`, best first: spelling-only differences, then
    /// by edit distance, then affix and demangled-path matches; ties by name.
    public func nearMisses(for name: String, limit: Int = 3) -> [NearMiss] {
        let query = NameNormalization.normalize(name)
        guard !query.isEmpty else { return [] }
        var best: [Int: NearMiss] = [:]
        func offer(_ key: Key, _ reason: NearMiss.Reason, _ distance: Int) {
            let candidate = Int(key.candidate)
            guard candidates[candidate].name != name else { return }
            let offered = NearMiss(candidate: candidates[candidate], reason: reason, distance: distance)
            if let existing = best[candidate], Self.rank(existing) <= Self.rank(offered) { return }
            best[candidate] = offered
        }
        bytes.withUnsafeBufferPointer { bytes in
            query.withUnsafeBufferPointer { query in
                func form(_ key: Key) -> UnsafeBufferPointer<UInt8> {
                    UnsafeBufferPointer(rebasing: bytes[Int(key.start)..<Int(key.start + key.length)])
                }
                let allowed = NameNormalization.allowedDistance(length: query.count)
                if allowed == 0 {
                    // Too short for typos: only the same name but for case and separators.
                    for number in byLength.indices.contains(query.count) ? byLength[query.count] : [] {
                        let key = keys[Int(number)]
                        if !key.fromDemangling, form(key).elementsEqual(query) { offer(key, .spelling, 0) }
                    }
                } else {
                    let signature = NameNormalization.bigramSignature(query)
                    for length in max(query.count - allowed, 0)...(query.count + allowed) where length < byLength.count {
                        for number in byLength[length] {
                            let key = keys[Int(number)]
                            // An edit changes at most three bigrams each way (a swap of neighbours:
                            // ab·bc·cd → ac·cb·bd), so at most six bits of the signature.
                            guard (key.signature ^ signature).nonzeroBitCount <= 6 * allowed else { continue }
                            if let distance = boundedEditDistance(query, form(key), limit: allowed) {
                                offer(key, key.fromDemangling ? .demangledPath : (distance == 0 ? .spelling : .typo), distance)
                            }
                        }
                    }
                }
                // Affixes: one name is the other plus a prefix or suffix of up to 8 bytes
                // (`zlib_compress` for `compress`, `_start` for `start`).
                guard query.count >= 4 else { return }
                for (table, four) in [(heads, Self.fourBytes(query, at: 0)), (tails, Self.fourBytes(query, at: query.count - 4))] {
                    table.forEach(four) { number in
                        let key = keys[Int(number)]
                        let length = Int(key.length)
                        guard abs(length - query.count) <= 8, length != query.count else { return }
                        let (short, long) = length < query.count ? (form(key), query) : (query, form(key))
                        if long.starts(with: short) || long.suffix(short.count).elementsEqual(short) {
                            offer(key, key.fromDemangling ? .demangledPath : .affix, long.count - short.count)
                        }
                    }
                }
            }
        }
        return best.values.sorted { a, b in
            let (ra, rb) = (Self.rank(a), Self.rank(b))
            return ra != rb ? ra < rb : a.candidate.name < b.candidate.name
        }.prefix(limit).map { $0 }
    }

    /// The four bytes of `bytes` from `offset`, as one number.
    private static func fourBytes(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt32 {
        UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16 | UInt32(bytes[offset + 2]) << 8 | UInt32(bytes[offset + 3])
    }

    /// Two ranked lists as one, best first, each candidate once, at most `limit`.
    public static func merged(_ first: [NearMiss], _ second: [NearMiss], limit: Int = 3) -> [NearMiss] {
        var seen = Set<NearMissCandidate>()
        return (first + second).sorted { a, b in
            let (ra, rb) = (rank(a), rank(b))
            return ra != rb ? ra < rb : a.candidate.name < b.candidate.name
        }.filter { seen.insert($0.candidate).inserted }.prefix(limit).map { $0 }
    }

    /// Lower is better.
    private static func rank(_ miss: NearMiss) -> Int {
        switch miss.reason {
        case .spelling: return 0
        case .typo: return 10 + miss.distance
        case .demangledPath: return 20 + miss.distance
        case .affix: return 30 + miss.distance
        }
    }
}

/// Key numbers by a four-byte value: a hash table of chains in two integer arrays, built in
/// one pass (no allocation per entry, no sort).
private struct FourByteTable: Sendable {
    /// Per bucket, the first entry + 1 (0: empty).
    private var buckets: [Int32] = []
    /// Per entry: its value, its key number and the next entry of its bucket + 1.
    private var values: [UInt32] = []
    private var keys: [Int32] = []
    private var next: [Int32] = []

    init() {}

    init(_ entries: [(value: UInt32, key: Int32)]) {
        var size = 16
        while size < entries.count * 2 { size *= 2 }
        buckets = Array(repeating: 0, count: size)
        values = entries.map(\.value)
        keys = entries.map(\.key)
        next = Array(repeating: 0, count: entries.count)
        for (entry, value) in values.enumerated() {
            let bucket = Self.bucket(value, size)
            next[entry] = buckets[bucket]
            buckets[bucket] = Int32(entry + 1)
        }
    }

    /// Calls `body` with the key number of every entry whose value is `value`.
    func forEach(_ value: UInt32, _ body: (Int32) -> Void) {
        guard !buckets.isEmpty else { return }
        var entry = buckets[Self.bucket(value, buckets.count)]
        while entry != 0 {
            let index = Int(entry - 1)
            if values[index] == value { body(keys[index]) }
            entry = next[index]
        }
    }

    private static func bucket(_ value: UInt32, _ size: Int) -> Int {
        Int((value &* 0x9e37_79b1) >> 7) & (size - 1)
    }
}
