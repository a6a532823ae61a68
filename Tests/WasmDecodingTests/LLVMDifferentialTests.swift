import Foundation
import Testing
import TestSupport
import WasmDecoding

/// The decoder against the toolchain's LLVM 21 tools: the same symbols as `llvm-nm`, the
/// same symbol table as `llvm-objdump -t`, the same sections as `llvm-objdump -h` and the
/// same relocations as `llvm-objdump -r`, on every fixture and on Debian's wasi-libc.
@Suite("Decoder agrees with llvm-nm and llvm-objdump")
struct LLVMDifferentialTests {
    /// Debian's wasi-libc (`.ci/run` installs it).
    static let wasiLibc = "/usr/lib/wasm32-wasi/libc.a"

    static let hasWasiLibc = FileManager.default.fileExists(atPath: wasiLibc)

    typealias Input = (name: String, url: URL)

    /// Every fixture (the wasi-libc comparison is `OnWasiLibc`).
    static func fixtures() throws -> [Input] {
        try FixtureCatalog.allFiles().filter { $0.name != "linked-module" }
    }

    /// One line of `llvm-nm -P -A -a`: the member (nil for a plain object), name and type letter.
    struct NMSymbol: Hashable, Comparable, CustomStringConvertible {
        var member: String?
        var name: String
        var letter: Character
        static func < (a: NMSymbol, b: NMSymbol) -> Bool { a.description < b.description }
        var description: String { "\(member ?? "-") \(name) \(letter)" }
    }

    static func llvmNM(_ url: URL) throws -> [NMSymbol] {
        guard let nm = Toolchain.llvmNM else { throw ToolMissing(tool: "llvm-nm") }
        let result = try Run.program(nm, ["-P", "-A", "-a", url.path])
        #expect(result.status == 0, "llvm-nm failed: \(result.stderr)")
        return result.stdout.split(separator: "\n").compactMap { line -> NMSymbol? in
            // "path[member]: name T value size" or "path: name T value size"
            guard let colon = line.range(of: ": ") else { return nil }
            let prefix = line[..<colon.lowerBound]
            var member: String? = nil
            if prefix.hasSuffix("]"), let open = prefix.lastIndex(of: "[") {
                member = String(prefix[prefix.index(after: open)..<prefix.index(before: prefix.endIndex)])
            }
            let fields = line[colon.upperBound...].split(separator: " ", omittingEmptySubsequences: false)
            guard fields.count >= 2, let letter = fields[1].first else { return nil }
            return NMSymbol(member: member, name: String(fields[0]), letter: letter)
        }
    }

    /// llvm-nm's type letter for a wasm symbol: `U`/`w` undefined, `W` weak, else `t` for
    /// functions and `d` for everything else, upper-case when not local.
    static func letter(_ symbol: ListedSymbol) -> Character {
        if !symbol.defined { return symbol.binding == .weak ? "w" : "U" }
        if symbol.binding == .weak { return "W" }
        let letter: Character = symbol.kind == .function ? "t" : "d"
        return symbol.binding == .local ? letter : Character(letter.uppercased())
    }

