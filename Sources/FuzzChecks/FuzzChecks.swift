import WasmDecoding

/// The properties the fuzzers (`Fuzz/`) check on every input, shared with the regression
/// tests so that a crash file replays exactly what the fuzzer ran.
///
/// Every check decodes hostile bytes as the tool would and asks for one thing: a value, or a
/// `DecodeError` whose offset lies inside the input. A crash, a hang or a huge allocation is
/// caught by the sanitizers around the check; a wrong answer is reported as a `FuzzFinding`.
public enum FuzzChecks {
    /// One fuzz target: what its input bytes are taken to be.
    public enum Target: String, Sendable, CaseIterable {
        /// A module or object: every section reader, the section and symbol listings.
        case module
        /// A relocatable object: the symbol table and the relocations of every group.
        case object
        /// An `ar` archive: every member, and every wasm member decoded.
        case archive
        /// A module fed to `ModuleStream` in chunks cut where the input's first bytes say;
        /// the result must equal `WasmBinary` on the whole (a differential oracle).
        case stream
        /// An object linked with a fixed one (`FuzzChecks-link.swift`): predictions under
        /// every policy, or an error that blames the fuzzed file.
        case link
    }

    /// Runs `target`'s check on `bytes`.
    public static func check(_ target: Target, _ bytes: UnsafeRawBufferPointer) throws(FuzzFinding) {
        switch target {
        case .module: try module(bytes)
        case .object: try object(bytes)
        case .archive: try archive(bytes)
        case .stream: try stream(bytes)
        case .link: try link(bytes)
        }
    }

    /// The target a regression file was found by, from its name (`stream-crash-…`); nil when
    /// the name does not say.
    public static func target(forFileName name: String) -> Target? {
        Target.allCases.first { name.hasPrefix($0.rawValue + "-") }
    }

    // MARK: targets

    /// bytes → `WasmBinary.decodeAll()`, each section's `ContentDigest`, `SectionListing`,
    /// `SymbolListing` (both passes of the text listing: names skipped, then decoded).
    public static func module(_ bytes: UnsafeRawBufferPointer) throws(FuzzFinding) {
        let file = InputFile(path: "fuzz", storage: ByteStorage(copying: bytes))
        let size = bytes.count
        try outcome(size, "decodeAll") { () throws(DecodeError) in
            let binary = try WasmBinary(file.window)
            for section in binary.sections { _ = ContentDigest.of(section.content) }
            _ = try binary.decodeAll()
        }
        if let binary = try? WasmBinary(file.window) { try sourceLines(binary, object: nil, size) }
        try listings(file, size)
    }

    /// bytes → `ObjectFile`, its chunks, and the checked relocations of every group.
    public static func object(_ bytes: UnsafeRawBufferPointer) throws(FuzzFinding) {
        let storage = ByteStorage(copying: bytes)
        let size = bytes.count
        var object: ObjectFile? = nil
        try outcome(size, "ObjectFile") { () throws(DecodeError) in object = try ObjectFile(WasmBinary(storage.window)) }
        guard let object else { return }
        try objectContents(object, size)
        _ = SymbolListing.rows(object: object, input: "fuzz", member: nil)
    }

    /// bytes → `Archive`, each member's window, every wasm member decoded in full, and the
    /// section and symbol listings of the archive.
    public static func archive(_ bytes: UnsafeRawBufferPointer) throws(FuzzFinding) {
        let file = InputFile(path: "fuzz", storage: ByteStorage(copying: bytes))
        let size = bytes.count
        var archive: Archive? = nil
        try outcome(size, "Archive") { () throws(DecodeError) in archive = try Archive(file.window) }
        guard let archive else { return }
        for member in archive.members {
            guard member.headerOffset >= 0, member.data.absoluteStart >= member.headerOffset + 60,
                  member.data.absoluteEnd <= size else {
                throw FuzzFinding("member \(member.name) at 0x\(hex(member.headerOffset)) has data \(member.data.absoluteRange) outside the \(size)-byte archive")
            }
            _ = member.kind
            guard member.hasWasmMagic else { continue }
            var binary: WasmBinary? = nil
            try outcome(size, "member \(member.name)") { () throws(DecodeError) in
                let walked = try member.binary()
                binary = walked
                do throws(DecodeError) { try walked.decodeAll() } catch { throw error.inMember(member.location) }
            }
            if let binary, binary.isRelocatable {
                var object: ObjectFile? = nil
                try outcome(size, "member \(member.name) as an object") { () throws(DecodeError) in object = try member.object(from: binary) }
                if let object { try objectContents(object, size) }
            }
        }
        for entry in archive.index where entry.memberHeaderOffset < 0 {
            throw FuzzFinding("index entry \(entry.name) points at a negative offset")
        }
        try listings(file, size)
    }

