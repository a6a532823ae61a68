import LinkModel

/// A capture read back: the link it recorded, whose files are read from the capture folder but
/// keep the names the command line gave them. So `a.o: undefined symbol: f`, `referenced_by`
/// and the inputs of a report name `/tmp/main-1b9176.o` or `libserde-1a2b.rlib`, never a path
/// inside the capture.
public struct CapturedLink: Sendable {
    /// The capture folder.
    public let folder: String
    public let manifest: CaptureManifest

    public init(folder: String, manifest: CaptureManifest) {
        self.folder = folder
        self.manifest = manifest
    }

    /// Reads the capture in `folder`.
    public static func open(_ folder: String) throws(CaptureError) -> CapturedLink {
        let path = FileSystem.join(folder, LinkCapture.manifestName)
        guard let text = FileSystem.readText(path) else {
            throw .notFound(folder, root: FileSystem.directoryName(folder))
        }
        return CapturedLink(folder: folder, manifest: try CaptureManifest(json: text, path: path))
    }

    /// Every path the link names → its copy. Nothing else exists for this link: a file the
    /// capture lacks is missing, not read from wherever a file of that name is today.
    public var locations: FileLocations {
        var redirects: [String: String] = [:]
        for file in manifest.files {
            if let stored = file.stored { redirects[file.path] = FileSystem.join(folder, stored) }
        }
        return FileLocations(workingDirectory: manifest.workingDirectory, redirects: redirects, redirectsOnly: true)
    }

    /// The link's options, parsed from the recorded arguments as the real linker read them
    /// (`-l` found among the copies), and printed with the real linker's name.
    public func options() throws(LinkModelError) -> LinkOptions {
        var options = try LinkOptions.parse(arguments: manifest.expandedArguments, files: locations.fileAccess)
        options.programName = manifest.programName
        return options
    }

    /// Files the link reads that the capture has no copy of (they did not exist, or could not
    /// be read or written).
    public var missingFiles: [CapturedFile] { manifest.files.filter { $0.stored == nil } }

    /// The capture's name: its folder's last component.
    public var name: String { FileSystem.baseName(folder) }
}