    /// Compares every input with LLVM; returns how many items were compared.
    static func compareWithLLVMNM(_ inputs: [Input]) throws -> Int {
        var compared = 0
        for input in inputs {
            let ours = try SymbolListing.symbols(of: try InputFile.open(path: input.url.path))
                .map { NMSymbol(member: $0.member, name: $0.name, letter: Self.letter($0)) }.sorted()
            let theirs = try Self.llvmNM(input.url).sorted()
            #expect(ours.count == theirs.count, "\(input.name): \(ours.count) symbols, llvm-nm \(theirs.count)")
            let missing = Set(theirs).subtracting(ours), extra = Set(ours).subtracting(theirs)
            #expect(missing.isEmpty && extra.isEmpty,
                    "\(input.name): llvm-nm only: \(missing.sorted().prefix(8)); ours only: \(extra.sorted().prefix(8))")
            compared += ours.count
        }
        return compared
    }

    /// `llvm-objdump` output split per input: for an archive, one block per member.
    static func objdumpBlocks(_ url: URL, _ flag: String) throws -> [String?: [Substring]] {
        guard let objdump = Toolchain.llvmObjdump else { throw ToolMissing(tool: "llvm-objdump") }
        let result = try Run.program(objdump, [flag, url.path])
        #expect(result.status == 0, "llvm-objdump \(flag) failed: \(result.stderr)")
        var blocks: [String?: [Substring]] = [:]
        var current: String? = nil
        for line in result.stdout.split(separator: "\n") {
            if line.hasSuffix("file format wasm") {
                // "libc.a(member.o):\tfile format wasm" or "path:\tfile format wasm"
                let head = line.prefix { $0 != "\t" }.dropLast()
                current = head.hasSuffix(")") ? head.split(separator: "(").last.map { String($0.dropLast()) } : nil
                blocks[current, default: []] = []
                continue
            }
            blocks[current, default: []].append(line)
        }
        return blocks
    }

    /// Our sections of each member (or of the file), keyed like `objdumpBlocks`.
    static func ourBinaries(_ url: URL) throws -> [String?: WasmBinary] {
        let file = try InputFile.open(path: url.path)
        if file.kind == .archive {
            var result: [String?: WasmBinary] = [:]
            for member in try Archive(file.window).members where member.kind.isWasm {
                result[member.name] = try member.binary()
            }
            return result
        }
        return [nil: try WasmBinary(file.window)]
    }

    /// Compares every input with LLVM; returns how many items were compared.
    static func compareSectionsWithObjdump(_ inputs: [Input]) throws -> Int {
        var compared = 0
        for input in inputs {
            let theirs = try Self.objdumpBlocks(input.url, "-h")
            for (member, binary) in try Self.ourBinaries(input.url) {
                // "  0 TYPE            0000001b 00000000 "
                let rows = (theirs[member] ?? []).compactMap { line -> String? in
                    let fields = line.split(separator: " ")
                    guard fields.count >= 3, Int(fields[0]) != nil else { return nil }
                    return "\(fields[1]) \(Int(fields[2], radix: 16) ?? -1)"
                }
                let ours = binary.sections.map { section in
                    "\(section.header.name ?? section.header.id.llvmName) \(section.header.contentRange.count)"
                }
                #expect(ours == rows, "\(input.name) \(member ?? ""): sections differ: ours \(ours), llvm-objdump \(rows)")
                compared += ours.count
            }
        }
        return compared
    }

    /// Compares every input with LLVM; returns how many items were compared.
    static func compareRelocationsWithObjdump(_ inputs: [Input]) throws -> Int {
        var compared = 0
        for input in inputs {
            let theirs = try Self.objdumpBlocks(input.url, "-r")
            for (member, binary) in try Self.ourBinaries(input.url) where binary.isRelocatable {
                let object = try ObjectFile(binary)
                var ours: [String] = []
                for group in try object.relocationGroups() {
                    ours.append("RELOCATION RECORDS FOR [\(group.target.name ?? group.target.id.llvmName)]:")
                    for relocation in try object.relocations(in: group) {
                        let target = relocation.type.refersToSymbol ? object.symbols[Int(relocation.index)].name : String(relocation.index)
                        let offset = String(relocation.offset, radix: 16)
                        let width = object.binary.is64Bit ? 16 : 8
                        let addend = relocation.addend < 0 ? String(relocation.addend) : "+\(relocation.addend)"
                        ours.append(String(repeating: "0", count: max(0, width - offset.count)) + offset + " \(relocation.type) \(target)\(addend)")
                        compared += 1
                    }
                }
                let rows = (theirs[member] ?? []).compactMap { line -> String? in
                    if line.hasPrefix("RELOCATION RECORDS") { return String(line) }
                    let fields = line.split(separator: " ")
                    guard fields.count == 3, fields[0].count == 8 || fields[0].count == 16, fields[0] != "OFFSET" else { return nil }
                    return fields.joined(separator: " ")
                }
                let firstDifference = zip(ours, rows).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(ours.count, rows.count)
                #expect(ours == rows, """
                    \(input.name) \(member ?? ""): relocations differ at line \(firstDifference) (\(ours.count) vs \(rows.count) lines): \
                    ours \(ours.dropFirst(firstDifference).first ?? "<end>"), llvm-objdump \(rows.dropFirst(firstDifference).first ?? "<end>")
                    """)
            }
        }
        return compared
    }

    /// Compares every input with LLVM; returns how many items were compared.
    static func compareSymbolTableWithObjdump(_ inputs: [Input]) throws -> Int {
        var compared = 0
        for input in inputs {
            let theirs = try Self.objdumpBlocks(input.url, "-t")
            for (member, binary) in try Self.ourBinaries(input.url) where binary.isRelocatable {
                let object = try ObjectFile(binary)
                let ours = object.symbols.map { symbol -> String in
                    let scope = symbol.isUndefined || symbol.isWeak ? " " : symbol.isLocal ? "l" : "g"
                    let weak = symbol.isWeak ? "w" : " "
                    let type = symbol.kind == .function ? "F" : symbol.kind == .data ? "O" : " "
                    let hidden = symbol.visibility == .hidden ? " .hidden" : ""
                    return "\(scope)\(weak)\(type) \(symbol.isUndefined ? "*UND*" : "def")\(hidden) \(symbol.name)"
                }.sorted()
                let rows = (theirs[member] ?? []).compactMap { line -> String? in
                    // "00000001 g     F CODE\t00000015 .hidden hidden_helper"
                    guard let space = line.firstIndex(of: " "), line[..<space].allSatisfy(\.isHexDigit),
                          line.distance(from: space, to: line.endIndex) > 9, let tab = line.firstIndex(of: "\t") else { return nil }
                    let flags = Array(line[line.index(after: space)..<line.index(space, offsetBy: 8)])
                    let section = line[line.index(space, offsetBy: 9)..<tab].trimmingCharacters(in: .whitespaces)
                    var rest = line[line.index(after: tab)...].split(separator: " ", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
                    var hidden = ""
                    if rest.hasPrefix(".hidden ") { hidden = " .hidden"; rest.removeFirst(8) }
                    return "\(flags[0])\(flags[1])\(flags[6]) \(section == "*UND*" ? "*UND*" : "def")\(hidden) \(rest)"
                }.sorted()
                #expect(ours == rows, "\(input.name) \(member ?? ""): symbol tables differ: ours only \(Set(ours).subtracting(rows).sorted().prefix(5)), llvm-objdump only \(Set(rows).subtracting(ours).sorted().prefix(5))")
                compared += ours.count
            }
        }
        return compared
    }

    @Test("symbols: the same names, kinds, definedness and bindings as llvm-nm")
    func symbolsAgreeWithLLVMNM() throws {
        #expect(try Self.compareWithLLVMNM(Self.fixtures()) > 100)
    }

    @Test("sections: the same names and sizes, in order, as llvm-objdump -h")
    func sectionsAgreeWithObjdump() throws {
        #expect(try Self.compareSectionsWithObjdump(Self.fixtures()) > 100)
    }

    @Test("relocations: the same offsets, types and symbols, per section, as llvm-objdump -r")
    func relocationsAgreeWithObjdump() throws {
        #expect(try Self.compareRelocationsWithObjdump(Self.fixtures()) > 100)
    }

    @Test("symbol table: the same binding, kind, visibility and definedness as llvm-objdump -t")
    func symbolTableAgreesWithObjdump() throws {
        #expect(try Self.compareSymbolTableWithObjdump(Self.fixtures()) > 100)
    }

    /// The same comparisons on Debian's wasi-libc `libc.a` (7,285 symbols, 11,033 sections,
    /// 45,268 relocations).
    @Suite("Decoder vs LLVM on wasi-libc",
           .enabled(if: LLVMDifferentialTests.hasWasiLibc, "Debian's wasi-libc is not installed (apt-get install wasi-libc)"))
    struct OnWasiLibc {
        static let input: [Input] = [("wasi-libc", URL(fileURLWithPath: LLVMDifferentialTests.wasiLibc))]

        @Test("symbols: the same names, kinds, definedness and bindings as llvm-nm")
        func symbolsAgreeWithLLVMNM() throws {
            #expect(try LLVMDifferentialTests.compareWithLLVMNM(Self.input) > 1000)
        }

        @Test("sections: the same names and sizes, in order, as llvm-objdump -h")
        func sectionsAgreeWithObjdump() throws {
            #expect(try LLVMDifferentialTests.compareSectionsWithObjdump(Self.input) > 1000)
        }

        @Test("relocations: the same offsets, types and symbols, per section, as llvm-objdump -r")
        func relocationsAgreeWithObjdump() throws {
            #expect(try LLVMDifferentialTests.compareRelocationsWithObjdump(Self.input) > 1000)
        }

        @Test("symbol table: the same binding, kind, visibility and definedness as llvm-objdump -t")
        func symbolTableAgreesWithObjdump() throws {
            #expect(try LLVMDifferentialTests.compareSymbolTableWithObjdump(Self.input) > 1000)
        }
    }
}
