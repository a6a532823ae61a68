/// One row of the line-number matrix (§6.2.2): the source position of the instruction at
/// `address`.
public struct LineRow: Sendable, Hashable {
    public var address: UInt64
    /// The file number, as the program's file table numbers it (`LineProgram.path(ofFile:)`).
    public var file: UInt32
    public var line: UInt32
    public var column: UInt32
    public var isStmt: Bool
    public var endSequence: Bool
}

/// The rows of one line program, split into sequences (runs of increasing addresses ended
/// by `DW_LNE_end_sequence`), and the lookup of an address as LLVM's `lookupAddress` does it.
public struct LineTable: Sendable {
    /// A contiguous run of rows: `rows[range]`, covering `lowAddress..<highAddress`.
    public struct Sequence: Sendable, Hashable {
        public var lowAddress: UInt64
        public var highAddress: UInt64
        public var rows: Range<Int>
    }

    public let program: LineProgram
    /// Every row in program order (`llvm-dwarfdump --debug-line`'s order).
    public let rows: [LineRow]
    /// Sequences sorted by low address (empty ones dropped).
    public let sequences: [Sequence]

    /// Runs `program`.
    /// <https://dwarfstd.org/doc/DWARF5.pdf>, §6.2.5 "The Line Number Program".
    public init(_ program: LineProgram) throws(DecodeError) {
        self.program = program
        var machine = LineStateMachine(program: program)
        let run = try insidePayload { () throws(DecodeError) -> ([LineRow], [Sequence]) in try machine.run() }
        rows = run.0
        sequences = run.1.filter { $0.lowAddress < $0.highAddress }.sorted { $0.lowAddress < $1.lowAddress }
    }

    /// The row for `address`: in the sequence that covers it, the last row at or before it.
    public func row(for address: UInt64) -> LineRow? {
        // The last sequence starting at or before the address.
        var low = 0, high = sequences.count
        while low < high {
            let middle = (low + high) / 2
            if sequences[middle].lowAddress <= address { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return nil }
        let sequence = sequences[low - 1]
        guard address < sequence.highAddress else { return nil }
        // The last row whose address is at or before it (rows of a sequence ascend).
        var first = sequence.rows.lowerBound, last = sequence.rows.upperBound
        while first < last {
            let middle = (first + last) / 2
            if rows[middle].address <= address { first = middle + 1 } else { last = middle }
        }
        guard first > sequence.rows.lowerBound else { return nil }
        return rows[first - 1]
    }
}

/// The line-number state machine's registers and opcodes (§6.2.2, §6.2.5).
private struct LineStateMachine {
    let program: LineProgram
    var address: UInt64 = 0
    var opIndex: UInt64 = 0
    var file: UInt32 = 1
    var line: UInt32 = 1
    var column: UInt32 = 0
    var isStmt: Bool
    var rows: [LineRow] = []
    var sequences: [LineTable.Sequence] = []
    var sequenceStart = 0

    init(program: LineProgram) {
        self.program = program
        isStmt = program.defaultIsStmt
    }

    mutating func reset() {
        address = 0
        opIndex = 0
        file = 1
        line = 1
        column = 0
        isStmt = program.defaultIsStmt
    }

    mutating func emit(endSequence: Bool = false) {
        rows.append(LineRow(address: address, file: file, line: line, column: column, isStmt: isStmt, endSequence: endSequence))
        if endSequence {
            let start = sequenceStart
            if start < rows.count {
                sequences.append(LineTable.Sequence(lowAddress: rows[start].address, highAddress: address, rows: start..<rows.count))
            }
            sequenceStart = rows.count
            reset()
        }
    }

    /// Advances the address by `operationAdvance` operations (§6.2.5.1).
    mutating func advance(_ operationAdvance: UInt64) {
        let maximum = UInt64(program.maximumOperationsPerInstruction)
        let length = UInt64(program.minimumInstructionLength)
        if maximum == 1 {
            address &+= length &* operationAdvance
        } else {
            address &+= length &* ((opIndex &+ operationAdvance) / maximum)
            opIndex = (opIndex &+ operationAdvance) % maximum
        }
    }

    mutating func addLine(_ delta: Int64) {
        line = UInt32(truncatingIfNeeded: Int64(line) &+ delta)
    }

    mutating func run() throws(DecodeError) -> ([LineRow], [LineTable.Sequence]) {
        var reader = program.program.reader()
        let opcodeBase = program.opcodeBase
        let lineRange = UInt64(program.lineRange)
        while !reader.isAtEnd {
            let opcodeOffset = reader.offset
            let opcode = try reader.readByte("a line program opcode")
            if opcode >= opcodeBase {
                let adjusted = UInt64(opcode - opcodeBase)
                advance(adjusted / lineRange)
                addLine(Int64(program.lineBase) + Int64(adjusted % lineRange))
                emit()
                continue
            }
            switch opcode {
            case 0:
                let length = try reader.readVarUInt64("an extended opcode length")
                guard length >= 1, length <= UInt64(reader.remaining) else {
                    throw .sizeTooLarge(at: opcodeOffset, size: length, remaining: reader.remaining, "an extended line opcode")
                }
                var operands = try reader.readWindow(Int(length), "an extended line opcode").reader()
                let sub = try operands.readByte("an extended opcode")
                switch sub {
                case DW.lneEndSequence: emit(endSequence: true)
                case DW.lneSetAddress:
                    address = try operands.readUnsigned(size: min(operands.remaining, 8), "an address")
                    opIndex = 0
                default: break   // define_file, set_discriminator, vendor opcodes: nothing a location needs
                }
            case DW.lnsCopy: emit()
            case DW.lnsAdvancePC: advance(try reader.readVarUInt64("an address advance"))
            case DW.lnsAdvanceLine: addLine(try reader.readVarInt64("a line advance"))
            case DW.lnsSetFile: file = UInt32(truncatingIfNeeded: try reader.readVarUInt64("a file number"))
            case DW.lnsSetColumn: column = UInt32(truncatingIfNeeded: try reader.readVarUInt64("a column"))
            case DW.lnsNegateStmt: isStmt.toggle()
            case DW.lnsConstAddPC: advance(UInt64(255 - opcodeBase) / lineRange)
            case DW.lnsFixedAdvancePC:
                address &+= UInt64(try reader.readUInt16LE("a fixed address advance"))
                opIndex = 0
            case DW.lnsSetBasicBlock, DW.lnsSetPrologueEnd, DW.lnsSetEpilogueBegin: break
            default:
                // DW_LNS_set_isa and opcodes this reader does not know: skip their operands.
                let count = Int(opcode) < program.standardOpcodeLengths.count ? program.standardOpcodeLengths[Int(opcode)] : 0
                for _ in 0..<count { _ = try reader.readVarUInt64("a standard opcode operand") }
            }
        }
        return (rows, sequences)
    }
}
