import Findings
import LinkModel
import Synchronization
import WasmDecoding

/// What one load decoded, kept for the next load of the same inputs: listing rows per
/// section fingerprint, a linked module's symbols per the fingerprints of the sections they
/// come from, decoded objects (`DecodeCache`), the libraries of the search folders (reused
/// while none of their files changes) and standard input (which can be read once only).
/// A session (the TUI, `--watch`) loads through one store, so a reload decodes again only
/// what changed; a one-shot command loads without one.
public final class ReuseStore: Sendable {
    /// Decoded objects for `ResolvedLink.resolve(_:locations:inputs:cache:)`.
    public let decodeCache = DecodeCache()
    private let memo = Mutex(Memo())

    private struct Memo: Sendable {
        var loads = 0
        var standardInput: InputFile?
        var rows: [SectionFingerprint: SectionListing.Row] = [:]
        var moduleSymbols: [String: (key: [SectionFingerprint], rows: [ListedSymbol])] = [:]
        var libraries: LibraryFolders.Scan?
    }

    public init() {}

    /// Whether a load has gone through this store (a next load is a reload).
    public var hasLoaded: Bool { memo.withLock { $0.loads > 0 } }

    /// Counts a load that went through the store.
    func beginLoad() {
        memo.withLock { $0.loads += 1 }
    }

    /// An input read from standard input: it can be read once only, so later loads take it
    /// from here.
    var standardInput: InputFile? {
        get { memo.withLock { $0.standardInput } }
        set { memo.withLock { $0.standardInput = newValue } }
    }

    /// The libraries of the last load's search folders.
    var libraries: LibraryFolders.Scan? {
        get { memo.withLock { $0.libraries } }
        set { memo.withLock { $0.libraries = newValue } }
    }

    /// The rows of one binary's sections, decoded again only for sections whose fingerprint
    /// (position and digest) is new. Counts what it decoded and reused.
    func rows(_ binary: WasmBinary, _ fingerprints: [SectionFingerprint], statistics: inout ReloadStatistics)
        throws(DecodeError) -> [SectionListing.Row] {
        var rows: [SectionListing.Row] = []
        rows.reserveCapacity(binary.sections.count)
        for (section, fingerprint) in zip(binary.sections, fingerprints) {
            if var row = memo.withLock({ $0.rows[fingerprint] }) {
                row.index = section.header.index
                rows.append(row)
                statistics.sectionsReused += 1
                continue
            }
            let row = try SectionListing.Row(section, of: binary)
            memo.withLock { $0.rows[fingerprint] = row }
            rows.append(row)
            statistics.sectionsDecoded += 1
        }
        return rows
    }

    /// The fingerprints a linked module's symbols depend on (type, import, function, table,
    /// global, export and tag sections, and `name`).
    static func moduleSymbolKey(_ fingerprints: [SectionFingerprint]) -> [SectionFingerprint] {
        let relevant: Set<SectionID> = [.type, .import, .function, .table, .global, .export, .tag]
        return fingerprints.filter { relevant.contains($0.id) || $0.name == "name" }
    }

    /// A linked module's symbols from the last load, if the sections they come from did not change.
    func moduleSymbols(path: String, key: [SectionFingerprint]) -> [ListedSymbol]? {
        memo.withLock { memo in
            guard let cached = memo.moduleSymbols[path], cached.key == key else { return nil }
            return cached.rows
        }
    }

    /// Remembers a linked module's symbols for the next load.
    func remember(moduleSymbols rows: [ListedSymbol], path: String, key: [SectionFingerprint]) {
        memo.withLock { $0.moduleSymbols[path] = (key, rows) }
    }
}
