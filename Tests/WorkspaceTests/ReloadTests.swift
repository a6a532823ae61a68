import Foundation
import Testing
import TestSupport
import LinkModel
import WasmDecoding
import Workspace
import Findings

/// Reloads through one `ReuseStore` decode again only what changed: a custom section of an
/// object, one member of an archive. The counts are the proof; the prediction must follow the
/// change.
@Suite("Incremental reload")
struct ReloadTests {
    static let app = #"""
        extern int from_library(void);
        int _start(void) { return from_library(); }
        __asm__(".section .custom_section.build_note,\"\",@\n.ascii \"build 0001\"\n");
        """#

    static func library(_ callee: String) -> String {
        "extern int \(callee)(void);\nint from_library(void) { return \(callee)(); }\n"
    }

    static let other = "int unrelated(int x) { return x * 3; }\n"

    /// app.o and libwork.a(lib.o, other.o) in a fresh folder.
    static func build(callee: String = "missing_aaaa") throws -> TemporaryDirectory {
        let folder = try TemporaryDirectory()
        try app.write(to: folder.file("app.c"), atomically: true, encoding: .utf8)
        try library(callee).write(to: folder.file("lib.c"), atomically: true, encoding: .utf8)
        try other.write(to: folder.file("other.c"), atomically: true, encoding: .utf8)
        for name in ["app", "lib", "other"] {
            try Toolchain.compile(folder.file("\(name).c").path, to: folder.file("\(name).o").path)
        }
        try Toolchain.archive(["lib.o", "other.o"], to: "libwork.a", in: folder.url.path)
        return folder
    }

    /// A session over app.o and libwork.a, as `report --watch` loads them.
    static func session(_ folder: TemporaryDirectory, searchFolders: [String] = []) -> Session {
        Session(pipeline: LoadPipeline(
            LoadSource(options: LinkOptions(files: ["app.o", "libwork.a"]), locations: FileLocations(workingDirectory: folder.url.path),
                       searchFolders: searchFolders),
            stages: [.sections, .prediction, .findings], reuse: ReuseStore()))
    }

    struct Session {
        let pipeline: LoadPipeline
        func load() throws(LoadFailure) -> LoadResult { try pipeline.run().get() }
    }

    @Test("changing one custom section re-decodes that section only; the objects are reused")
    func customSection() throws {
        let folder = try Self.build()
        let session = Self.session(folder)
        let first = try session.load()
        #expect(first.statistics.sectionsReused == 0)
        let total = first.statistics.sectionsDecoded

        // Rewrite the note in place, same size: one custom section's bytes change.
        var bytes = [UInt8](try Data(contentsOf: folder.file("app.o")))
        let marker = Array("build 0001".utf8)
        let at = try #require((0...(bytes.count - marker.count)).first { bytes[$0..<($0 + marker.count)].elementsEqual(marker) })
        bytes.replaceSubrange(at..<(at + marker.count), with: Array("build 0002".utf8))
        try Data(bytes).write(to: folder.file("app.o"))

        let second = try session.load()
        #expect(second.statistics.sectionsDecoded == 1)
        #expect(second.statistics.sectionsReused == total - 1)
        #expect(second.statistics.objectsDecoded == 0)
        #expect(second.statistics.objectsReused == first.statistics.objectsDecoded)
        let note = try #require(second.sections.first { $0.listing.path == "app.o" }?.listing.sections.first { $0.name == "build_note" })
        #expect(note.size == 1 + "build_note".utf8.count + "build 0002".utf8.count)
    }

    @Test("changing one archive member re-decodes that member only, and the prediction follows")
    func archiveMember() throws {
        let folder = try Self.build(callee: "missing_aaaa")
        let session = Self.session(folder)
        let first = try session.load()
        #expect(first.resolved?.predict().undefined.map(\.name) == ["missing_aaaa"])
        let total = first.statistics.sectionsDecoded

        // Rebuild lib.o calling a different (same-length) name and replace the archive by a
        // rename, as a build does: other.o and app.o are unchanged and at the same offsets.
        try Self.library("missing_bbbb").write(to: folder.file("lib.c"), atomically: true, encoding: .utf8)
        try Toolchain.compile(folder.file("lib.c").path, to: folder.file("lib.o").path)
        let rebuilt = try TemporaryDirectory()
        for name in ["lib.o", "other.o"] { try FileManager.default.copyItem(at: folder.file(name), to: rebuilt.file(name)) }
        try Toolchain.archive(["lib.o", "other.o"], to: "libwork.a", in: rebuilt.url.path)
        #expect(rename(rebuilt.file("libwork.a").path, folder.file("libwork.a").path) == 0)

        let second = try session.load()
        #expect(second.resolved?.predict().undefined.map(\.name) == ["missing_bbbb"])
        #expect(second.statistics.objectsDecoded == 1, "only lib.o: \(second.statistics)")
        #expect(second.statistics.objectsReused == 1, "app.o (other.o is never extracted): \(second.statistics)")
        let libSections = try #require(second.sections.first { $0.listing.member == "lib.o" }).listing.sections.count
        #expect(second.statistics.sectionsDecoded > 0 && second.statistics.sectionsDecoded <= libSections)
        #expect(second.statistics.sectionsDecoded + second.statistics.sectionsReused == total)
    }

    @Test("a load that fails leaves the session able to reload from the last good state")
    func failedLoad() throws {
        let folder = try Self.build()
        let session = Self.session(folder)
        _ = try session.load()
        let good = try Data(contentsOf: folder.file("app.o"))
        try good.prefix(good.count / 2).write(to: folder.file("app.o"))       // caught mid-write
        do {
            _ = try session.load()
            Issue.record("a truncated object must not load")
        } catch {
            #expect(error.message.contains("app.o"))
        }
        try good.write(to: folder.file("app.o"))
        let reloaded = try session.load()
        #expect(reloaded.statistics.objectsDecoded == 0)
    }

    @Test("the libraries of the search folders are read again only when one of their files changed")
    func searchFolderLibraries() throws {
        let folder = try Self.build()
        let deps = folder.file("deps").path
        try FileManager.default.createDirectory(atPath: deps, withIntermediateDirectories: true)
        func library(defining name: String) throws -> [UInt8] {
            try "int \(name)(void) { return 7; }\n".write(to: folder.file("extra.c"), atomically: true, encoding: .utf8)
            try Toolchain.compile(folder.file("extra.c").path, to: folder.file("extra.o").path)
            try Toolchain.archive(["extra.o"], to: "libextra.a", in: folder.url.path)
            return [UInt8](try Data(contentsOf: folder.file("libextra.a")))
        }
        let first = try library(defining: "extra_aaaa"), second = try library(defining: "extra_bbbb")
        try #require(first.count == second.count)
        let path = deps + "/libextra.a"
        func overwriteInPlace(_ bytes: [UInt8]) throws {
            let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            try #require(descriptor >= 0)
            #expect(bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) } == bytes.count)
            close(descriptor)
        }
        func modified() -> timespec {
            var status = stat()
            _ = stat(path, &status)
            return status.st_mtim
        }
        func defines(_ result: LoadResult, _ name: String) throws -> Bool {
            try !#require(result.findingsContext).catalog.definitions(of: name).isEmpty
        }
        try overwriteInPlace(first)
        let session = Self.session(folder, searchFolders: [deps])
        let loaded = try session.load()
        #expect(try defines(loaded, "extra_aaaa"))

        // The same file, same size, its old modification time put back: the stamps match, so
        // the catalog is the one from the first load (it still shows extra_aaaa). That stale
        // view is the proof nothing was read again.
        let stamp = modified()
        try overwriteInPlace(second)
        var times = [stamp, stamp]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
        let reused = try session.load()
        #expect(try defines(reused, "extra_aaaa"))
        #expect(try !defines(reused, "extra_bbbb"))

        // A real change (a new modification time) is read.
        times = [stamp, timespec(tv_sec: stamp.tv_sec + 5, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
        let reread = try session.load()
        #expect(try defines(reread, "extra_bbbb"))
        #expect(try !defines(reread, "extra_aaaa"))
    }
}
