import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import Findings
import TestSupport

@Suite("Near-miss names")
struct NearMissTests {
    static let library = [
        NearMissCandidate(name: "mylibrary_init", definedIn: "lib.o"),
        NearMissCandidate(name: "mylibrary_exit", definedIn: "lib.o"),
        NearMissCandidate(name: "zlib_compress", definedIn: "libz.a(compress.o)"),
        NearMissCandidate(name: "printf", definedIn: "libc.a(printf.o)"),
        NearMissCandidate(name: "fprintf", definedIn: "libc.a(fprintf.o)"),
        NearMissCandidate(name: "_ZN5mylib6config17h0123456789abcdefE", definedIn: "libmylib.rlib(mylib.o)"),
        NearMissCandidate(name: "open", definedIn: "libc.a(open.o)"),
    ]

    let index = NearMissIndex(candidates: NearMissTests.library)

    @Test("a missing underscore is a spelling difference, ranked first")
    func underscore() {
        let misses = index.nearMisses(for: "mylibraryinit")
        #expect(misses.first?.candidate == Self.library[0])
        #expect(misses.first?.reason == .spelling)
    }

    @Test("case differences are spelling differences")
    func caseOnly() {
        #expect(index.nearMisses(for: "MyLibrary_Init").first?.candidate.name == "mylibrary_init")
    }

    @Test("a typo within the allowed distance is found, with its distance")
    func typo() {
        let misses = index.nearMisses(for: "mylibrary_inti")
        #expect(misses.first?.candidate.name == "mylibrary_init")
        #expect(misses.first?.reason == .typo)
        #expect(misses.first?.distance == 1)
    }

    @Test("a swap of neighbours inside the name is one edit (pritnf → printf)")
    func swapInside() {
        let misses = index.nearMisses(for: "pritnf")
        #expect(misses.first?.candidate.name == "printf")
        #expect(misses.first?.distance == 1)
    }

    @Test("a missing prefix is an affix match")
    func missingPrefix() {
        let misses = index.nearMisses(for: "compress")
        #expect(misses.map(\.candidate.name) == ["zlib_compress"])
        #expect(misses.first?.reason == .affix)
    }

    @Test("a Rust path matches on its demangled last components")
    func rustPath() {
        let misses = index.nearMisses(for: "mylib_config")
        #expect(misses.first?.candidate.definedIn == "libmylib.rlib(mylib.o)")
        #expect(misses.first?.reason == .demangledPath)
    }

    @Test("path components are read from Itanium, Rust legacy and Rust v0 manglings")
    func mangledPaths() {
        #expect(MangledPath.components("_ZN5mylib6config17h0123456789abcdefE") == ["mylib", "config"])
        #expect(MangledPath.components("_ZNSt6vectorIiSaIiEE9push_backEOi") == ["vector", "push_back"])
        #expect(MangledPath.components("_RNvNtCs1234_5mylib6config4init") == ["mylib", "config", "init"])
        #expect(MangledPath.components("_Z4cfooi") == ["cfoo"])
        #expect(MangledPath.components("plain_c_name") == nil)
        #expect(MangledPath.components("_Z999999x") == nil)
        let index = NearMissIndex(candidates: [NearMissCandidate(name: "_RNvCs1234_5mylib6config", definedIn: "m.o")])
        #expect(index.nearMisses(for: "mylib_config").first?.reason == .demangledPath)
        #expect(index.nearMisses(for: "config").first?.candidate.definedIn == "m.o")
    }

    @Test("results are ranked and capped at three; unrelated names give nothing")
    func ranking() {
        let misses = index.nearMisses(for: "printff")
        #expect(misses.map(\.candidate.name).prefix(2) == ["fprintf", "printf"] || misses.map(\.candidate.name).prefix(2) == ["printf", "fprintf"])
        #expect(misses.count <= 3)
        #expect(index.nearMisses(for: "completely_unrelated_symbol").isEmpty)
        #expect(index.nearMisses(for: "opn").isEmpty, "names of three bytes or fewer admit no edits")
    }

    @Test("the symbol itself is never its own near miss")
    func notItself() {
        #expect(!index.nearMisses(for: "printf").contains { $0.candidate.name == "printf" })
    }