    /// The input's first bytes say where to cut the rest; the rest is fed to `ModuleStream`
    /// chunk by chunk and must give the header, sections and decoded items that `WasmBinary`
    /// gives on the whole, or the same error.
    public static func stream(_ bytes: UnsafeRawBufferPointer) throws(FuzzFinding) {
        let split = StreamSplit(bytes)
        let module = UnsafeRawBufferPointer(rebasing: bytes[split.moduleStart...])
        let storage = ByteStorage(copying: module)

        let whole: Result<WasmBinary, DecodeError>
        do throws(DecodeError) { whole = .success(try WasmBinary(storage.window)) } catch { whole = .failure(error) }

        var stream = ModuleStream()
        let streamed: Result<WasmBinary?, DecodeError>
        do throws(DecodeError) {
            var position = 0
            for end in split.chunkEnds(count: module.count) {
                _ = try stream.feed(UnsafeRawBufferPointer(rebasing: module[position..<end]))
                position = end
            }
            _ = try stream.finish()
            streamed = .success(stream.isFinished ? stream.binary() : nil)
        } catch {
            streamed = .failure(error)
        }

        switch (whole, streamed) {
        case (.failure(let expected), .failure(let found)):
            try checkOffset(expected, module.count, "WasmBinary")
            guard expected == found else {
                throw FuzzFinding("whole: \(expected); streamed in \(split): \(found)")
            }
        case (.failure(let expected), .success):
            throw FuzzFinding("whole: \(expected); streamed in \(split): no error")
        case (.success, .failure(let found)):
            throw FuzzFinding("whole: no error; streamed in \(split): \(found)")
        case (.success, .success(nil)):
            throw FuzzFinding("streamed in \(split): ended unfinished or without a header, and without an error")
        case (.success(let expected), .success(let found?)):
            guard expected.header == found.header else {
                throw FuzzFinding("whole: header \(expected.header); streamed in \(split): \(found.header)")
            }
            let expectedSections = expected.sections.map(SectionDigest.init)
            let foundSections = found.sections.map(SectionDigest.init)
            guard expectedSections == foundSections else {
                throw FuzzFinding("whole: sections \(expectedSections); streamed in \(split): \(foundSections)")
            }
            let expectedItems = decodeAllResult(expected), foundItems = decodeAllResult(found)
            if case .failure(let error) = expectedItems { try checkOffset(error, module.count, "decodeAll") }
            guard expectedItems == foundItems else {
                throw FuzzFinding("whole: decodeAll gives \(expectedItems); streamed in \(split): \(foundItems)")
            }
        }
    }

    // MARK: shared checks

    private static func listings(_ file: InputFile, _ size: Int) throws(FuzzFinding) {
        try outcome(size, "SectionListing") { () throws(DecodeError) in _ = try SectionListing.listings(of: file) }
        try inputOutcome(size, "SymbolListing") { () throws(InputError) in _ = try SymbolListing.symbols(of: file) }
        try inputOutcome(size, "SymbolListing without names") { () throws(InputError) in
            try SymbolListing.visit(file, withTypes: false, withNames: false) { _ in }
        }
    }

