import LinkModel
import TextFormatting

/// Which crate a Rust library member belongs to, and where that crate comes from in a cargo
/// build: a member of the workspace (its sources can be patched), a dependency from the
/// registry (under `CARGO_HOME`) or another path, or the sysroot (the standard library).
public struct CrateOrigin: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// A workspace member, or local sources outside any known workspace.
        case workspace
        /// A registry or git dependency (its sources are under `CARGO_HOME`).
        case registry
        /// A path dependency that is not a workspace member.
        case dependency
        /// The standard library of the toolchain.
        case sysroot
        /// Nothing says where it comes from.
        case unknown
    }

    public var name: String
    public var kind: Kind
    /// The crate's root folder (where its `Cargo.toml` is, or the compilation directory).
    public var directory: String?
    /// How the workspace reaches it, from `cargo metadata`: `["hostapp", "ffi-sys"]`.
    public var dependencyPath: [String]?

    public init(name: String, kind: Kind, directory: String? = nil, dependencyPath: [String]? = nil) {
        self.name = name
        self.kind = kind
        self.directory = directory
        self.dependencyPath = dependencyPath
    }

    /// Whether a patch may edit its sources.
    public var isPatchable: Bool { kind == .workspace }

    /// `hostapp (workspace)`, `ffi-sys (registry: hostapp → ffi-sys)`.
    public var summary: String {
        var text = "\(name) (\(kind.rawValue)"
        if let path = dependencyPath, path.count > 1 { text += ": " + path.joined(separator: " → ") }
        return text + ")"
    }

    /// The crate of a reference's input: the `.rlib`'s file name (`libhostapp-1a2b.rlib`), or
    /// its member's name (`hostapp-1a2b.hostapp.x-cgu.0.rcgu.o`, `hostapp.x.rcgu.o`), which
    /// rustc starts with the crate name; nil for other inputs.
    public static func crateName(of reference: Reference) -> String? {
        crateName(path: reference.path, member: reference.member)
    }

    public static func crateName(path: String, member: String?) -> String? {
        if let name = InputSummary.crateName(ofRustLibrary: path) { return name }
        // A member of an rlib, or a codegen unit cargo passes to the linker as it is.
        let object = member ?? String(path.split(separator: "/").last ?? "")
        guard object.hasSuffix(".rcgu.o") else { return nil }
        let stem = object.prefix { $0 != "-" && $0 != "." }
        return stem.isEmpty ? nil : String(stem)
    }

    /// Where a crate comes from, judged by the source file its code was compiled from (an
    /// absolute path from DWARF) and the library's own path.
    /// - Parameters:
    ///   - cargoHome: `$CARGO_HOME`, else `~/.cargo`.
    ///   - metadata: `cargo metadata` of the workspace, when at hand.
    public static func classify(name: String, sourcePath: String?, libraryPath: String, cargoHome: String?,
                                metadata: CargoMetadata?) -> CrateOrigin {
        if libraryPath.contains("/lib/rustlib/") || sourcePath.map(isSysrootSource) == true {
            return CrateOrigin(name: name, kind: .sysroot)
        }
        if let sourcePath, let metadata, let package = metadata.package(containing: sourcePath) {
            let member = metadata.workspaceMembers.contains(package.id)
            let kind: Kind = member ? .workspace : package.isRegistry ? .registry : .dependency
            return CrateOrigin(name: name, kind: kind, directory: package.directory, dependencyPath: metadata.path(to: package.id))
        }
        if let sourcePath, let cargoHome, sourcePath.hasPrefix(cargoHome.hasSuffix("/") ? cargoHome : cargoHome + "/") {
            return CrateOrigin(name: name, kind: .registry)
        }
        if let sourcePath, sourcePath.hasPrefix("/") { return CrateOrigin(name: name, kind: .workspace) }
        return CrateOrigin(name: name, kind: .unknown)
    }

    /// Sources of the standard library: rustc's remapped `/rustc/<hash>/library/…`, a
    /// sysroot's `lib/rustlib/src`, or a distribution's `rustc-<version>/library/…`.
    static func isSysrootSource(_ path: String) -> Bool {
        path.hasPrefix("/rustc/") || path.contains("/lib/rustlib/src/")
            || (path.contains("/library/") && (path.contains("/rustc-") || path.contains("/rustc/")))
    }
}

/// What `cargo metadata --format-version 1` says about a workspace: its packages, which are
/// members, and the dependency graph.
public struct CargoMetadata: Sendable {
    public struct Package: Sendable, Hashable {
        public var id: String
        public var name: String
        /// The folder holding its `Cargo.toml`.
        public var directory: String
        /// `registry+…` or `git+…` sources (nil for path packages).
        public var source: String?

        public var isRegistry: Bool { source != nil }
    }

    public var packages: [Package]
    public var workspaceMembers: Set<String>
    public var workspaceRoot: String?
    /// Package id → the ids it depends on.
    public var dependencies: [String: [String]]

    /// Parses `cargo metadata`'s JSON.
    public init(json text: String) throws(JSONSyntaxError) {
        let document = try JSONValue.parse(text)
        packages = (document["packages"]?.array ?? []).compactMap { package in
            guard let id = package["id"]?.string, let name = package["name"]?.string,
                  let manifest = package["manifest_path"]?.string else { return nil }
            let directory = String(manifest.dropLast(manifest.hasSuffix("/Cargo.toml") ? "/Cargo.toml".count : 0))
            return Package(id: id, name: name, directory: directory, source: package["source"]?.string)
        }
        workspaceMembers = Set((document["workspace_members"]?.array ?? []).compactMap(\.string))
        workspaceRoot = document["workspace_root"]?.string
        var dependencies: [String: [String]] = [:]
        for node in document["resolve"]?["nodes"]?.array ?? [] {
            guard let id = node["id"]?.string else { continue }
            dependencies[id] = (node["dependencies"]?.array ?? []).compactMap(\.string)
        }
        self.dependencies = dependencies
    }

    /// The package whose folder holds `path` (the deepest, for nested packages).
    public func package(containing path: String) -> Package? {
        packages.filter { path.hasPrefix($0.directory + "/") }.max { $0.directory.count < $1.directory.count }
    }

    /// The shortest chain of package names from a workspace member to `id`.
    public func path(to id: String) -> [String]? {
        let names = Dictionary(packages.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        var previous: [String: String] = [:]
        var queue = workspaceMembers.sorted()
        var seen = Set(queue)
        var head = 0
        while head < queue.count {
            let current = queue[head]
            head += 1
            if current == id {
                var chain = [current]
                while let before = previous[chain[0]] { chain.insert(before, at: 0) }
                return chain.compactMap { names[$0] }
            }
            for next in dependencies[current] ?? [] where seen.insert(next).inserted {
                previous[next] = current
                queue.append(next)
            }
        }
        return nil
    }
}
