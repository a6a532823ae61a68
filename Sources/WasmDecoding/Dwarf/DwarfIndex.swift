/// A source position: what `llvm-symbolizer` prints for a code address.
public struct SourcePosition: Sendable, Hashable {
    /// The file relative to `directory` when it lies inside it (`src/lib.rs`), else absolute.
    public var file: String
    /// The compilation directory (`DW_AT_comp_dir`), if the unit gives one.
    public var directory: String?
    public var line: UInt32
    /// 0 when the compiler gave no column.
    public var column: UInt32
    /// The enclosing function, qualified by namespaces (`hostapp::run`), when `.debug_info`
    /// has a subprogram for the address.
    public var function: String?
    /// That function's linkage (symbol) name, when DWARF gives one.
    public var linkageName: String?

    /// The absolute path (the file joined with the compilation directory).
    public var path: String { DwarfPath.join(directory ?? "", file) }

    public init(file: String, directory: String?, line: UInt32, column: UInt32, function: String? = nil, linkageName: String? = nil) {
        self.file = file
        self.directory = directory
        self.line = line
        self.column = column
        self.function = function
        self.linkageName = linkageName
    }
}

/// Code addresses to source positions for one binary: its compile units, their functions
/// and, read when an address first needs them, their line tables.
///
/// Addresses are offsets in the code section's content, as DWARF for wasm uses them
/// (relocation offsets in an object, `call` offsets in a linked module).
public struct DwarfIndex: Sendable {
    public let sections: DwarfSections
    public let units: [CompileUnit]
    /// (low, high, unit, function) for every function of every unit, by low address.
    private let functions: [(low: UInt64, high: UInt64, unit: Int, function: Int)]
    private var tables: [Int: LineTable?] = [:]

    /// Walks `.debug_info`; line tables wait for `location(at:)`.
    public init(_ sections: DwarfSections) throws(DecodeError) {
        self.sections = sections
        units = try DebugInfo(sections).units()
        var functions: [(low: UInt64, high: UInt64, unit: Int, function: Int)] = []
        for (unitIndex, unit) in units.enumerated() {
            for (functionIndex, function) in unit.functions.enumerated() {
                functions.append((function.lowAddress, function.highAddress, unitIndex, functionIndex))
            }
        }
        self.functions = functions.sorted { $0.low < $1.low }
    }

    /// The line table of unit `index`, decoded on first use; nil when it has none.
    public mutating func lineTable(ofUnit index: Int) throws(DecodeError) -> LineTable? {
        if let cached = tables[index] { return cached }
        let unit = units[index]
        var table: LineTable? = nil
        if let offset = unit.lineProgramOffset, let line = sections.line {
            guard offset < UInt64(line.count) else {
                throw .dwarfOffset(at: line.absoluteStart, value: offset, section: ".debug_line", size: line.count)
            }
            let program = try LineProgram(section: line, offset: Int(offset), addressSize: unit.addressSize,
                                          str: sections.str, lineStr: sections.lineStr)
            table = try LineTable(program)
        }
        tables[index] = table
        return table
    }

    /// The source position of the instruction at `address`, or nil when no line table
    /// covers it.
    public mutating func location(at address: UInt64) throws(DecodeError) -> SourcePosition? {
        var candidates: [Int] = []
        var function: DwarfFunction? = nil
        if let entry = functions.last(startingAtOrBefore: address, where: { address < $0.high }) {
            candidates.append(entry.unit)
            function = units[entry.unit].functions[entry.function]
        }
        // Code without a subprogram: any unit whose line table covers the address.
        candidates += units.indices.filter { !candidates.contains($0) }
        for index in candidates {
            guard let table = try lineTable(ofUnit: index), let row = table.row(for: address),
                  let path = table.program.path(ofFile: Int(row.file)) else { continue }
            let directory = units[index].compilationDirectory
            var file = path
            if let directory, !directory.isEmpty, path.hasPrefix(directory.hasSuffix("/") ? directory : directory + "/") {
                file = String(path.dropFirst(directory.count + (directory.hasSuffix("/") ? 0 : 1)))
            }
            return SourcePosition(file: file, directory: directory, line: row.line, column: row.column,
                                  function: function?.qualifiedName, linkageName: function?.linkageName)
        }
        return nil
    }

    /// Every declaration (`DW_AT_declaration`) named `name`, by source or linkage name.
    public func declarations(named name: String) -> [DwarfDeclaration] {
        units.flatMap { $0.declarations.filter { $0.name == name || $0.linkageName == name } }
    }
}

extension RandomAccessCollection where Index == Int {
    /// Among elements sorted by a start address, the last one starting at or before
    /// `address` that `contains` accepts, looking back a few elements past overlaps.
    func last(startingAtOrBefore address: UInt64, where contains: (Element) -> Bool) -> Element? where Element == DwarfFunction {
        lastIndex(startingAtOrBefore: address, low: \.lowAddress, where: contains).map { self[$0] }
    }

    func last(startingAtOrBefore address: UInt64, where contains: (Element) -> Bool) -> Element?
        where Element == (low: UInt64, high: UInt64, unit: Int, function: Int) {
        lastIndex(startingAtOrBefore: address, low: \.low, where: contains).map { self[$0] }
    }

    private func lastIndex(startingAtOrBefore address: UInt64, low: (Element) -> UInt64, where contains: (Element) -> Bool) -> Int? {
        var first = startIndex, last = endIndex
        while first < last {
            let middle = (first + last) / 2
            if low(self[middle]) <= address { first = middle + 1 } else { last = middle }
        }
        var index = first - 1
        var looked = 0
        while index >= startIndex, looked < 8 {
            if contains(self[index]) { return index }
            index -= 1
            looked += 1
        }
        return nil
    }
}
