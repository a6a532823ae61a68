
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
public struct NearMissIndex: Sendable {
    private struct Key: Sendable {
        var normalized: [UInt8]
        var signature: UInt64
        var candidate: Int
        var fromDemangling: Bool
    }

    private let candidates: [NearMissCandidate]
    private var buckets: [Int: [Key]] = [:]
    /// Normalized forms of at least four bytes by their first and by their last four bytes:
    /// when one name is the other plus a prefix (or suffix), they share the last (or first)
    /// four bytes of the shorter one.
    private var byHead: [UInt32: [Key]] = [:]
    private var byTail: [UInt32: [Key]] = [:]

    /// Indexes `candidates`. `pathComponents` gives a mangled name's path components (nil for
    /// names that are not mangled); the default reads them straight from the mangling, without
    /// demangling (thousands of libc++ names index in milliseconds).
    /// Candidates are expected once each (a name defined in two places is two candidates).
    public init(candidates: [NearMissCandidate], pathComponents: (String) -> [String]? = MangledPath.components) {
        self.candidates = candidates
        buckets.reserveCapacity(64)
        for (index, candidate) in candidates.enumerated() {
            add(NameNormalization.normalize(candidate.name), candidate: index, fromDemangling: false)
            if let components = pathComponents(candidate.name) {
                for form in Self.pathForms(components) {
                    add(NameNormalization.normalize(form), candidate: index, fromDemangling: true)
                }
            }
        }
    }

    private mutating func add(_ normalized: [UInt8], candidate: Int, fromDemangling: Bool) {
        guard !normalized.isEmpty else { return }
        let key = Key(normalized: normalized, signature: NameNormalization.bigramSignature(normalized),
                      candidate: candidate, fromDemangling: fromDemangling)
        buckets[normalized.count, default: []].append(key)
        if normalized.count >= 4 {
            byHead[Self.fourBytes(normalized.prefix(4)), default: []].append(key)
            byTail[Self.fourBytes(normalized.suffix(4)), default: []].append(key)
        }
    }

    /// The last path component, and the last two joined with `_`: `[mylib, init]` → `init`,
    /// `mylib_init`.
    static func pathForms(_ components: [String]) -> [String] {
        guard let last = components.last else { return [] }
        return components.count >= 2 ? [last, components[components.count - 2] + "_" + last] : [last]
    }

    /// At most `limit` near misses for `name`, best first: spelling-only differences, then
    /// by edit distance, then affix and demangled-path matches; ties by name.
    public func nearMisses(for name: String, limit: Int = 3) -> [NearMiss] {
        let query = NameNormalization.normalize(name)
        guard !query.isEmpty else { return [] }
        var best: [Int: NearMiss] = [:]
        func offer(_ candidate: Int, _ reason: NearMiss.Reason, _ distance: Int) {
            guard candidates[candidate].name != name else { return }
            let offered = NearMiss(candidate: candidates[candidate], reason: reason, distance: distance)
            if let existing = best[candidate], Self.rank(existing) <= Self.rank(offered) { return }
            best[candidate] = offered
        }
        let allowed = NameNormalization.allowedDistance(length: query.count)
        if allowed == 0 {
            // Too short for typos: only the same name but for case and separators.
            for key in buckets[query.count] ?? [] where !key.fromDemangling && key.normalized == query {
                offer(key.candidate, .spelling, 0)
            }
        }
        let signature = NameNormalization.bigramSignature(query)
        if allowed > 0 {
            for length in (query.count - allowed)...(query.count + allowed) {
                for key in buckets[length] ?? [] {
                    // Each edit changes at most two bigrams.
                    guard (key.signature ^ signature).nonzeroBitCount <= 4 * allowed else { continue }
                    if let distance = boundedEditDistance(query, key.normalized, limit: allowed) {
                        offer(key.candidate, key.fromDemangling ? .demangledPath : (distance == 0 ? .spelling : .typo), distance)
                    }
                }
            }
        }
        // Affixes: one name is the other plus a prefix or suffix of up to 8 bytes
        // (`zlib_compress` for `compress`, `_start` for `start`).
        if query.count >= 4 {
            let sharing = (byHead[Self.fourBytes(query.prefix(4))] ?? []) + (byTail[Self.fourBytes(query.suffix(4))] ?? [])
            for key in sharing where abs(key.normalized.count - query.count) <= 8 && key.normalized.count != query.count {
                let (short, long) = key.normalized.count < query.count ? (key.normalized, query) : (query, key.normalized)
                if long.starts(with: short) || long.suffix(short.count).elementsEqual(short) {
                    offer(key.candidate, key.fromDemangling ? .demangledPath : .affix, long.count - short.count)
                }
            }
        }
        return best.values.sorted { a, b in
            let (ra, rb) = (Self.rank(a), Self.rank(b))
            return ra != rb ? ra < rb : a.candidate.name < b.candidate.name
        }.prefix(limit).map { $0 }
    }

    private static func fourBytes(_ bytes: some Collection<UInt8>) -> UInt32 {
        bytes.reduce(0) { $0 << 8 | UInt32($1) }
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
