import WasmDecoding

/// Where a loaded object declares a symbol: its symbol-table entry, and for an undefined
/// function, global, table or tag the import entry it names. What the TUI's detail view
/// shows as raw bytes with offsets.
public struct SymbolDeclaration: Sendable {
    /// The object as wasm-ld names it: `a.o`, `libc.a(printf.o)`.
    public var input: String
    /// The command-line input it came from.
    public var path: String
    /// The archive member, if any.
    public var member: String?
    /// The decoded symbol-table entry (its `entryRange` is absolute in `path`).
    public var symbol: ObjectSymbol
    /// The encoded symbol-table entry.
    public var entryBytes: ByteWindow
    /// The import entry an undefined function, global, table or tag names.
    public var importEntry: Import?
    /// The encoded import entry.
    public var importBytes: ByteWindow?
}

extension ResolvedLink {
    /// Every non-local symbol-table entry named `name` in the objects the link loaded, in
    /// link order (definitions and references alike). Archive members that were never
    /// extracted are not decoded, so they are not searched.
    public func declarations(of name: String) -> [SymbolDeclaration] {
        var result: [SymbolDeclaration] = []
        for fileID in linker.objectFiles {
            let file = linker.files[fileID]
            guard let object = file.object, let window = file.window else { continue }
            for symbol in object.symbols where symbol.name == name && !symbol.isLocal {
                var declaration = SymbolDeclaration(
                    input: file.name, path: linker.inputs.indices.contains(file.inputIndex) ? linker.inputs[file.inputIndex].path : file.name,
                    member: file.memberName, symbol: symbol, entryBytes: window.slice(absolute: symbol.entryRange))
                if symbol.isUndefined, let element = symbol.elementIndex, symbol.kind != .data, symbol.kind != .section {
                    let imports = object.imports.filter { Self.importKind($0.descriptor) == symbol.kind }
                    if Int(element) < imports.count {
                        declaration.importEntry = imports[Int(element)]
                        declaration.importBytes = window.slice(absolute: imports[Int(element)].range)
                    }
                }
                result.append(declaration)
            }
        }
        return result
    }

    private static func importKind(_ descriptor: Import.Descriptor) -> SymbolKind? {
        switch descriptor {
        case .function: .function
        case .global: .global
        case .table: .table
        case .tag: .tag
        case .memory: nil
        }
    }
}
