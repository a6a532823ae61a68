import LinkModel

/// What the inspector opens: a link (objects and archives, with options as `report` takes
/// them or as a wasm-ld command line gives them) or linked modules (`.wasm` without a
/// `linking` section), which is decided when the inputs are read.
///
/// The CLI builds one from `wasm-undef FILES…`, `tui -- <wasm-ld args>` or the demo;
/// `open CAPTURE` builds one from a captured link.
public struct InspectionSource: Sendable, Hashable {
    /// Inputs, policy flags, entry, exports, gc: as `wasm-undef report` would use them.
    public var options: LinkOptions
    /// Extra folders to look in for libraries that define undefined symbols (`--search`).
    public var searchFolders: [String]
    /// Folder relative input paths are opened from (nil: the process's).
    public var workingDirectory: String?
    /// What the status line calls the inputs (nil: their file names).
    public var title: String?

    public init(options: LinkOptions, searchFolders: [String] = [], workingDirectory: String? = nil, title: String? = nil) {
        self.options = options
        self.searchFolders = searchFolders
        self.workingDirectory = workingDirectory
        self.title = title
    }

    /// The paths of the inputs, as given.
    public var inputPaths: [String] { options.inputs.map(\.path) }

    /// `path` as the process opens it.
    public func openPath(_ path: String) -> String {
        guard let workingDirectory, !workingDirectory.isEmpty, !path.hasPrefix("/") else { return path }
        return workingDirectory.hasSuffix("/") ? workingDirectory + path : workingDirectory + "/" + path
    }

    /// The status line's name for the inputs: the title, or the inputs' file names.
    public var displayTitle: String {
        if let title { return title }
        let names = inputPaths.map { path in path.split(separator: "/").last.map(String.init) ?? path }
        if names.count <= 3 { return names.joined(separator: " ") }
        return names.prefix(2).joined(separator: " ") + " +\(names.count - 2) more"
    }
}
