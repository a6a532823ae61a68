import Foundation
import Testing
import TestSupport
import WasmDecoding

@Suite("Archives")
struct ArchiveTests {
    static func archive(_ name: String) throws -> (url: URL, archive: Archive) {
        let url = try #require(try FixtureCatalog.allFiles().first { $0.name == name }?.url)
        return (url, try Archive(try InputFile.open(path: url.path).window))
    }

    @Test("GNU and BSD archives give the same members with long names resolved", arguments: ["archive-gnu", "archive-bsd"])
    func longNames(name: String) throws {
        let (_, archive) = try Self.archive(name)
        let expected = FixtureCatalog.builds.filter { !$0.name.contains("wasm64") }.map { "\($0.name)-with-a-long-member-name.o" }
        #expect(archive.members.map(\.name) == expected)
        #expect(archive.members.allSatisfy { $0.kind == .object })
        #expect(archive.indexKind == (name == "archive-gnu" ? .gnu32 : .bsd))
    }

    @Test("the symbol index lists what llvm-nm --print-armap lists", arguments: ["archive-gnu", "archive-bsd"])
    func symbolIndex(name: String) throws {
        let (url, archive) = try Self.archive(name)
        let nm = try #require(Toolchain.llvmNM)
        let result = try Run.program(nm, ["--print-armap", url.path])
        // "Archive map\nname in member\n..."
        var theirs: [String] = []
        for line in result.stdout.split(separator: "\n") {
            if line.hasPrefix("Archive map") { continue }
            if line.isEmpty || line.hasSuffix(":") { break }
            guard let range = line.range(of: " in ") else { break }
            theirs.append("\(line[..<range.lowerBound]) \(line[range.upperBound...])")
        }
        let memberAt = Dictionary(archive.members.map { ($0.headerOffset, $0.name) }, uniquingKeysWith: { a, _ in a })
        let ours = archive.index.map { "\($0.name) \(memberAt[$0.memberHeaderOffset] ?? "?")" }
        #expect(!ours.isEmpty)
        #expect(ours.sorted() == theirs.sorted())
    }

    @Test("members that are not wasm are listed with their kind and skipped")
    func nonWasmMembers() throws {
        let object = try #require(try FixtureCatalog.objects().first).url
        let folder = try TemporaryDirectory()
        let metadata = folder.file("lib.rmeta")
        try Data("rust\0\0\0\u{8}metadata".utf8).write(to: metadata)
        let bitcode = folder.file("module.bc")
        try Data([0x42, 0x43, 0xc0, 0xde, 0x35, 0x14, 0x00, 0x00]).write(to: bitcode)
        let archive = try Fixtures.archive([("a.o", object), ("lib.rmeta", metadata), ("module.bc", bitcode)])
        let file = try InputFile.open(path: archive.path)
        let listings = try SectionListing.listings(of: file)
        #expect(listings.map(\.kind) == [.object, .rustMetadata, .llvmBitcode])
        #expect(listings[1].note == "skipped" && listings[1].sections.isEmpty)
        let symbols = try SymbolListing.symbols(of: file)
        #expect(Set(symbols.compactMap(\.member)) == ["a.o"])
    }

    @Test("a member whose size runs past the end is an error naming the header offset")
    func truncatedMember() throws {
        var bytes = Array("!<arch>\n".utf8)
        var header = Array("short.o/        0           0     0     644     999       `\n".utf8)
        header = Array(header.prefix(60))
        bytes += header + [0x00, 0x61, 0x73, 0x6d]
        do {
            _ = try Archive(ByteStorage(copying: bytes).window)
            Issue.record("expected an error")
        } catch {
            #expect(error.offset == 8 + 48)
            #expect(error.expected.contains("member size"))
        }
    }

    @Test("an error inside a member names the member and both offsets")
    func errorInsideMember() throws {
        let object = try #require(try FixtureCatalog.objects().first).url
        var bytes = [UInt8](try Data(contentsOf: object))
        bytes[9] = 0x7f      // corrupt the first section's size
        let folder = try TemporaryDirectory()
        let broken = folder.file("broken.o")
        try Data(bytes).write(to: broken)
        let archive = try Fixtures.archive([("broken.o", broken)], symbolIndex: false)
        let file = try InputFile.open(path: archive.path)
        do {
            _ = try SymbolListing.symbols(of: file)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix("\(archive.path)(broken.o): at offset 0x"))
            #expect(error.description.contains("(member offset 0x"))
        }
    }
}
