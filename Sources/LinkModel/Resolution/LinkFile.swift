import WasmDecoding

/// Index of a file in `Linker.files`.
typealias FileID = Int
/// Index of a symbol in `Linker.symbols` (stable: a symbol replaced "in place", as lld's
/// `replaceSymbol` does, keeps its ID).
typealias SymbolID = Int

/// A function body, data segment or custom section of one object: what GC keeps or drops,
/// and what relocations are scanned in (lld's `InputChunk`).
struct Chunk: Sendable {
    enum Kind: Sendable, Equatable {
        case function
        case segment
        case custom
    }

    var kind: Kind
    /// Position among the object's functions, segments or custom sections.
    var index: Int
    /// Function name, segment name or custom section name (for `referenced_by`).
    var name: String
    /// The relocations that patch this chunk, by offset (a slice of its section's array, so
    /// chunks cost no allocation of their own).
    var relocations: ArraySlice<ChunkRelocation>
    var live: Bool
    /// Dropped because its COMDAT group was kept from an earlier object.
    var discarded = false
    /// Segment flags: TLS and RETAIN.
    var isTLS = false
    var isRetained = false
    /// Segment alignment (log2) and size, for `__start_`/`__stop_` naming only.
    var size = 0
}

/// One relocation, reduced to what the model needs.
struct ChunkRelocation: Sendable {
    var type: RelocationType
    /// Symbol index in the object (a type index for `R_WASM_TYPE_INDEX_LEB`).
    var index: UInt32
    /// Offset of the patched field in its section's content (for code, the DWARF address).
    var offset: UInt32
}

/// Where a chunk lives.
struct ChunkRef: Sendable, Hashable {
    var file: FileID
    var kind: Chunk.Kind
    var index: Int
}

/// An input file as the linker holds it: an object (from the command line or an archive
/// member) or a `#STUB` library.
struct LinkFile: Sendable {
    enum Kind: Sendable {
        case object
        case stubLibrary
    }

    var id: FileID
    var kind: Kind
    /// wasm-ld's name for it: `a.o`, `libc.a(printf.o)`.
    var name: String
    /// Which command-line input it came from.
    var inputIndex: Int
    /// That input's path.
    var path: String = ""
    var memberName: String?
    /// Archive members and `--start-lib` objects start lazy; extraction clears it.
    var lazy: Bool
    /// File-level liveness: objects from the command line and whole-archive members, or any
    /// file one of whose definitions was marked live.
    var live: Bool
    /// The decoded object (objects only; for lazy members, decoded on extraction).
    var object: ObjectFile?
    /// The bytes, for lazy decoding.
    var window: ByteWindow?
    /// The section walk of an object (made when the input is read, or on extraction for
    /// members registered from the archive index).
    var binary: WasmBinary?
    /// The defined non-local names of a lazy member, when known without decoding it.
    var lazyNames: [String]?
    /// Per object symbol index: the symbol it resolved to.
    var symbols: [SymbolID] = []
    var functions: [Chunk] = []
    var segments: [Chunk] = []
    var customSections: [Chunk] = []
    /// `#STUB` lines: symbol → dependencies, in file order.
    var stubDependencies: [(name: String, dependencies: [String])] = []
    /// `target_features` entries.
    var features: [(prefix: Character, name: String)] = []
    /// Init functions (constructors): symbol indices.
    var initFunctionSymbols: [Int] = []

    subscript(chunk kind: Chunk.Kind, index index: Int) -> Chunk {
        get {
            switch kind {
            case .function: functions[index]
            case .segment: segments[index]
            case .custom: customSections[index]
            }
        }
        set {
            switch kind {
            case .function: functions[index] = newValue
            case .segment: segments[index] = newValue
            case .custom: customSections[index] = newValue
            }
        }
    }
}

/// A symbol as lld's symbol table holds it. Defined, undefined and lazy symbols of every
/// kind share one shape; `state` and `kind` say which lld class it would be.
struct LinkSymbol: Sendable {
    enum State: Sendable, Equatable {
        /// Not yet given a body (fresh from `insertName`).
        case placeholder
        case defined
        case undefined
        /// Defined by an archive member (or `--start-lib` object) that is not loaded yet.
        case lazy
    }

    /// What the linker made up for it, for linker-defined symbols.
    enum Synthetic: Sendable, Equatable {
        case function
        case global
        case data
        case table
        /// `undefined_weak:<name>`, `signature_mismatch:<name>`, `undefined_stub`.
        case stub(String)
    }

    var name: String
    var kind: SymbolKind = .function
    var state: State = .placeholder
    var flags: SymbolFlags = []
    /// Defining file; for undefined symbols the first file that mentioned it; nil = `<internal>`.
    var file: FileID?
    var signature: FuncType?
    var globalType: GlobalTypeInfo?
    var tableType: TableType?
    /// The signature, global type or table type, as reports spell it (nil for data).
    var typeDescription: String? {
        switch kind {
        case .function, .tag: signature?.description
        case .global: globalType?.description
        case .table: tableType?.description
        case .data, .section: nil
        }
    }
    var importName: String?
    var importModule: String?
    var isCalledDirectly = false
    var isUsedInRegularObj = false
    /// lld's `referenced`: liveness of symbols without a chunk (undefined ones included).
    var referenced = false
    var forceExport = false
    var forceImport = false
    /// A stub's address is never put in the table (address 0).
    var isStub = false
    /// The function body or data segment that defines it.
    var chunk: ChunkRef?
    /// Liveness of a defined global, table or tag (lld's `InputElement::live`).
    var elementLive = false
    var synthetic: Synthetic?
    /// Data symbol size, for the Defined pane.
    var size: UInt64?
    /// Was weak undefined before `handleWeakUndefines` turned it into a stub.
    var wasWeakUndefined = false

    var isDefined: Bool { state == .defined }
    var isUndefined: Bool { state == .undefined }
    var isLazy: Bool { state == .lazy }
    var isWeak: Bool { flags.binding == .weak }
    var isLocal: Bool { flags.binding == .local }
    var isHidden: Bool { flags.visibility == .hidden }
    var isNoStrip: Bool { flags.contains(.noStrip) }
    var isTLS: Bool { flags.contains(.tls) }
    var isUndefWeak: Bool { isUndefined && isWeak }
    /// lld's `isImported()`: an undefined symbol with an explicit import name or claimed by a
    /// `#STUB` library.
    var isImported: Bool { isUndefined && (importName != nil || forceImport) }
}

/// A global's value type and mutability (the decoder's `GlobalType`, which this module cannot
/// construct for the linker's own globals).
struct GlobalTypeInfo: Sendable, Hashable, CustomStringConvertible {
    var valueType: ValueType
    var mutable: Bool

    init(valueType: ValueType, mutable: Bool) {
        self.valueType = valueType
        self.mutable = mutable
    }

    init(_ type: GlobalType) {
        self.init(valueType: type.valueType, mutable: type.mutable)
    }

    /// `i32`, `mut i32`: the decoder's spelling.
    var description: String { mutable ? "mut \(valueType)" : valueType.description }
}
