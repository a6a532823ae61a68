import LinkModel
import Workspace

/// What the inspector opens: a link (objects and archives, with options as `report` takes
/// them or as a wasm-ld command line gives them) or linked modules (`.wasm` without a
/// `linking` section), which is decided when the inputs are read (`InspectionKind.of`).
///
/// The CLI builds one from `wasm-undef FILES…`, `tui -- <wasm-ld args>` or the demo;
/// `open CAPTURE` builds one from a captured link (its files read from the capture's copies
/// under the names the link line gave them).
public struct InspectionSource: Sendable {
    /// Inputs, policy flags, entry, exports, gc: as `wasm-undef report` would use them.
    public var options: LinkOptions
    /// Extra folders to look in for libraries that define undefined symbols (`--search`).
    public var searchFolders: [String]
    /// Where the files the options name are read from.
    public var locations: FileLocations
    /// What the status line calls the inputs (nil: their file names).
    public var title: String?
    /// The descriptor the input named `-` is read from (standard input, moved aside so the
    /// terminal can take its place); nil when no input is `-`.
    public var standardInput: Int32?

    public init(options: LinkOptions, searchFolders: [String] = [], workingDirectory: String? = nil, title: String? = nil) {
        self.init(options: options, searchFolders: searchFolders, locations: FileLocations(workingDirectory: workingDirectory),
                  title: title)
    }

    public init(options: LinkOptions, searchFolders: [String] = [], locations: FileLocations, title: String? = nil) {
        self.options = options
        self.searchFolders = searchFolders
        self.locations = locations
        self.title = title
    }

    /// What the load pipeline reads.
    public var loadSource: LoadSource {
        LoadSource(options: options, locations: locations, searchFolders: searchFolders, standardInput: standardInput ?? 0)
    }

    /// Folder relative input paths are opened from (nil: the process's).
    public var workingDirectory: String? { locations.workingDirectory }

    /// The paths of the inputs, as given.
    public var inputPaths: [String] { options.inputs.map(\.path) }

    /// The status line's name for the inputs: the title, or the inputs' file names.
    public var displayTitle: String {
        if let title { return title }
        let names = inputPaths.map { path in path.split(separator: "/").last.map(String.init) ?? path }
        if names.count <= 3 { return names.joined(separator: " ") }
        return names.prefix(2).joined(separator: " ") + " +\(names.count - 2) more"
    }
}
