import Demangling
import LinkModel

/// The findings of one prediction, and the suggestions per undefined symbol.
public struct LinkFindings: Sendable {
    /// In the order of the prediction's undefined symbols, most severe first within each.
    public var findings: [Finding]
    /// Near misses and unlinked libraries, by undefined symbol name.
    public var suggestions: [String: [Suggestion]]

    public init(findings: [Finding] = [], suggestions: [String: [Suggestion]] = [:]) {
        self.findings = findings
        self.suggestions = suggestions
    }

    /// The findings about `symbol`.
    public func findings(for symbol: String) -> [Finding] {
        findings.filter { $0.symbol == symbol }
    }
}

/// The libraries in a link's search folders (its `-L` folders and any `--search` folder),
/// with an index of every name they define: what the findings need that does not depend on
/// resolving the link, so it can be built beside the resolution.
public struct LibraryIndex: Sendable {
    public let catalog: LibraryCatalog
    public let nearMisses: NearMissIndex

    /// Indexes the names `catalog` holds.
    public init(catalog: LibraryCatalog) {
        self.catalog = catalog
        var candidates: [NearMissCandidate] = []
        candidates.reserveCapacity(catalog.definitions.count)
        for (name, definitions) in catalog.definitions {
            if let first = definitions.first { candidates.append(NearMissCandidate(name: name, definedIn: first.displayName)) }
        }
        nearMisses = NearMissIndex(candidates: candidates)
    }
}

/// What the analyses need from a resolved link, built once (it indexes every defined name of
/// the link and of the libraries on the search paths) and then asked about each prediction,
/// which is cheap: flipping policies in the TUI re-runs only `analyze`.
public struct FindingsContext: Sendable {
    /// The link's own names: defined, or defined by an archive member it did not load.
    public let linkNearMisses: NearMissIndex
    public let libraries: LibraryIndex

    public var catalog: LibraryCatalog { libraries.catalog }

    /// The context of `resolved`, with the libraries of its search folders (default: none).
    public init(resolved: ResolvedLink, libraries: LibraryIndex = LibraryIndex(catalog: LibraryCatalog())) {
        self.libraries = libraries
        // The link's defined names, and those its archives define in members it did not load.
        linkNearMisses = NearMissIndex(
            candidates: resolved.definedSymbols().map { NearMissCandidate(name: $0.name, definedIn: $0.definedIn) }
                + resolved.unloadedArchiveSymbols().map { NearMissCandidate(name: $0.name, definedIn: $0.definedIn) })
    }

    /// The best near misses for `name` among the link's names and the libraries'.
    public func nearMisses(for name: String, limit: Int = 3) -> [NearMiss] {
        NearMissIndex.merged(linkNearMisses.nearMisses(for: name, limit: limit), libraries.nearMisses.nearMisses(for: name, limit: limit),
                             limit: limit)
    }

    /// Findings and suggestions for one prediction.
    public func analyze(_ prediction: LinkPrediction) -> LinkFindings {
        var result = LinkFindings()
        for symbol in prediction.undefined {
            var suggestions: [Suggestion] = []
            let name = symbol.name
            let shown = symbol.displayName
            // A library that defines it but is not linked: the likeliest cause, listed first.
            if symbol.outcome != .weakUndefined, let library = catalog.definitions(of: name).first {
                suggestions.append(Suggestion(kind: .notLinked, name: name, definedIn: library.displayName, linkFlag: library.linkFlag))
                result.findings.append(Finding(
                    severity: .warning, category: .notLinked, symbol: name,
                    message: "`\(shown)` is defined in \(library.displayName), which is not on the link line",
                    fix: "add \(library.linkFlag) to the link"))
            }
            // Near misses, unless the symbol is an explicit import (a host function by design)
            // or a library already defines exactly this name.
            if symbol.explicitImportName == nil, !symbol.claimedByStubLibrary, suggestions.isEmpty {
                let misses = nearMisses(for: name)
                for miss in misses {
                    suggestions.append(Suggestion(kind: .nearMiss, name: miss.candidate.name, definedIn: miss.candidate.definedIn))
                }
                if let best = misses.first {
                    let candidate = Demangler.demangle(best.candidate.name) ?? best.candidate.name
                    result.findings.append(Finding(
                        severity: symbol.outcome == .error ? .error : .warning, category: .nearMiss, symbol: name,
                        message: "`\(shown)` is undefined: did you mean `\(candidate)` (\(best.candidate.definedIn))?",
                        fix: "rename the reference to `\(best.candidate.name)`"))
                }
            }
            switch symbol.resolution {
            case .addressZero where symbol.kind == .data && (symbol.outcome == .zero || symbol.outcome == .warning):
                result.findings.append(Finding(
                    severity: .warning, category: .dataAddressZero, symbol: name,
                    message: "data `\(shown)` resolves silently to address 0; reads and writes hit linear memory at 0",
                    fix: "define `\(shown)` in some input, or stop referencing it"))
            case .invalidIndex:
                result.findings.append(Finding(
                    severity: .error, category: .invalidModule, symbol: name,
                    message: "\(symbol.kind.rawValue) `\(shown)` is not imported: wasm-ld exits 0 but writes an invalid module (index 0xFFFFFFFF)",
                    fix: "import it explicitly (import_name) or use --import-undefined / --allow-undefined"))
            default:
                break
            }
            if symbol.importModule != nil, symbol.importModule != "env", symbol.explicitImportName == nil,
               symbol.kind == .function, symbol.outcome == .error {
                result.findings.append(Finding(
                    severity: .note, category: .moduleWithoutName, symbol: name,
                    message: "`\(shown)` has import_module(\"\(symbol.importModule ?? "")\") but no import_name, so it is not an explicit import",
                    fix: "add __attribute__((import_name(\"\(name)\"))) to its declaration"))
            }
            if !suggestions.isEmpty { result.suggestions[name] = suggestions }
        }
        for diagnostic in prediction.diagnostics where diagnostic.text.hasPrefix("function signature mismatch: ") {
            let symbol = String(diagnostic.text.dropFirst("function signature mismatch: ".count).prefix { $0 != "\n" })
            result.findings.append(Finding(
                severity: diagnostic.severity == .error ? .error : .warning, category: .signatureConflict, symbol: symbol,
                message: "`\(symbol)` is called with two different signatures; calls with the wrong one trap",
                fix: "make every declaration of `\(symbol)` agree"))
        }
        return result
    }
}