    @Test("the index finds exactly what comparing the name with every candidate finds")
    func indexAgreesWithAllPairs() {
        var generator = SplitMix64(seed: 0x5eed)
        let words = ["init", "exit", "my", "lib", "library", "config", "printf", "read", "write", "open", "close",
                     "alloc", "free", "zlib", "compress", "x", "io", "str", "len", "buf"]
        func word() -> String { words[Int(generator.next() % UInt64(words.count))] }
        var names = Set<String>()
        while names.count < 400 {
            let parts = (0...Int(generator.next() % 3)).map { _ in word() }
            switch generator.next() % 4 {
            case 0: names.insert("_ZN" + parts.map { "\($0.utf8.count)\($0)" }.joined() + "Ev")
            case 1: names.insert("_RNvCs1a_" + parts.map { "\($0.utf8.count)\($0)" }.joined())
            default: names.insert(parts.joined(separator: generator.next() % 2 == 0 ? "_" : ""))
            }
        }
        let candidates = names.sorted().map { NearMissCandidate(name: $0, definedIn: "lib.a(\($0).o)") }
        let index = NearMissIndex(candidates: candidates)
        // Queries: candidates with one or two random edits (a swap of neighbours among them),
        // a changed case, an added prefix, and unrelated names.
        var queries: [String] = []
        for candidate in candidates.prefix(150) {
            var bytes = Array(candidate.name.utf8)
            for _ in 0...Int(generator.next() % 2) where bytes.count > 2 {
                let at = Int(generator.next() % UInt64(bytes.count - 1))
                switch generator.next() % 4 {
                case 0: bytes.swapAt(at, at + 1)
                case 1: bytes.remove(at: at)
                case 2: bytes.insert(UInt8(ascii: "q"), at: at)
                default: bytes[at] = UInt8(ascii: "e")
                }
            }
            queries.append(String(decoding: bytes, as: UTF8.self))
        }
        queries += ["PRINTF", "my_printf", "zlib_", "io", "lbi", "free_all_the_things", "mylibraryinit", "configx"]
        for query in queries {
            let found = index.nearMisses(for: query, limit: .max)
            let expected = Self.allPairsNearMisses(for: query, among: candidates)
            #expect(found == expected, "\(query)")
        }
    }

    /// The near misses of `name` by the rules `NearMissIndex` documents, comparing with every
    /// candidate: what the index's buckets and filters must not change.
    static func allPairsNearMisses(for name: String, among candidates: [NearMissCandidate]) -> [NearMiss] {
        let query = NameNormalization.normalize(name)
        guard !query.isEmpty else { return [] }
        let allowed = NameNormalization.allowedDistance(length: query.count)
        var best: [NearMissCandidate: NearMiss] = [:]
        func rank(_ miss: NearMiss) -> Int {
            switch miss.reason {
            case .spelling: 0
            case .typo: 10 + miss.distance
            case .demangledPath: 20 + miss.distance
            case .affix: 30 + miss.distance
            }
        }
        for candidate in candidates where candidate.name != name {
            var forms = [(NameNormalization.normalize(candidate.name), false)]
            if let path = MangledPath.components(candidate.name) {
                forms.append((NameNormalization.normalize(path.last!), true))
                if path.count >= 2 { forms.append((NameNormalization.normalize(path[path.count - 2] + "_" + path.last!), true)) }
            }
            for (form, fromDemangling) in forms where !form.isEmpty {
                var offers: [NearMiss] = []
                if allowed == 0, !fromDemangling, form == query {
                    offers.append(NearMiss(candidate: candidate, reason: .spelling, distance: 0))
                }
                if allowed > 0, let distance = boundedEditDistance(query, form, limit: allowed) {
                    offers.append(NearMiss(candidate: candidate, reason: fromDemangling ? .demangledPath : (distance == 0 ? .spelling : .typo),
                                           distance: distance))
                }
                if query.count >= 4, form.count >= 4, form.count != query.count, abs(form.count - query.count) <= 8 {
                    let (short, long) = form.count < query.count ? (form, query) : (query, form)
                    if long.starts(with: short) || long.suffix(short.count).elementsEqual(short) {
                        offers.append(NearMiss(candidate: candidate, reason: fromDemangling ? .demangledPath : .affix, distance: long.count - short.count))
                    }
                }
                for offer in offers where best[candidate].map({ rank($0) > rank(offer) }) ?? true {
                    best[candidate] = offer
                }
            }
        }
        return best.values.sorted { rank($0) != rank($1) ? rank($0) < rank($1) : $0.candidate.name < $1.candidate.name }
    }

    @Test("bounded edit distance agrees with a plain Levenshtein up to its limit")
    func editDistance() {
        func plain(_ a: [UInt8], _ b: [UInt8]) -> Int {
            var d = Array(0...b.count)
            for i in 1...max(a.count, 1) where !a.isEmpty {
                var previous = d[0]
                d[0] = i
                for j in stride(from: 1, through: b.count, by: 1) {
                    let saved = d[j]
                    d[j] = min(d[j] + 1, d[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                    previous = saved
                }
            }
            return a.isEmpty ? b.count : d[b.count]
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let a = (0..<Int.random(in: 0...8, using: &generator)).map { _ in UInt8.random(in: 97...100, using: &generator) }
            let b = (0..<Int.random(in: 0...8, using: &generator)).map { _ in UInt8.random(in: 97...100, using: &generator) }
            let expected = plain(a, b)
            let bounded = boundedEditDistance(a, b, limit: 2)
            if expected <= 2 {
                // Transpositions may make the bounded one smaller, never larger.
                #expect(bounded != nil && bounded! <= expected, "\(a) \(b)")
            } else if let bounded {
                #expect(bounded <= 2 && bounded < expected, "\(a) \(b): a transposition shortcut")
            }
        }
    }
}
