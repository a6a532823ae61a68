/// A symbol of a relocatable object with everything the symbol table leaves implicit filled
/// in: the name of an undefined symbol comes from its import, the import module and field,
/// and the type from the import or the defining section.
public struct ObjectSymbol: Sendable, Hashable {
    /// The element's type, when the kind has one.
    public enum ElementType: Sendable, Hashable {
        case function(FuncType)
        case global(GlobalType)
        case table(TableType)
        case tag(FuncType)
    }

    /// Position in the object's symbol table (what relocations refer to).
    public var index: Int
    public var kind: SymbolKind
    public var flags: SymbolFlags
    /// The symbol name (for a section symbol, the section's name).
    public var name: String
    /// Function, global, table or tag index, or the section index of a section symbol.
    public var elementIndex: UInt32?
    /// Import module and field of an undefined function/global/table/tag (the object's own
    /// import entry: `env` unless `import_module` was given).
    public var importModule: String?
    public var importName: String?
    /// Signature, global type, table type or tag signature; nil for data and sections, or
    /// when the type index is out of range.
    public var type: ElementType?
    /// Segment/offset/size of a defined data symbol.
    public var placement: SymbolInfo.DataPlacement?
    /// Absolute range of the encoded symbol-table entry (for raw-byte views).
    public var entryRange: Range<Int>

    public var isDefined: Bool { !flags.isUndefined }
    public var isUndefined: Bool { flags.isUndefined }
    public var binding: SymbolBinding { flags.binding }
    public var visibility: SymbolVisibility { flags.visibility }
    public var isWeak: Bool { flags.isWeak }
    public var isLocal: Bool { flags.isLocal }
    /// Whether the symbol carries an import name of its own (`import_name`, Rust
    /// `wasm_import_module`): what makes wasm-ld treat it as explicitly imported.
    public var hasExplicitImportName: Bool { flags.contains(.explicitName) }

    /// The function signature of a function symbol.
    public var signature: FuncType? {
        if case .function(let signature) = type { return signature }
        return nil
    }

    /// `(i32) -> i32`, `mut i32`, `funcref 1`, or nil.
    public var typeDescription: String? {
        switch type {
        case .function(let signature), .tag(let signature): signature.description
        case .global(let global): global.description
        case .table(let table): table.description
        case nil: nil
        }
    }
}
