#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Findings
import LinkModel
import Synchronization
import WasmDecoding

/// What a load of a link's inputs produced.
public struct LinkSnapshot: Sendable {
    /// The section listing of every input and archive member.
    public var sections: [SectionListing]
    /// The resolved link, when the inputs are objects and archives (nil for linked modules,
    /// which are shown as they are).
    public var resolved: ResolvedLink?
    /// Indexes for findings (near misses, libraries not linked), built once per load.
    public var findings: FindingsContext?
    /// The symbols of linked modules among the inputs (imports, exports, names).
    public var moduleSymbols: [ListedSymbol]
    /// What this load decoded and what it took from the previous one.
    public var statistics: ReloadStatistics
}

/// Counts of a load: sections and objects decoded versus reused from the previous load.
public struct ReloadStatistics: Sendable, Hashable, CustomStringConvertible {
    public var sectionsDecoded = 0
    public var sectionsReused = 0
    public var objectsDecoded = 0
    public var objectsReused = 0
    /// Wall time of the load, in milliseconds.
    public var milliseconds = 0.0

    public init() {}

    /// `12 sections decoded, 340 reused; 1 object decoded, 45 reused; 3.1 ms`.
    public var description: String {
        let time = (milliseconds * 10).rounded() / 10
        return counts + "; \(time) ms"
    }

    /// The counts without the time: `12 sections decoded, 340 reused; 1 object decoded, 45 reused`.
    public var counts: String {
        "\(sectionsDecoded) sections decoded, \(sectionsReused) reused; "
            + "\(objectsDecoded) object\(objectsDecoded == 1 ? "" : "s") decoded, \(objectsReused) reused"
    }
}

/// A link opened over time: `load()` reads the inputs; every later `load()` (after the files
/// changed) decodes again only what changed — section listings per section, objects per
/// object (their linking sections), linked modules' symbols per module — and reuses the rest.
public final class LinkSession: Sendable {
    public let options: LinkOptions
    public let workingDirectory: String?
    public let searchFolders: [String]
    /// Whether loads resolve the link (false: section listings and module symbols only).
    public let linking: Bool
    private let reuse = ReuseStore()
    private let loaded = Mutex(false)

    public init(options: LinkOptions, workingDirectory: String? = nil, searchFolders: [String] = [], linking: Bool = true) {
        self.options = options
        self.workingDirectory = workingDirectory
        self.searchFolders = searchFolders
        self.linking = linking
    }

    /// The files to watch: every input (and `.imports` side files are found next to them).
    public var inputPaths: [String] {
        options.inputs.map { path($0.path) }
    }

    private func path(_ input: String) -> String {
        guard let workingDirectory, !input.hasPrefix("/") else { return input }
        return LinkOptions.joinPath(workingDirectory, input)
    }

    /// Reads the inputs, reusing what an earlier load decoded from unchanged sections.
    /// - Throws: `LinkModelError` for unreadable or malformed inputs (nothing is cached from a
    ///   failed load, so the next one starts from the last good state).
    public func load() throws(LinkModelError) -> LinkSnapshot {
        let start = Self.now()
        let reloading = loaded.withLock { loaded in
            defer { loaded = true }
            return loaded
        }
        var statistics = ReloadStatistics()
        var listings: [SectionListing] = []
        var moduleRows: [ListedSymbol] = []
        var linkable = true
        for input in options.inputs {
            let file: InputFile
            do {
                // A reload digests every section: fault the pages in at once.
                file = try InputFile(path: path(input.path), populate: reloading)
            } catch {
                if case .file(let failure) = error.reason { throw .unreadable(input.path, String(cString: strerror(failure.errno))) }
                throw .unreadable(input.path, error.description)
            }
            do throws(DecodeError) {
                let (fileListings, binaries) = try reuse.listings(of: file, path: input.path, statistics: &statistics)
                listings += fileListings
                for (member, binary, fingerprints) in binaries where !binary.isRelocatable && !binary.isComponent {
                    linkable = false
                    moduleRows += try symbols(ofModule: binary, fingerprints, path: input.path, member: member)
                }
            } catch {
                throw .malformed(input.path, path: input.path, error)
            }
        }
        var resolved: ResolvedLink? = nil
        var findings: FindingsContext? = nil
        if linking && linkable {
            let link = try ResolvedLink.resolve(options, workingDirectory: workingDirectory, cache: reuse.decodeCache)
            let decode = reuse.decodeCache.lastStatistics
            statistics.objectsDecoded = decode.objectsDecoded
            statistics.objectsReused = decode.objectsReused
            resolved = link
            findings = reuse.findings(for: link, searchFolders: searchFolders)
        }
        statistics.milliseconds = (Self.now() - start) * 1000
        return LinkSnapshot(sections: listings, resolved: resolved, findings: findings, moduleSymbols: moduleRows, statistics: statistics)
    }

    /// A linked module's symbols, decoded again only when one of the sections they come from
    /// changed.
    private func symbols(ofModule binary: WasmBinary, _ fingerprints: [SectionFingerprint], path: String,
                         member: String?) throws(DecodeError) -> [ListedSymbol] {
        let key = ReuseStore.moduleSymbolKey(fingerprints)
        if let rows = reuse.moduleSymbols(path: path, member: member, key: key) { return rows }
        let rows = try SymbolListing.rows(module: binary, input: path, member: member)
        reuse.remember(moduleSymbols: rows, path: path, member: member, key: key)
        return rows
    }

    public static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