    private static func objectContents(_ object: ObjectFile, _ size: Int) throws(FuzzFinding) {
        try outcome(size, "function bodies and data segments") { () throws(DecodeError) in
            _ = try object.functionBodies()
            _ = try object.dataSegments()
        }
        var groups: [ObjectFile.RelocationGroup] = []
        try outcome(size, "relocation groups") { () throws(DecodeError) in groups = try object.relocationGroups() }
        for group in groups {
            var relocations: [Relocation] = []
            try outcome(size, "relocations of \(group.section.header.displayName)") { () throws(DecodeError) in
                relocations = try object.relocations(in: group)
            }
            for relocation in relocations {
                guard Int(relocation.offset) + relocation.type.patchSize <= group.target.contentRange.count else {
                    throw FuzzFinding("relocation at 0x\(hex(relocation.entryOffset)) patches past the end of \(group.target.displayName)")
                }
            }
        }
        for symbol in object.symbols where symbol.index < 0 || symbol.index >= object.symbols.count {
            throw FuzzFinding("symbol \(symbol.name) has index \(symbol.index)")
        }
        try sourceLines(object.binary, object: object, size)
    }

    /// The DWARF readers (relocated by the object's `reloc..debug_*` sections when there is an
    /// object), a lookup at the start of every line-table row, and the call scanner on every
    /// function body: what `--source-lines` reads.
    static func sourceLines(_ binary: WasmBinary, object: ObjectFile?, _ size: Int) throws(FuzzFinding) {
        try outcome(size, "DWARF") { () throws(DecodeError) in
            var index = try DwarfIndex(try DwarfSections(binary: binary, object: object))
            for unit in index.units.indices {
                guard let table = try index.lineTable(ofUnit: unit) else { continue }
                for row in table.rows.prefix(64) { _ = try index.location(at: row.address) }
            }
        }
        var bodies: [FunctionBody] = []
        try outcome(size, "function bodies") { () throws(DecodeError) in bodies = try binary.codeSection()?.collect() ?? [] }
        for body in bodies {
            var calls: [CallSite] = []
            try outcome(size, "call sites") { () throws(DecodeError) in calls = try CallScanner.calls(in: body, of: binary.window) }
            for call in calls where !body.range.contains(call.operandOffset) {
                throw FuzzFinding("a call operand at 0x\(hex(call.operandOffset)) outside its body \(body.range)")
            }
        }
    }

    /// Runs `body`; an error must carry an offset inside the input and say what was expected.
    private static func outcome(_ size: Int, _ what: String, _ body: () throws(DecodeError) -> Void) throws(FuzzFinding) {
        do {
            try body()
        } catch {
            try checkOffset(error, size, what)
        }
    }

    private static func inputOutcome(_ size: Int, _ what: String, _ body: () throws(InputError) -> Void) throws(FuzzFinding) {
        do {
            try body()
        } catch {
            switch error.reason {
            case .decode(let decodeError): try checkOffset(decodeError, size, what)
            case .notModelled: break
            case .file(let fileError): throw FuzzFinding("\(what): a file error from bytes in memory: \(fileError)")
            }
        }
    }

    static func checkOffset(_ error: DecodeError, _ size: Int, _ what: String) throws(FuzzFinding) {
        guard error.offset >= 0, error.offset <= size else {
            throw FuzzFinding("\(what): error offset 0x\(hex(error.offset)) outside the \(size)-byte input: \(error)")
        }
        guard !error.expected.isEmpty else { throw FuzzFinding("\(what): an error that says nothing at 0x\(hex(error.offset))") }
        if let member = error.member, member.dataOffset < 0 || member.dataOffset > size {
            throw FuzzFinding("\(what): member \(member.name) data offset 0x\(hex(member.dataOffset)) outside the input")
        }
    }

    private static func decodeAllResult(_ binary: WasmBinary) -> Result<Int, DecodeError> {
        do throws(DecodeError) { return .success(try binary.decodeAll()) } catch { return .failure(error) }
    }

    static func hex(_ value: Int) -> String { String(value, radix: 16) }
}

/// A property that does not hold: a wrong answer rather than a crash.
public struct FuzzFinding: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// A section as the differential oracle compares it: header fields and content bytes.
struct SectionDigest: Equatable, CustomStringConvertible {
    var header: SectionHeader
    var content: [UInt8]

    init(_ section: Section) {
        header = section.header
        content = section.content.bytes
    }

    var description: String { "#\(header.index) \(header.displayName)@0x\(FuzzChecks.hex(header.headerOffset))" }
}
