import LinkModel

/// What a load reads: a link's options (its inputs in order, its policy), where its files
/// are, and the folders to look in for libraries that define its undefined symbols.
///
/// Every front end describes its inputs with one: `report`, `imports` and `sections --watch`
/// from their arguments, `--capture`/`open` from a captured link (its files read from the
/// capture's copies under the names the link line gave them), the TUI from what it opens.
public struct LoadSource: Sendable {
    /// Inputs, policy flags, entry, exports, gc: as `wasm-undef report` would use them.
    public var options: LinkOptions
    /// Where the files the options name are read from.
    public var locations: FileLocations
    /// Extra folders to look in for libraries (`--search`), as given: relative ones are
    /// opened from `locations.workingDirectory`.
    public var searchFolders: [String]
    /// The descriptor the input named `-` is read from (standard input, or where the TUI
    /// moved it so the terminal can take its place).
    public var standardInput: Int32

    public init(options: LinkOptions, locations: FileLocations = FileLocations(), searchFolders: [String] = [],
                standardInput: Int32 = 0) {
        self.options = options
        self.locations = locations
        self.searchFolders = searchFolders
        self.standardInput = standardInput
    }

    /// The paths of the inputs, as given.
    public var inputPaths: [String] { options.inputs.map(\.path) }

    /// The files to watch for changes: every input as the process opens it (`-` and inputs
    /// a capture has no copy of are left out).
    public var watchedPaths: [String] {
        inputPaths.filter { $0 != "-" }.compactMap(locations.location(of:))
    }

    /// A search folder as the process opens it (relative to the working directory).
    public func searchPath(_ folder: String) -> String {
        guard let workingDirectory = locations.workingDirectory, !workingDirectory.isEmpty, !folder.hasPrefix("/") else {
            return folder
        }
        return workingDirectory.hasSuffix("/") ? workingDirectory + folder : workingDirectory + "/" + folder
    }
}

/// What a load computes besides opening the inputs and deciding link or module. A front end
/// asks for what it shows: `report` needs no section listing, `sections --watch` no link.
public struct LoadStages: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// The section listing of every input and archive member.
    public static let sections = LoadStages(rawValue: 1 << 0)
    /// Links: resolve, and predict under the options' policy.
    public static let prediction = LoadStages(rawValue: 1 << 1)
    /// Links: the defined symbols (after resolution).
    public static let definedSymbols = LoadStages(rawValue: 1 << 2)
    /// Links: near misses and libraries not linked (the search folders' libraries are indexed
    /// on another core while the link resolves).
    public static let findings = LoadStages(rawValue: 1 << 3)
    /// Linked modules: their import sections.
    public static let moduleImports = LoadStages(rawValue: 1 << 4)
    /// Linked modules: their named and exported elements, in batches.
    public static let moduleSymbols = LoadStages(rawValue: 1 << 5)

    /// Everything: what the TUI shows.
    public static let all: LoadStages = [.sections, .prediction, .definedSymbols, .findings, .moduleImports, .moduleSymbols]
}
