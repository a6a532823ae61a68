import Foundation
@testable import LinkCapture
import LinkModel
import Testing
import TestSupport

/// Capturing in-process, on files that only look like a link's: what is copied, under which
/// role and name, and what is recorded.
@Suite("Capturing a link's files")
struct LinkCaptureTests {
    static let linker = RealLinker(path: "/opt/llvm/bin/wasm-ld", foundBy: "PATH")

    /// A folder with objects, an archive with its `.imports`, a library on a `-L` path, an
    /// allow file and a response file.
    static func linkFolder() throws -> TemporaryDirectory {
        let folder = try TemporaryDirectory(prefix: "wasm-undef-capture-unit")
        let fileManager = FileManager.default
        try fileManager.createDirectory(at: folder.file("sys"), withIntermediateDirectories: true)
        try fileManager.createDirectory(at: folder.file("deps"), withIntermediateDirectories: true)
        try Data("object a".utf8).write(to: folder.file("a.o"))
        try Data("!<arch>\nmembers".utf8).write(to: folder.file("sys/libc.a"))
        try Data("host_fn\n".utf8).write(to: folder.file("sys/libc.imports"))
        try Data("!<arch>\nrust".utf8).write(to: folder.file("deps/libserde-0123456789abcdef.rlib"))
        try Data("object b".utf8).write(to: folder.file("b.o"))
        try Data("not an archive".utf8).write(to: folder.file("b.imports"))
        try Data("allowed_fn\n".utf8).write(to: folder.file("allow.txt"))
        try Data("b.o deps/libserde-0123456789abcdef.rlib".utf8).write(to: folder.file("more.rsp"))
        return folder
    }

