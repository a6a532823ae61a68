/// Kinds of entries in the `linking` symbol table (tool-conventions `Linking.md`).
/// Spec: <https://github.com/WebAssembly/tool-conventions/blob/main/Linking.md#symbol-table-subsection>
public enum SymbolKind: UInt8, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case function = 0, data, global, section, tag, table

    /// `function`, `data`, `global`, `section`, `tag`, `table`: the spelling of the reports.
    public var description: String {
        switch self {
        case .function: "function"
        case .data: "data"
        case .global: "global"
        case .section: "section"
        case .tag: "tag"
        case .table: "table"
        }
    }

    /// LLVM's `WASM_SYMBOL_TYPE_…` name, as wasm-ld prints it in type-mismatch errors.
    public var llvmName: String {
        switch self {
        case .function: "WASM_SYMBOL_TYPE_FUNCTION"
        case .data: "WASM_SYMBOL_TYPE_DATA"
        case .global: "WASM_SYMBOL_TYPE_GLOBAL"
        case .section: "WASM_SYMBOL_TYPE_SECTION"
        case .tag: "WASM_SYMBOL_TYPE_TAG"
        case .table: "WASM_SYMBOL_TYPE_TABLE"
        }
    }
}

/// Symbol binding: the low two bits of the flags.
public enum SymbolBinding: UInt8, Sendable, Hashable, CustomStringConvertible {
    case global = 0, weak = 1, local = 2, common = 3

    public var description: String {
        switch self {
        case .global: "global"
        case .weak: "weak"
        case .local: "local"
        case .common: "common"
        }
    }
}

/// Symbol visibility: bits 2–3 of the flags.
public enum SymbolVisibility: UInt8, Sendable, Hashable, CustomStringConvertible {
    case `default` = 0, hidden = 1

    public var description: String { self == .hidden ? "hidden" : "default" }
}

/// The symbol flags word.
/// Spec: <https://github.com/WebAssembly/tool-conventions/blob/main/Linking.md#symbol-table-subsection>
public struct SymbolFlags: OptionSet, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let bindingWeak = SymbolFlags(rawValue: 0x1)
    public static let bindingLocal = SymbolFlags(rawValue: 0x2)
    public static let visibilityHidden = SymbolFlags(rawValue: 0x4)
    public static let undefined = SymbolFlags(rawValue: 0x10)
    public static let exported = SymbolFlags(rawValue: 0x20)
    public static let explicitName = SymbolFlags(rawValue: 0x40)
    public static let noStrip = SymbolFlags(rawValue: 0x80)
    public static let tls = SymbolFlags(rawValue: 0x100)
    public static let absolute = SymbolFlags(rawValue: 0x200)

    public var binding: SymbolBinding { SymbolBinding(rawValue: UInt8(rawValue & 0x3)) ?? .global }
    public var visibility: SymbolVisibility { rawValue & 0xc == 0x4 ? .hidden : .default }
    public var isUndefined: Bool { contains(.undefined) }
    public var isWeak: Bool { binding == .weak }
    public var isLocal: Bool { binding == .local }

    /// The flag names the `symbols` command lists (`exported`, `explicit_name`, …), binding
    /// and visibility excluded (they have their own columns).
    public var names: [String] {
        var names: [String] = []
        if contains(.exported) { names.append("exported") }
        if contains(.explicitName) { names.append("explicit_name") }
        if contains(.noStrip) { names.append("no_strip") }
        if contains(.tls) { names.append("tls") }
        if contains(.absolute) { names.append("absolute") }
        let known: UInt32 = 0x3ff
        if rawValue & ~known != 0 { names.append("0x" + String(rawValue & ~known, radix: 16)) }
        return names
    }

    public var description: String { "0x" + String(rawValue, radix: 16) }
}
