import Foundation
import Testing
import TestSupport
import WasmBytes
import Workspace
@testable import WasmDecoding

/// Inputs at and past the decoder's limits, built byte by byte: each malformed one must give
/// a `DecodeError` at the offset named here, and the built `wasm-undef` must print it as
/// `wasm-undef: error: FILE: at offset 0x…: expected …` and exit 2; the very large valid
/// ones must decode in linear time.
@Suite("Decoder limits", .serialized, .timeLimit(.minutes(5)))
struct LimitTests {
    typealias B = WasmBytes

    // MARK: helpers

    /// The error `body` throws; records an issue if it throws none.
    static func error(_ body: () throws(DecodeError) -> Void, sourceLocation: SourceLocation = #_sourceLocation) -> DecodeError? {
        do {
            try body()
            Issue.record("expected a DecodeError", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error
        }
    }

    /// The error walking `bytes` as a module throws.
    static func walkError(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) -> DecodeError? {
        error({ () throws(DecodeError) in _ = try WasmBinary(ByteStorage(copying: bytes).window) }, sourceLocation: sourceLocation)
    }

    /// The error decoding `bytes` as a relocatable object throws.
    static func objectError(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) -> DecodeError? {
        error({ () throws(DecodeError) in _ = try ObjectFile(WasmBinary(ByteStorage(copying: bytes).window)) }, sourceLocation: sourceLocation)
    }

    /// Writes `bytes` to a file and runs `wasm-undef COMMAND FILE`.
    static func cli(_ arguments: [String], _ bytes: [UInt8], name: String = "input.wasm") throws -> (result: ProcessResult, path: String) {
        let folder = try TemporaryDirectory()
        let file = folder.file(name)
        try Data(bytes).write(to: file)
        let result = try Run.program(try BuiltProducts.wasmUndef(), arguments + [file.path])
        return (result, file.path)
    }

    /// `wasm-undef COMMAND FILE` must exit 2 printing, for that file, exactly the error the
    /// library's listing behind COMMAND gives, which must sit at `offset`; no crash, nothing
    /// on standard output.
    static func expectCLI(_ command: String, _ bytes: [UInt8], failsAt offset: Int, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let (result, path) = try cli([command], bytes)
        let file = InputFile(path: path, storage: ByteStorage(copying: bytes))
        let listed: Result<Void, InputError>
        do throws(InputError) {
            if command == "sections" {
                _ = try file.decode { (_) throws(DecodeError) in try SectionListing.listings(of: file) }
            } else {
                _ = try SymbolListing.symbols(of: file)
            }
            listed = .success(())
        } catch {
            listed = .failure(error)
        }
        let error = try #require(listed.failure, "\(command): the library lists the file without an error", sourceLocation: sourceLocation)
        let decodeError = try #require(error.decodeError, "\(command): \(error)", sourceLocation: sourceLocation)
        #expect(decodeError.offset == offset, "\(command)", sourceLocation: sourceLocation)
        #expect(result.status == 2, "\(command): exit \(result.status), stderr \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr == "wasm-undef: error: \(error)\n", "\(command)", sourceLocation: sourceLocation)
        #expect(result.stderr.hasPrefix("wasm-undef: error: \(path): at offset 0x\(String(offset, radix: 16)): expected "),
                sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
    }

    /// Seconds `body` takes.
    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = ContinuousClock.now
        try body()
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// A minimal object: one function type, one function import `env.f`, one defined function
    /// whose body calls `f` (a padded index at code offset 4, for a relocation to patch), a
    /// linking section holding `symbols` and a `reloc.CODE` of `relocations`. Returns the
    /// bytes, the offsets of the symbol and relocation entries, and the code section's size.
    static func object(symbols: [[UInt8]], relocations: [[UInt8]] = []) -> (bytes: [UInt8], symbolOffsets: [Int], relocationOffsets: [Int], codeSize: Int) {
        var module = ModuleBuilder()
        module.section(1, B.vector([B.voidFunctionType]))
        module.section(2, B.vector([B.functionImport(module: "env", name: "f")]))
        module.section(3, B.vector([B.uleb(0)]))
        let codeIndex = module.sectionCount
        let body: [UInt8] = [0x00, 0x10, 0x80, 0x80, 0x80, 0x80, 0x00, 0x0b]
        let code = B.vector([B.uleb(body.count) + body])
        module.section(10, code)
        let linking = B.linkingContent(symbols: symbols)
        let linkingStart = module.custom("linking", linking.content)
        var relocationOffsets: [Int] = []
        if !relocations.isEmpty {
            let prefix = B.uleb(codeIndex) + B.uleb(relocations.count)
            let start = module.custom("reloc.CODE", prefix + relocations.joined())
            var position = start + prefix.count
            for entry in relocations {
                relocationOffsets.append(position)
                position += entry.count
            }
        }
        return (module.bytes, linking.entryOffsets.map { linkingStart + $0 }, relocationOffsets, code.count)
    }

    // MARK: sizes, counts and LEBs

    @Test("a section size larger than the file is an error at the size field")
    func sectionSizePastEnd() throws {
        let bytes = B.preamble + [0x01] + B.uleb(1000) + B.vector([B.voidFunctionType])
        let error = try #require(Self.walkError(bytes))
        #expect(error.offset == 9)
        #expect(error.expected == "a type section of 1000 bytes (4 left), but the input ends")
        try Self.expectCLI("sections", bytes, failsAt: error.offset)
        try Self.expectCLI("symbols", bytes, failsAt: error.offset)
    }

    @Test("a vector count larger than its section is an error at the count")
    func vectorCountPastEnd() throws {
        var module = ModuleBuilder()
        module.section(1, B.vector([B.voidFunctionType]))
        let importsAt = module.section(2, B.uleb(1_000_000) + B.functionImport(module: "env", name: "f"))
        let binary = try WasmBinary(ByteStorage(copying: module.bytes).window)
        let error = try #require(Self.error { () throws(DecodeError) in _ = try binary.importSection() })
        #expect(error.offset == importsAt)
        #expect(error.expected == "a count of imports that fits in the 8 bytes left (declared 1000000)")
        try Self.expectCLI("sections", module.bytes, failsAt: error.offset)
        try Self.expectCLI("symbols", module.bytes, failsAt: error.offset)
    }

    @Test("a u32 LEB of 6 bytes is overlong, in a section header and inside a payload")
    func overlongLEB() throws {
        let header = B.preamble + [0x01, 0x81, 0x80, 0x80, 0x80, 0x80, 0x00] + [0x00]
        let error = try #require(Self.walkError(header))
        #expect(error.offset == 9)
        #expect(error.expected == "a LEB128 integer of at most 5 bytes")
        try Self.expectCLI("sections", header, failsAt: error.offset)
        try Self.expectCLI("symbols", header, failsAt: error.offset)

        var module = ModuleBuilder()
        let countAt = module.section(2, [0x80, 0x80, 0x80, 0x80, 0x80, 0x00])
        let binary = try WasmBinary(ByteStorage(copying: module.bytes).window)
        let inside = try #require(Self.error { () throws(DecodeError) in _ = try binary.importSection() })
        #expect(inside.offset == countAt)
        #expect(inside.expected == "a LEB128 integer of at most 5 bytes")
        try Self.expectCLI("sections", module.bytes, failsAt: inside.offset)
        try Self.expectCLI("symbols", module.bytes, failsAt: inside.offset)
    }

    @Test("an unterminated LEB is an error at its first byte, at the end of the file and of a section")
    func unterminatedLEB() throws {
        let atEnd = B.preamble + [0x01, 0x80, 0x80]
        let error = try #require(Self.walkError(atEnd))
        #expect(error.offset == 9)
        #expect(error.expected == "a section size (unterminated LEB128), but the input ends")
        try Self.expectCLI("sections", atEnd, failsAt: error.offset)
        try Self.expectCLI("symbols", atEnd, failsAt: error.offset)

        var module = ModuleBuilder()
        let countAt = module.section(2, [0xff, 0xff])
        module.section(3, B.vector([]))
        let binary = try WasmBinary(ByteStorage(copying: module.bytes).window)
        let inside = try #require(Self.error { () throws(DecodeError) in _ = try binary.importSection() })
        #expect(inside.offset == countAt)
        #expect(inside.expected.hasPrefix("imports (unterminated LEB128)"))
        try Self.expectCLI("sections", module.bytes, failsAt: inside.offset)
        try Self.expectCLI("symbols", module.bytes, failsAt: inside.offset)
    }

    // MARK: section order

    @Test("a section out of order and a repeated section are errors at the offending header")
    func sectionOrder() throws {
        var outOfOrder = ModuleBuilder()
        outOfOrder.section(2, B.vector([]))
        let typeAt = outOfOrder.nextSectionOffset
        outOfOrder.section(1, B.vector([]))
        let error = try #require(Self.walkError(outOfOrder.bytes))
        #expect(error.offset == typeAt)
        #expect(error.expected == "sections in order, each at most once (type after a later or equal section)")
        try Self.expectCLI("sections", outOfOrder.bytes, failsAt: error.offset)
        try Self.expectCLI("symbols", outOfOrder.bytes, failsAt: error.offset)

        var repeated = ModuleBuilder()
        repeated.section(1, B.vector([B.voidFunctionType]))
        repeated.custom("between", [])
        let secondAt = repeated.nextSectionOffset
        repeated.section(1, B.vector([B.voidFunctionType]))
        let again = try #require(Self.walkError(repeated.bytes))
        #expect(again.offset == secondAt)
        #expect(again.expected == "sections in order, each at most once (type after a later or equal section)")
        try Self.expectCLI("sections", repeated.bytes, failsAt: again.offset)
        try Self.expectCLI("symbols", repeated.bytes, failsAt: again.offset)
    }

    // MARK: objects

    @Test("a symbol naming a function, global or data segment that does not exist is an error at its entry",
          arguments: [
            ("defined function", B.Symbol.element(kind: 0, flags: 0, index: 2, name: "g"),
             "a defined function symbol to name one of the 1 defined functions (index 2, 1 imported)"),
            ("imported function", B.Symbol.element(kind: 0, flags: B.Symbol.undefined, index: 1, name: nil),
             "an undefined function symbol to name one of the 1 function imports (index 1)"),
            ("defined global", B.Symbol.element(kind: 2, flags: 0, index: 0, name: "counter"),
             "a defined global symbol to name one of the 0 defined globals (index 0, 0 imported)"),
            ("imported global", B.Symbol.element(kind: 2, flags: B.Symbol.undefined, index: 7, name: nil),
             "an undefined global symbol to name one of the 0 global imports (index 7)"),
            ("data segment", B.Symbol.data(name: "table", segment: 3),
             "a data symbol segment index below 0 (found 3)"),
          ])
    func symbolIndexOutOfRange(what: String, entry: [UInt8], expected: String) throws {
        let valid = B.Symbol.element(kind: 0, flags: B.Symbol.undefined, index: 0, name: nil)
        let object = Self.object(symbols: [valid, entry])
        let error = try #require(Self.objectError(object.bytes))
        #expect(error.offset == object.symbolOffsets[1], "\(what)")
        #expect(error.expected == expected, "\(what)")
        try Self.expectCLI("symbols", object.bytes, failsAt: error.offset)
    }

    @Test("a function section and a code section of different lengths are an error, as in LLVM")
    func functionAndCodeCountsDiffer() throws {
        var noCode = ModuleBuilder()
        noCode.section(1, B.vector([B.voidFunctionType]))
        let functionsAt = noCode.nextSectionOffset
        noCode.section(3, B.vector([B.uleb(0), B.uleb(0)]))
        noCode.custom("linking", B.linkingContent(symbols: []).content)
        let error = try #require(Self.objectError(noCode.bytes))
        #expect(error.offset == functionsAt)
        #expect(error.expected == "as many function bodies as the 2 functions of the function section (found 0)")
        try Self.expectCLI("symbols", noCode.bytes, failsAt: error.offset)

        var fewerBodies = ModuleBuilder()
        fewerBodies.section(1, B.vector([B.voidFunctionType]))
        fewerBodies.section(3, B.vector([B.uleb(0), B.uleb(0)]))
        let codeAt = fewerBodies.section(10, B.vector([[0x02, 0x00, 0x0b]]))
        fewerBodies.custom("linking", B.linkingContent(symbols: []).content)
        let fewer = try #require(Self.objectError(fewerBodies.bytes))
        #expect(fewer.offset == codeAt)
        try Self.expectCLI("symbols", fewerBodies.bytes, failsAt: fewer.offset)
    }

    @Test("a relocation patching past the end of its target section is an error at the entry")
    func relocationOffsetOutside() throws {
        let symbol = B.Symbol.element(kind: 0, flags: B.Symbol.undefined, index: 0, name: nil)
        let inside: [UInt8] = [0x00] + B.uleb(4) + B.uleb(0)
        let outside: [UInt8] = [0x00] + B.uleb(0x100) + B.uleb(0)
        let object = Self.object(symbols: [symbol], relocations: [inside, outside])
        let file = ByteStorage(copying: object.bytes)
        let objectFile = try ObjectFile(WasmBinary(file.window))
        let group = try #require(try objectFile.relocationGroups().first)
        let error = try #require(Self.error { () throws(DecodeError) in _ = try objectFile.relocations(in: group) })
        #expect(error.offset == object.relocationOffsets[1])
        #expect(error.expected == "a relocation offset inside code (\(object.codeSize) bytes; found 0x100)")
        try Self.expectCLI("symbols", object.bytes, failsAt: error.offset)
    }

    /// A 32 MB object whose symbol table declares 16 million entries: the count fits the
    /// bytes (each entry takes at least 2), but 16 million decoded symbols take 2.5 GB.
    static func hostileCount() -> (bytes: [UInt8], firstSymbolAt: Int) {
        let padding = 32_000_000
        let declared = padding / 2
        let table = B.uleb(declared) + [UInt8](repeating: 0, count: padding)
        var module = ModuleBuilder()
        let linkingAt = module.custom("linking", [0x02, 0x08] + B.uleb(table.count) + table)
        return (module.bytes, linkingAt + 2 + B.uleb(table.count).count + B.uleb(declared).count)
    }

    @Test("a hostile count cannot make the decoder reserve gigabytes before its first item fails")
    func hostileCountReservesLittle() throws {
        let (bytes, firstSymbolAt) = Self.hostileCount()
        let error = try #require(Self.objectError(bytes))
        #expect(error.offset == firstSymbolAt)
        #expect(error.expected == "a defined function symbol to name one of the 0 defined functions (index 0, 0 imported)")
    }

    @Test("under a 1 GB address-space limit the CLI reports a hostile count instead of aborting",
          .enabled(if: ProcessInfo.processInfo.environment["WASM_UNDEF_SANITIZER"] == nil,
                   "sanitizers reserve terabytes of shadow address space"))
    func hostileCountUnderAddressLimit() throws {
        let (bytes, _) = Self.hostileCount()
        let error = try #require(Self.objectError(bytes))
        let folder = try TemporaryDirectory()
        let path = folder.file("hostile.o").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let result = try Self.shell("ulimit -v 1048576; exec \"$0\" symbols \"$1\"", [try BuiltProducts.wasmUndef().path, path])
        #expect(result.status == 2)
        #expect(result.stderr == "wasm-undef: error: \(path): \(error)\n")
    }

    // MARK: archives

    @Test("an archive member whose size runs past the end is an error at the size field")
    func archiveMemberPastEnd() throws {
        var archive = ArchiveBuilder()
        archive.member("first.o", B.preamble)
        let headerAt = archive.member("second.o", B.preamble, declaredSize: 1000)
        let error = try #require(Self.error { () throws(DecodeError) in _ = try Archive(ByteStorage(copying: archive.bytes).window) })
        #expect(error.offset == headerAt + 48)
        #expect(error.expected == "a member size that fits in the 8 bytes left (declared 1000)")
        try Self.expectCLI("sections", archive.bytes, failsAt: error.offset)
        try Self.expectCLI("symbols", archive.bytes, failsAt: error.offset)
    }

    /// An archive of `count` objects, each with one undefined function `f<i>`; members have
    /// long names (in the `//` table), as most real archive members do.
    static func manyMembers(_ count: Int) -> [UInt8] {
        var archive = ArchiveBuilder(capacity: count * 160)
        let nameOffsets = archive.longNames((0..<count).map { "member-with-a-long-name-\($0).o" })
        for index in 0..<count {
            var module = ModuleBuilder()
            module.section(1, B.vector([B.voidFunctionType]))
            module.section(2, B.vector([B.functionImport(module: "env", name: "f\(index)")]))
            module.custom("linking", B.linkingContent(symbols: [B.Symbol.element(kind: 0, flags: B.Symbol.undefined, index: 0, name: nil)]).content)
            archive.member(rawName: "/\(nameOffsets[index])", module.bytes)
        }
        return archive.bytes
    }

    @Test("members decoded on several threads still list in member order, and the first broken member in order is the error")
    func parallelMembersInOrder() throws {
        let count = 600      // more than two batches of OrderedParallel
        let rows = try SymbolListing.symbols(of: InputFile(path: "many.a", storage: ByteStorage(copying: Self.manyMembers(count))),
                                             withTypes: false)
        #expect(rows.map(\.name) == (0..<count).map { "f\($0)" })
        #expect(rows.map { $0.member ?? "" } == (0..<count).map { "member-with-a-long-name-\($0).o" })
        // Two broken members in one batch (either may be decoded first) and one in a later batch.
        var archive = ArchiveBuilder()
        var module = ModuleBuilder()
        module.section(1, B.vector([B.voidFunctionType]))
        module.custom("linking", B.linkingContent(symbols: []).content)
        let broken = B.preamble + [0x01, 0x7f]         // a type section declaring 127 bytes
        var brokenAt: [Int] = []
        for index in 0..<count {
            let header = archive.member("m\(index).o", [100, 200, 500].contains(index) ? broken : module.bytes)
            if [100, 200, 500].contains(index) { brokenAt.append(header + 60) }
        }
        let file = InputFile(path: "broken.a", storage: ByteStorage(copying: archive.bytes))
        for _ in 0..<20 {
            var listed = 0
            do {
                // Members decoded on every core: still the first broken one is reported.
                try SymbolListing.visit(file, work: AllCores()) { _ in listed += 1 }
                Issue.record("the broken members were not reported")
            } catch {
                let decodeError = try #require(error.decodeError, "\(error)")
                #expect(decodeError.member?.name == "m100.o")
                #expect(decodeError.member?.dataOffset == brokenAt[0])
            }
            #expect(listed == 0, "members before the broken one define no symbol")
        }
    }

    @Test("an archive of 100,000 members lists every member and symbol, in linear time")
    func hundredThousandMembers() throws {
        var timings: [Int: Double] = [:]
        for count in [10_000, 10_000, 100_000] {
            let bytes = Self.manyMembers(count)
            let file = InputFile(path: "many.a", storage: ByteStorage(copying: bytes))
            let elapsed = try Self.seconds {
                let archive = try Archive(file.window)
                #expect(archive.members.count == count)
                #expect(archive.members.last?.name == "member-with-a-long-name-\(count - 1).o")
                #expect(try SectionListing.listings(of: file).count == count)
                var rows = 0
                try SymbolListing.visit(file, withTypes: false) { _ in rows += 1 }
                #expect(rows == count)
            }
            timings[count] = min(timings[count] ?? .infinity, elapsed)
            if count == 100_000 {
                let sections = try Self.seconds {
                    let (result, _) = try Self.cli(["sections", "--tsv"], bytes, name: "many.a")
                    #expect(result.status == 0)
                    #expect(result.stdout.split(separator: "\n").count == 1 + 3 * count)
                }
                let symbols = try Self.seconds {
                    let (result, _) = try Self.cli(["symbols"], bytes, name: "many.a")
                    #expect(result.status == 0)
                    #expect(result.stdout.split(separator: "\n").count == 1 + count)
                }
                print("limits: 100,000 members: wasm-undef sections \(Self.ms(sections)), symbols \(Self.ms(symbols))")
            }
        }
        let small = try #require(timings[10_000]), large = try #require(timings[100_000])
        print("limits: archive, library listing: 10,000 members \(Self.ms(small)), 100,000 members \(Self.ms(large))")
        // Linear is about 10x (the better of two runs of the small one, against noise); the
        // quadratic long-name lookup this caught took 36x.
        #expect(large < max(small, 0.05) * 25, "100,000 members took \(large) s, 10,000 took \(small) s")
    }

    // MARK: a million imports

    /// A module whose import section holds `count` function imports `env.f<i>`.
    static func manyImports(_ count: Int) -> [UInt8] {
        var imports = B.uleb(count)
        imports.reserveCapacity(count * 14)
        let env = B.name("env")
        for index in 0..<count {
            imports += env
            imports += B.name("f\(index)")
            imports += [0x00, 0x00]
        }
        var module = ModuleBuilder()
        module.section(1, B.vector([B.voidFunctionType]))
        module.section(2, imports)
        return module.bytes
    }

    static let millionImports = manyImports(1_000_000)

    @Test("a module with a million imports lists them all, in linear time and memory")
    func millionImports() throws {
        var timings: [Int: Double] = [:]
        for count in [100_000, 1_000_000] {
            let bytes = count == 1_000_000 ? Self.millionImports : Self.manyImports(count)
            let file = InputFile(path: "imports.wasm", storage: ByteStorage(copying: bytes))
            timings[count] = try Self.seconds {
                let binary = try WasmBinary(file.window)
                #expect(try binary.itemCount(of: binary.sections[1]) == count)
                var rows = 0
                try SymbolListing.visit(file, withTypes: false) { _ in rows += 1 }
                #expect(rows == count)
            }
        }
        let small = try #require(timings[100_000]), large = try #require(timings[1_000_000])
        print("limits: imports, library listing: 100,000 \(Self.ms(small)), 1,000,000 \(Self.ms(large))")
        #expect(large < max(small, 0.05) * 30, "1,000,000 imports took \(large) s, 100,000 took \(small) s")

        let folder = try TemporaryDirectory()
        let path = folder.file("imports.wasm").path
        try Data(Self.millionImports).write(to: URL(fileURLWithPath: path))
        let tool = try BuiltProducts.wasmUndef().path
        let importSize = try WasmBinary(ByteStorage(copying: Self.millionImports).window).sections[1].header.size
        let sections = try Self.seconds {
            let result = try Run.program(try BuiltProducts.wasmUndef(), ["sections", "--tsv", path])
            #expect(result.status == 0)
            #expect(result.stdout.hasSuffix("\t1\t2\timport\t0xe\t\(importSize)\t1000000\n"))
        }
        // Rows counted by wc, so the test does not hold 80 MB of output; GNU time, where
        // installed, gives the peak memory.
        let time = FileManager.default.isExecutableFile(atPath: "/usr/bin/time") ? "/usr/bin/time -f %M " : ""
        var peakKilobytes = 0
        let symbols = try Self.seconds {
            let result = try Self.shell("\(time)\"$0\" symbols --tsv \"$1\" 2>\"$2\" | wc -l",
                                        [tool, path, folder.file("time").path])
            #expect(result.status == 0)
            #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "1000001")
            peakKilobytes = Int((try? String(contentsOf: folder.file("time"), encoding: .utf8))?
                .trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? 0
        }
        print("limits: 1,000,000 imports (\(Self.millionImports.count) bytes): wasm-undef sections \(Self.ms(sections)), symbols --tsv \(Self.ms(symbols)), peak \(peakKilobytes / 1024) MB")
        #expect(sections < 2)
        // The input is mapped, not copied, and rows are streamed: memory stays well under the
        // size of the output (about 80 MB).
        // (Under a sanitizer, its shadow memory counts too.)
        if peakKilobytes > 0, ProcessInfo.processInfo.environment["WASM_UNDEF_SANITIZER"] == nil {
            #expect(peakKilobytes < 200 * 1024)
        }
    }

    @Test("wasm-undef symbols BIGFILE | head -1 ends quietly with status 0", arguments: ["symbols", "symbols --tsv", "symbols --format json"])
    func closedPipe(command: String) throws {
        let folder = try TemporaryDirectory()
        let path = folder.file("imports.wasm").path
        try Data(Self.millionImports).write(to: URL(fileURLWithPath: path))
        let tool = try BuiltProducts.wasmUndef().path
        let result = try Self.shell("\"$0\" \(command) \"$1\" | head -1; echo \"status ${PIPESTATUS[0]}\"", [tool, path])
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.last == "status 0", "\(command): \(result.stdout)")
        #expect(result.stderr.isEmpty, "\(command): \(result.stderr)")
    }

    // MARK: names

    @Test("a name that is not valid UTF-8 is an error at the name's bytes")
    func invalidUTF8() throws {
        var customName = ModuleBuilder()
        customName.section(0, B.name(bytes: [0x6e, 0xff, 0xfe]) + [0x00])
        let error = try #require(Self.walkError(customName.bytes))
        #expect(error.offset == 11)
        #expect(error.expected == "a name in valid UTF-8")
        try Self.expectCLI("sections", customName.bytes, failsAt: error.offset)
        try Self.expectCLI("symbols", customName.bytes, failsAt: error.offset)

        var importName = ModuleBuilder()
        importName.section(1, B.vector([B.voidFunctionType]))
        let importsAt = importName.section(2, B.vector([B.name("env") + B.name(bytes: [0xc3, 0x28]) + [0x00, 0x00]]))
        let binary = try WasmBinary(ByteStorage(copying: importName.bytes).window)
        let inImport = try #require(Self.error { () throws(DecodeError) in _ = try binary.importSection()?.collect() })
        #expect(inImport.offset == importsAt + 1 + 4 + 1)
        #expect(inImport.expected == "a name in valid UTF-8")
        try Self.expectCLI("symbols", importName.bytes, failsAt: inImport.offset)
    }

    static func ms(_ seconds: Double) -> String { "\(Int((seconds * 1000).rounded())) ms" }

    /// Runs `script` with bash (`$0`, `$1`, … are `arguments`).
    static func shell(_ script: String, _ arguments: [String]) throws -> ProcessResult {
        try Run.program(URL(fileURLWithPath: "/bin/bash"), ["-c", script] + arguments)
    }
}

extension InputError {
    /// The decoder's error, when that is the reason.
    var decodeError: DecodeError? {
        if case .decode(let error) = reason { return error }
        return nil
    }
}

extension Result {
    /// The error, when this is a failure.
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
