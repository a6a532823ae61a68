import Synchronization
import WasmDecoding

/// What decoding one object yields, before any link-specific work: its symbol view, chunk
/// ranges, relocations and features. It depends only on the object's bytes, so it can be
/// reused by the next resolve of a link whose inputs changed elsewhere.
struct DecodedObject: Sendable {
    var object: ObjectFile
    var bodies: [FunctionBody]
    var dataSegments: [DataSegment]
    var relocationsBySection: [Int: [Relocation]]
    var features: [(Character, String)]

    /// Decodes everything `parseObject` needs from a walked object.
    init(_ binary: WasmBinary) throws(DecodeError) {
        object = try ObjectFile(binary)
        bodies = try object.functionBodies()
        dataSegments = try object.dataSegments()
        relocationsBySection = [:]
        for group in try object.relocationGroups() {
            relocationsBySection[group.target.index, default: []] += try object.relocations(in: group)
        }
        features = try binary.targetFeaturesSection()?.features.map { ($0.prefix, $0.name) } ?? []
    }
}

/// Remembers decoded objects between resolves of the same link (the TUI's reload, `report
/// --watch`), so that after an edit only the objects whose linking-relevant sections changed
/// are decoded again.
///
/// An object is found again by its name (`a.o`, `libc.a(printf.o)`) and the fingerprints
/// (position and digest) of the sections decoding reads; sections that are only listed
/// (`name`, `producers`, `.debug_*`) may change without invalidating it. Each resolve counts
/// what it decoded and what it reused.
public final class DecodeCache: Sendable {
    /// What one resolve decoded and reused.
    public struct Statistics: Sendable, Hashable {
        public var objectsDecoded = 0
        public var objectsReused = 0
        /// Sections read by the decoded objects, and by the reused ones.
        public var sectionsDecoded = 0
        public var sectionsReused = 0

        public init() {}
    }

    private struct Entry: Sendable {
        var key: [SectionFingerprint]
        var decoded: DecodedObject
    }

    private struct State: Sendable {
        var previous: [String: Entry] = [:]
        var current: [String: Entry] = [:]
        var statistics = Statistics()
    }

    private let state = Mutex(State())

    public init() {}

    /// Starts a new resolve: what the last one used becomes what this one may reuse.
    func beginResolve() {
        state.withLock { state in
            state.previous.merge(state.current) { _, new in new }
            state.current = [:]
            state.statistics = Statistics()
        }
    }

    /// The statistics of the last resolve.
    public var lastStatistics: Statistics { state.withLock { $0.statistics } }

    /// The decoded object for `binary` named `name`, reused when its relevant sections are
    /// unchanged.
    func decoded(name: String, binary: WasmBinary) throws(DecodeError) -> DecodedObject {
        let key = binary.sections.filter { WasmBinary.isReadForLinking($0.header) }.map(SectionFingerprint.init)
        if let entry = state.withLock({ $0.previous[name] ?? $0.current[name] }), entry.key == key {
            state.withLock { state in
                state.current[name] = entry
                state.statistics.objectsReused += 1
                state.statistics.sectionsReused += key.count
            }
            return entry.decoded
        }
        let decoded = try DecodedObject(binary)
        state.withLock { state in
            state.current[name] = Entry(key: key, decoded: decoded)
            state.statistics.objectsDecoded += 1
            state.statistics.sectionsDecoded += key.count
        }
        return decoded
    }
}