    @Test("every file the linker reads is copied once, in order, with its role, size and digest; response files are recorded expanded")
    func copiesEveryFile() throws {
        let folder = try Self.linkFolder()
        let arguments = ["a.o", "-Lsys", "-lc", "@more.rsp", "a.o", "--allow-undefined-file=allow.txt", "-o", "out/app.wasm"]
        let capture = LinkCapture.capture(arguments: arguments, invokedAs: "wasm-undef-ld", linker: Self.linker,
                                          root: "captures", workingDirectory: folder.url.path,
                                          started: Timestamp(seconds: 1_779_271_872, milliseconds: 5))
        let captureFolder = try #require(capture.folder)
        #expect(captureFolder == folder.url.path + "/captures/20260520-101112.005-app.wasm")
        let manifest = capture.manifest
        #expect(manifest.arguments == arguments)
        #expect(manifest.expandedArguments == ["a.o", "-Lsys", "-lc", "b.o", "deps/libserde-0123456789abcdef.rlib", "a.o",
                                               "--allow-undefined-file=allow.txt", "-o", "out/app.wasm"])
        #expect(manifest.files.map(\.path) == ["a.o", "sys/libc.a", "sys/libc.imports", "b.o", "deps/libserde-0123456789abcdef.rlib", "allow.txt"])
        #expect(manifest.files.map(\.role) == [.input, .library, .imports, .input, .input, .allowFile])
        #expect(manifest.files.map(\.crateName) == [nil, nil, nil, nil, "serde", nil])
        #expect(manifest.files[1].library == "c")
        #expect(manifest.problems.isEmpty)
        #expect(manifest.output == "out/app.wasm")
        #expect(manifest.created == "2026-05-20T10:11:12.005Z")
        for file in manifest.files {
            let stored = try #require(file.stored)
            let copy = try #require(FileManager.default.contents(atPath: captureFolder + "/" + stored))
            #expect(copy == FileManager.default.contents(atPath: folder.url.path + "/" + file.path))
            #expect(file.size == copy.count)
            #expect(file.digest == xxh64(copy))
        }
        #expect(manifest.files.map { $0.stored ?? "" }.first == "files/000-a.o")
        let written = try CapturedLink.open(captureFolder).manifest
        #expect(written == manifest)
    }

    @Test("a missing file is recorded without a problem (the linker reports it); a folder where a file should be is a problem")
    func missingAndUnreadable() throws {
        let folder = try Self.linkFolder()
        try FileManager.default.createDirectory(at: folder.file("dir.o"), withIntermediateDirectories: true)
        let capture = LinkCapture.capture(arguments: ["a.o", "gone.o", "dir.o", "-lnothere"], invokedAs: "wasm-undef-ld", linker: nil,
                                          root: "captures", workingDirectory: folder.url.path)
        #expect(capture.manifest.files.map(\.error) == [nil, "No such file or directory", "Is a directory"])
        #expect(capture.manifest.files.map { $0.stored == nil } == [false, true, true])
        #expect(capture.manifest.missingLibraries == ["nothere"])
        #expect(capture.problems == ["cannot read dir.o: Is a directory"])
        #expect(capture.manifest.linker == nil)
    }

    @Test("finishing records the result in link.json")
    func finishing() throws {
        let folder = try Self.linkFolder()
        var capture = LinkCapture.capture(arguments: ["a.o"], invokedAs: "wasm-undef-ld", linker: Self.linker,
                                          root: "captures", workingDirectory: folder.url.path)
        #expect(try CapturedLink.open(try #require(capture.folder)).manifest.result == nil)
        capture.finish(LinkResult(exitStatus: 1, milliseconds: 12))
        #expect(try CapturedLink.open(try #require(capture.folder)).manifest.result == LinkResult(exitStatus: 1, milliseconds: 12))
    }

    @Test("two links in the same millisecond get two folders")
    func sameMillisecond() throws {
        let folder = try Self.linkFolder()
        let started = Timestamp(seconds: 1_779_271_872)
        let first = LinkCapture.capture(arguments: ["a.o"], invokedAs: "x", linker: nil, root: "c", workingDirectory: folder.url.path, started: started)
        let second = LinkCapture.capture(arguments: ["a.o"], invokedAs: "x", linker: nil, root: "c", workingDirectory: folder.url.path, started: started)
        #expect(first.folder?.hasSuffix("-a.out") == true)
        #expect(second.folder == (first.folder ?? "") + "-2")
    }

    @Test("a file two captures hold is stored once: both copies are links to one read-only file; a changed file is stored anew")
    func sharedContents() throws {
        let folder = try Self.linkFolder()
        func capture(_ started: Timestamp) throws -> (folder: String, manifest: CaptureManifest) {
            let capture = LinkCapture.capture(arguments: ["a.o", "-Lsys", "-lc"], invokedAs: "x", linker: Self.linker,
                                              root: "captures", workingDirectory: folder.url.path, started: started)
            return (try #require(capture.folder), capture.manifest)
        }
        func identity(_ path: String) throws -> (device: UInt64, inode: UInt64, links: Int, mode: UInt32) {
            var status = stat()
            try #require(lstat(path, &status) == 0, "\(path)")
            return (UInt64(status.st_dev), UInt64(status.st_ino), Int(status.st_nlink), UInt32(status.st_mode) & 0o777)
        }
        let first = try capture(Timestamp(seconds: 1_779_271_872))
        let second = try capture(Timestamp(seconds: 1_779_271_873))
        #expect(first.manifest.problems.isEmpty && second.manifest.problems.isEmpty)
        for (one, other) in zip(first.manifest.files, second.manifest.files) {
            let a = try identity(first.folder + "/" + (one.stored ?? "")), b = try identity(second.folder + "/" + (other.stored ?? ""))
            #expect(a.device == b.device && a.inode == b.inode, "\(one.path) is stored twice")
            #expect(a.links == 3, "two captures and the store")
            #expect(a.mode == 0o444)
        }
        let stored = try FileManager.default.contentsOfDirectory(atPath: folder.url.path + "/captures/.files")
        #expect(stored.count == first.manifest.files.count)
        // A changed object: a new stored file; the earlier captures keep the old bytes.
        try Data("object a, rebuilt".utf8).write(to: folder.file("a.o"))
        let third = try capture(Timestamp(seconds: 1_779_271_874))
        #expect(try Data(contentsOf: URL(fileURLWithPath: third.folder + "/files/000-a.o")) == Data("object a, rebuilt".utf8))
        #expect(try Data(contentsOf: URL(fileURLWithPath: first.folder + "/files/000-a.o")) == Data("object a".utf8))
        #expect(try identity(third.folder + "/files/001-libc.a").inode == identity(first.folder + "/files/001-libc.a").inode)
    }

    @Test("pruning removes the stored contents that only the removed captures held")
    func pruningShared() throws {
        let folder = try Self.linkFolder()
        for (second, object) in [(0, "old a"), (1, "new a")] {
            try Data(object.utf8).write(to: folder.file("a.o"))
            _ = LinkCapture.capture(arguments: ["a.o", "-Lsys", "-lc"], invokedAs: "x", linker: Self.linker,
                                    root: "captures", workingDirectory: folder.url.path, started: Timestamp(seconds: 1_779_271_872 + second))
        }
        let sharedFolder = folder.url.path + "/captures/.files"
        // old a.o, new a.o, libc.a, libc.imports
        #expect(try FileManager.default.contentsOfDirectory(atPath: sharedFolder).count == 4)
        let store = CaptureStore(root: folder.url.path + "/captures")
        #expect(try store.prune(keep: 1).count == 1)
        let left = try FileManager.default.contentsOfDirectory(atPath: sharedFolder)
        #expect(left.count == 3)
        #expect(try store.find("latest").manifest.files.allSatisfy { $0.stored != nil })
        #expect(store.entries().count == 1)
        _ = try store.prune(keep: 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: sharedFolder).isEmpty)
    }

    @Test("a read-back capture reads its copies under the original names, and nothing else")
    func readBack() throws {
        let folder = try Self.linkFolder()
        let capture = LinkCapture.capture(arguments: ["a.o", "-Lsys", "-lc"], invokedAs: "x", linker: Self.linker,
                                          root: "captures", workingDirectory: folder.url.path)
        let captured = try CapturedLink.open(try #require(capture.folder))
        let locations = captured.locations
        #expect(locations.location(of: "a.o") == captured.folder + "/files/000-a.o")
        #expect(locations.location(of: "sys/libc.imports") == captured.folder + "/files/002-libc.imports")
        #expect(locations.location(of: "b.o") == nil, "b.o exists beside the link but is not part of it")
        #expect(locations.fileAccess.exists("sys/libc.a"))
        #expect(!locations.fileAccess.exists("sys/libc.so"))
    }
}
