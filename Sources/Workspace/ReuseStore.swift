import Findings
import LinkModel
import Synchronization
import WasmDecoding

/// What one load decoded, kept for the next load of the same inputs: listing rows per
/// section fingerprint, a linked module's symbols per the fingerprints of the sections they
/// come from, decoded objects (`DecodeCache`) and the libraries of the search folders
/// (`LibraryIndex`, reused while none of their files changes). Both `LinkSession` (the CLI's
/// `--watch`) and the TUI's loader go through one store, so a reload decodes again only what
/// changed.
public final class ReuseStore: Sendable {
    /// Decoded objects for `ResolvedLink.resolve(_:cache:)`.
    public let decodeCache = DecodeCache()
    private let memo = Mutex(Memo())

    private struct Memo: Sendable {
        var standardInput: InputFile?
        var rows: [SectionFingerprint: SectionListing.Row] = [:]
        var moduleSymbols: [String: (key: [SectionFingerprint], rows: [ListedSymbol])] = [:]
        var libraries: LibraryIndex?
    }

    public init() {}

    /// Whether a load has gone through this store (a next load is a reload).
    public var hasLoaded: Bool { memo.withLock { !$0.rows.isEmpty } }

    /// An input read from standard input: it can be read once only, so later loads take it
    /// from here.
    public var standardInput: InputFile? {
        get { memo.withLock { $0.standardInput } }
        set { memo.withLock { $0.standardInput = newValue } }
    }

    /// The findings context of a resolved link, with the libraries of its search folders read
    /// again only when one of their files changed since the last load.
    public func findings(for resolved: ResolvedLink, searchFolders: [String]) -> FindingsContext {
        let context = FindingsContext(resolved: resolved, searchFolders: searchFolders, reusing: memo.withLock { $0.libraries })
        memo.withLock { $0.libraries = context.libraries }
        return context
    }

    /// The section listing of one binary: a row per section, decoded again only for sections
    /// whose fingerprint (position and digest) is new. Counts what it decoded and reused.
    public func listing(_ binary: WasmBinary, _ fingerprints: [SectionFingerprint], path: String, member: String?,
                        statistics: inout ReloadStatistics) -> SectionListing {
        let kind: InputKind = binary.isComponent ? .component : binary.isRelocatable ? .object : .module
        guard !binary.isComponent else {
            return SectionListing(path: path, member: member, kind: kind, note: "a component: its sections are not listed", sections: [])
        }
        var rows: [SectionListing.Row] = []
        rows.reserveCapacity(binary.sections.count)
        for (section, fingerprint) in zip(binary.sections, fingerprints) {
            if var row = memo.withLock({ $0.rows[fingerprint] }) {
                row.index = section.header.index
                rows.append(row)
                statistics.sectionsReused += 1
                continue
            }
            let count = try? binary.itemCount(of: section)
            let row = SectionListing.Row(index: section.header.index, id: section.header.id.rawValue, name: section.header.displayName,
                                         offset: section.header.headerOffset, size: section.header.size, count: count ?? nil)
            memo.withLock { $0.rows[fingerprint] = row }
            rows.append(row)
            statistics.sectionsDecoded += 1
        }
        return SectionListing(path: path, member: member, kind: kind, note: nil, sections: rows)
    }

    /// The listings of a file (one per archive member, non-wasm members listed as skipped,
    /// in member order) and its wasm binaries with their fingerprints, reusing rows of
    /// unchanged sections. `path` is the name the listings carry.
    public func listings(of file: InputFile, path: String, statistics: inout ReloadStatistics)
        throws(DecodeError) -> (listings: [SectionListing], binaries: [(member: String?, binary: WasmBinary, fingerprints: [SectionFingerprint])]) {
        var listings: [SectionListing] = []
        var binaries: [(member: String?, binary: WasmBinary, fingerprints: [SectionFingerprint])] = []
        func add(_ binary: WasmBinary, member: String?) {
            let fingerprints = binary.fingerprints()
            listings.append(listing(binary, fingerprints, path: path, member: member, statistics: &statistics))
            binaries.append((member, binary, fingerprints))
        }
        if file.kind == .archive {
            for member in try Archive(file.window).members {
                if member.hasWasmMagic {
                    add(try member.binary(), member: member.name)
                } else {
                    listings.append(SectionListing(path: path, member: member.name, kind: member.kind, note: "skipped", sections: []))
                }
            }
        } else {
            add(try WasmBinary(file.window), member: nil)
        }
        return (listings, binaries)
    }

    /// The fingerprints a linked module's symbols depend on (type, import, function, table,
    /// global, export and tag sections, and `name`).
    public static func moduleSymbolKey(_ fingerprints: [SectionFingerprint]) -> [SectionFingerprint] {
        let relevant: Set<SectionID> = [.type, .import, .function, .table, .global, .export, .tag]
        return fingerprints.filter { relevant.contains($0.id) || $0.name == "name" }
    }

    /// A linked module's symbols from the last load, if the sections they come from did not change.
    public func moduleSymbols(path: String, member: String?, key: [SectionFingerprint]) -> [ListedSymbol]? {
        memo.withLock { memo in
            guard let cached = memo.moduleSymbols[path + "\u{0}" + (member ?? "")], cached.key == key else { return nil }
            return cached.rows
        }
    }

    /// Remembers a linked module's symbols for the next load.
    public func remember(moduleSymbols rows: [ListedSymbol], path: String, member: String?, key: [SectionFingerprint]) {
        memo.withLock { $0.moduleSymbols[path + "\u{0}" + (member ?? "")] = (key, rows) }
    }
}
