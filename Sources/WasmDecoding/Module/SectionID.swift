/// Section ids of the core binary format (and the exception-handling tag section).
/// Spec: <https://webassembly.github.io/spec/core/binary/modules.html#sections>
public enum SectionID: UInt8, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case custom = 0, type, `import`, function, table, memory, global, export, start, element, code, data, dataCount, tag

    /// Lower-case names as `wasm-objdump`/`llvm-objdump` print them (`type`, `import`, …).
    public var description: String {
        switch self {
        case .custom: "custom"
        case .type: "type"
        case .import: "import"
        case .function: "function"
        case .table: "table"
        case .memory: "memory"
        case .global: "global"
        case .export: "export"
        case .start: "start"
        case .element: "elem"
        case .code: "code"
        case .data: "data"
        case .dataCount: "datacount"
        case .tag: "tag"
        }
    }

    /// LLVM's upper-case spelling (`TYPE`, `CODE`, …), used by `llvm-objdump -h` and by
    /// `reloc.CODE` section names.
    public var llvmName: String { self == .element ? "ELEM" : self == .dataCount ? "DATACOUNT" : description.uppercased() }

    /// Position in the order the spec requires (the tag section sits between memory and
    /// global); nil for custom sections, which may appear anywhere.
    public var orderRank: Int? {
        switch self {
        case .custom: nil
        case .type: 1
        case .import: 2
        case .function: 3
        case .table: 4
        case .memory: 5
        case .tag: 6
        case .global: 7
        case .export: 8
        case .start: 9
        case .element: 10
        case .dataCount: 11
        case .code: 12
        case .data: 13
        }
    }
}
