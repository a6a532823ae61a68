import Foundation
import Testing
import TestSupport
@testable import WasmDecoding

/// The DWARF readers against `llvm-dwarfdump-19 --debug-line` (every row of every line
/// program) and the toolchain's `llvm-symbolizer` (file, line and column of every code
/// relocation), on objects clang 21 builds with DWARF 4 and 5, optimised and not.
@Suite("DWARF line tables agree with llvm-dwarfdump and llvm-symbolizer",
       .enabled(if: Toolchain.clang != nil && DwarfOracles.dwarfdump != nil && DwarfOracles.symbolizer != nil,
                "needs clang, llvm-symbolizer (Swift toolchain) and llvm-dwarfdump-19 (Debian llvm-19)"))
struct DwarfTests {
    static let source = """
        int host_now(void);
        void host_log(int);
        extern int config_value;
        #line 10 "include/inline.h"
        static inline int twice(int x) { return host_now() * x + host_now(); }
        #line 20 "src/main.c"
        int helper(int x) {
          if (x > 3)
            return twice(x) + config_value;
          host_log(x);
          return host_now();
        }
        void _start(void) {
          host_log(helper(3));
          config_value = helper(4);
        }
        """

    static let variants: [[String]] = [["-g"], ["-gdwarf-5"], ["-gdwarf-4", "-O1"], ["-gdwarf-5", "-O2"]]

    static func object(_ flags: [String]) throws -> URL {
        try Fixtures.object(source, flags: flags + (flags.contains { $0.hasPrefix("-O") } ? [] : ["-O0"]))
    }

    static func binary(_ url: URL) throws -> (WasmBinary, ObjectFile) {
        let binary = try WasmBinary(ByteStorage(copying: try Data(contentsOf: url)).window)
        return (binary, try ObjectFile(binary))
    }

    static func ourTables(_ sections: DwarfSections) throws -> [Int: LineTable] {
        var index = try DwarfIndex(sections)
        var tables: [Int: LineTable] = [:]
        for unit in index.units.indices {
            if let table = try index.lineTable(ofUnit: unit) { tables[table.program.unitOffset] = table }
        }
        return tables
    }

    @Test("every row of every line program, DWARF 4 and 5", arguments: variants)
    func rowsMatchDwarfdump(flags: [String]) throws {
        let url = try Self.object(flags)
        let (binary, object) = try Self.binary(url)
        let tables = try Self.ourTables(try DwarfSections(binary: binary, object: object))
        let expected = try DwarfOracles.lineTables(url.path)
        try #require(!expected.isEmpty)
        for program in expected {
            let table = try #require(tables[program.offset], "no line table at 0x\(String(program.offset, radix: 16))")
            #expect(Int(table.program.version) == program.version)
            let rows = table.rows.map { DwarfOracles.Row(address: $0.address, line: $0.line, column: $0.column, file: $0.file, endSequence: $0.endSequence) }
            #expect(rows == program.rows)
        }
        let version = flags.contains("-gdwarf-5") ? 5 : 4
        #expect(expected.allSatisfy { $0.version == version })
    }

    @Test("each code relocation's offset maps to llvm-symbolizer's file:line:column", arguments: variants)
    func relocationsMatchSymbolizer(flags: [String]) throws {
        let url = try Self.object(flags)
        let (binary, object) = try Self.binary(url)
        var index = try DwarfIndex(try DwarfSections(binary: binary, object: object))
        let code = try #require(object.relocationGroups().first { $0.target.id == .code })
        let offsets = try object.relocations(in: code).map { UInt64($0.offset) }
        try #require(offsets.count >= 6)
        let answers = try DwarfOracles.symbolize(url.path, addresses: offsets)
        try #require(answers.count == offsets.count)
        for (offset, answer) in zip(offsets, answers) {
            let location = try #require(try index.location(at: offset), "no location for 0x\(String(offset, radix: 16))")
            #expect("\(location.path):\(location.line):\(location.column)" == answer.location, "at 0x\(String(offset, radix: 16))")
            #expect(location.function == answer.function, "at 0x\(String(offset, radix: 16))")
        }
    }

    @Test("relocations are applied: an object whose debug fields are zeroed reads the same")
    func relocationsApplied() throws {
        let url = try Self.object(["-gdwarf-5"])
        let original = try Data(contentsOf: url)
        let (binary, object) = try Self.binary(url)
        // Zero every field the .debug_* relocations patch, as a writer that leaves the values
        // to the linker would.
        var bytes = [UInt8](original)
        var zeroed = 0
        for group in try object.relocationGroups() where group.target.name?.hasPrefix(".debug_") == true {
            for relocation in try object.relocations(in: group) where [.functionOffsetI32, .sectionOffsetI32].contains(relocation.type) {
                let at = group.target.contentRange.lowerBound + Int(relocation.offset)
                for byte in at..<(at + 4) { bytes[byte] = 0 }
                zeroed += 1
            }
        }
        try #require(zeroed > 10)
        let blankBinary = try WasmBinary(ByteStorage(copying: bytes).window)
        let blankObject = try ObjectFile(blankBinary)
        let relocated = try Self.ourTables(try DwarfSections(binary: blankBinary, object: blankObject))
        let expected = try Self.ourTables(try DwarfSections(binary: binary, object: object))
        #expect(relocated.mapValues(\.rows) == expected.mapValues(\.rows))
        // Read as a linked module would be (nothing applied), the zeroed object differs.
        let unrelocated = try? Self.ourTables(try DwarfSections(binary: blankBinary, object: nil))
        #expect(unrelocated?.mapValues(\.rows) != expected.mapValues(\.rows))
    }

    @Test("declarations carry their file and line (clang -O1 emits them for callees)")
    func declarations() throws {
        let (binary, object) = try Self.binary(try Self.object(["-gdwarf-5", "-O1"]))
        let index = try DwarfIndex(try DwarfSections(binary: binary, object: object))
        let declaration = try #require(index.declarations(named: "host_log").first)
        #expect(declaration.declFile?.hasSuffix("src/main.c") == true || declaration.declFile?.hasSuffix(".src") == true)
        #expect(declaration.declLine == 2)
    }

    @Test("a truncated or corrupt line program is an error with its offset, never a crash")
    func corruptLineProgram() throws {
        let (binary, object) = try Self.binary(try Self.object(["-g"]))
        let sections = try DwarfSections(binary: binary, object: object)
        let line = try #require(sections.line)
        for cut in stride(from: 0, to: line.count, by: 3) {
            let truncated = DwarfSections(info: sections.info, abbrev: sections.abbrev, str: sections.str,
                                          line: line.slice(relative: 0..<cut))
            do {
                var index = try DwarfIndex(truncated)
                _ = try index.location(at: 0x20)
            } catch {
                #expect(error.offset >= line.absoluteStart && error.offset <= line.absoluteEnd)
            }
        }
        var bytes = line.bytes
        bytes[4] = 9   // version 9
        let bad = DwarfSections(info: sections.info, abbrev: sections.abbrev, str: sections.str,
                                line: ByteStorage(copying: bytes, origin: line.absoluteStart).window)
        var index = try DwarfIndex(bad)
        #expect(throws: DecodeError.self) { _ = try index.location(at: 0x20) }
    }
}
