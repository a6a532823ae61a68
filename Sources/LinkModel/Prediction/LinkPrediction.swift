import WasmDecoding

/// What wasm-ld would do with a link under one policy: every undefined symbol's fate, the
/// import section it would write, the lines it would print, and whether it would succeed.
///
/// Made by `ResolvedLink.predict(policy:)`; the expensive part (reading inputs, resolution,
/// liveness) lives in `ResolvedLink` and is shared between policies.
public struct LinkPrediction: Sendable {
    /// The options the prediction was made for (with the policy applied).
    public var options: LinkOptions
    /// The policy the outcomes are for.
    public var policy: UndefinedPolicy
    /// The inputs in command-line order, with the archive members that were loaded.
    public var inputs: [InputSummary]
    /// Symbols undefined at the end of resolution that are referenced from live code, imported,
    /// or diagnosed, in wasm-ld's symbol-table order (first mention in link order). Undefined
    /// symbols that nothing live uses are in `unreferencedUndefined`.
    public var undefined: [UndefinedSymbol]
    /// Undefined symbols of loaded inputs that nothing live references: no diagnostic, no import.
    public var unreferencedUndefined: [UndefinedSymbol]
    /// The output's import section, in wasm-ld's order, deduplicated as wasm-ld does.
    public var imports: [PredictedImport]
    /// Every line wasm-ld would print, in order, the error limit applied.
    public var diagnostics: [Diagnostic]
    /// Whether wasm-ld would exit 0.
    public var linkOK: Bool
    /// The link stopped before undefined symbols were examined (resolution errors, a missing
    /// allow file, the entry error…): `undefined` then shows what resolution found, and
    /// their outcomes are `.notReached`.
    public var stoppedEarly: Bool
    /// wasm-ld exits 0 but the module references global/table/tag index 0xFFFFFFFF (§4.3):
    /// it will fail validation when loaded.
    public var writesInvalidModule: Bool
    /// Flags accepted but not modelled.
    public var ignoredFlags: [String]

    /// Errors among `diagnostics`.
    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    /// Warnings among `diagnostics`.
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
}

/// One input as the prediction used it.
public struct InputSummary: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case object, archive, stubLibrary = "stub-library"
    }

    /// The path as given (for `-l`, as found).
    public var path: String
    public var kind: Kind
    /// Archive members loaded (wasm-ld's order of extraction); objects list nothing.
    public var membersUsed: [String]
    /// Number of members in an archive.
    public var memberCount: Int
    /// The `.imports` side file that was read for this archive, if any.
    public var importsFile: String?

    /// The Rust crate of an `.rlib` input (`libserde_json-1a2b3c4d.rlib` → `serde_json`), which
    /// answers "which crate brought this symbol?" for references from its members.
    public var crateName: String? { Self.crateName(ofRustLibrary: path) }

    /// The crate an `.rlib` file name stands for: rustc names it `lib<crate>.rlib`, and cargo
    /// `lib<crate>-<hash>.rlib` (crate names have `_`, never `-`); nil for other files.
    public static func crateName(ofRustLibrary path: String) -> String? {
        let fileName = path.split(separator: "/", omittingEmptySubsequences: false).last ?? Substring(path)
        guard fileName.hasPrefix("lib"), fileName.hasSuffix(".rlib") else { return nil }
        var stem = fileName.dropFirst(3).dropLast(5)
        if let dash = stem.lastIndex(of: "-") { stem = stem[..<dash] }
        return stem.isEmpty ? nil : String(stem)
    }
}

/// Which kind of thing a symbol names.
public enum SymbolKindName: String, Sendable, Hashable, Codable {
    case function, data, global, table, tag

    init(_ kind: SymbolKind) {
        switch kind {
        case .function: self = .function
        case .data, .section: self = .data
        case .global: self = .global
        case .table: self = .table
        case .tag: self = .tag
        }
    }
}

/// Who references an undefined symbol: one entry per relocation in a live chunk (or in any
/// chunk, for unreferenced symbols), in wasm-ld's scan order.
public struct Reference: Sendable, Hashable {
    /// The input as wasm-ld names it: `a.o`, `libc.a(printf.o)`.
    public var input: String
    /// The path of the file on the command line.
    public var path: String
    /// The archive member, if any.
    public var member: String?
    /// The function whose body holds the reference, or the data segment or custom section.
    public var function: String?
    /// `code`, `data` or the custom section's name.
    public var section: String
    /// The relocation type (`R_WASM_FUNCTION_INDEX_LEB` …).
    public var relocation: String
    /// Whether the chunk is live (a reference from dead code never counts).
    public var live: Bool
    /// Offset of the relocated field in its section's content: for `code`, the address
    /// DWARF gives the instruction (what source locations are looked up by).
    public var offset: Int? = nil
}

/// What happens to one undefined symbol.
public enum Outcome: String, Sendable, Hashable, Codable {
    /// Imported; no diagnostic.
    case `import`
    /// Imported, and a warning is printed (`--warn-unresolved-symbols --import-undefined` on a global).
    case warningImport = "warning-import"
    /// At least one error names it.
    case error
    /// A warning, then resolved inside the module (trap stub, address 0, or the invalid index).
    case warning
    /// Silently resolved inside the module: calls trap (`undefined_stub`), addresses are 0.
    case zero
    /// Silently resolved to index 0xFFFFFFFF: the output is not a valid module.
    case invalidIndex = "invalid-index"
    /// Weak: never diagnosed; calls trap in `undefined_weak:<name>`, address 0.
    case weakUndefined = "weak-undefined"
    /// The link stopped before undefined symbols were examined.
    case notReached = "not-reached"
    /// Nothing live references it: no diagnostic, no import.
    case unreferenced
}

/// How an undefined symbol that is not imported is resolved inside the module.
public enum InternalResolution: String, Sendable, Hashable, Codable {
    /// Direct calls go to `undefined_stub` (one per signature), which traps.
    case trapStub = "trap-stub"
    /// Calls go to `undefined_weak:<name>`; the address is 0.
    case weakStub = "weak-stub"
    /// Every address of the data symbol is 0 (plus the addend).
    case addressZero = "address-zero"
    /// Instructions use index 0xFFFFFFFF: an invalid module (§4.3).
    case invalidIndex = "invalid-index"
}

/// One undefined symbol, its references and its outcome under the prediction's policy.
public struct UndefinedSymbol: Sendable, Hashable {
    /// The symbol name as in the objects (mangled).
    public var name: String
    /// The name as wasm-ld prints it (demangled unless `--no-demangle`; `main` for
    /// `__main_argc_argv`).
    public var displayName: String
    public var kind: SymbolKindName
    /// Weak if every reference is weak.
    public var weak: Bool
    /// The import module the objects give (`env` unless `import_module`); nil for data.
    public var importModule: String?
    /// The explicit import name (`import_name`, `EXPLICIT_NAME`), which makes it always imported.
    public var explicitImportName: String?
    /// Claimed by a `#STUB` library.
    public var claimedByStubLibrary: Bool
    /// Function/tag signature, global type or table type, in wasm-ld's spelling.
    public var type: String?
    /// Function signature, for fix-its.
    public var signature: FuncType?
    /// Every relocation against it from live chunks, in wasm-ld's scan order. Empty for
    /// unreferenced symbols: `ResolvedLink.references(to:)` lists their dead references.
    public var referencedBy: [Reference]
    /// The first input that mentions it.
    public var firstReferencedIn: String?
    public var outcome: Outcome
    /// How it resolves when not imported.
    public var resolution: InternalResolution?
    /// The import entry it becomes, if any.
    public var predictedImport: PredictedImport?
    /// The `GOT.mem`/`GOT.func` import it needs, if any.
    public var gotImport: PredictedImport?
    /// Whether the allow list (`--allow-undefined-file`, `.imports` files) names it.
    public var inAllowList: Bool
    /// The diagnostics that name it, in order (also in `LinkPrediction.diagnostics`).
    public var diagnostics: [Diagnostic]
}

/// A defined symbol after resolution.
public struct DefinedSymbol: Sendable, Hashable {
    public var name: String
    public var kind: SymbolKindName
    /// `global` or `weak`.
    public var binding: String
    /// `default` or `hidden`.
    public var visibility: String
    /// Flag names: `exported`, `no_strip`, `explicit_name`, `tls`, `absolute`.
    public var flags: [String]
    /// The defining input (`a.o`, `libc.a(printf.o)`), or `<internal>` for linker-defined symbols.
    public var definedIn: String
    /// Data size in bytes, if a data symbol.
    public var size: UInt64?
    /// Exported from the output (`--export`, `export_name`, `--export-all`, …) and live.
    public var exported: Bool
    /// Whether GC keeps it.
    public var live: Bool
    /// Function/tag signature, global type or table type.
    public var type: String?
}

/// One entry of the predicted import section.
public struct PredictedImport: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case function, table, memory, global, tag
    }

    public var module: String
    public var name: String
    public var kind: Kind
    /// The type in wasm-ld's spelling: `(i32) -> i32`, `mut i32`, `externref`, `memory`.
    /// For the linker-owned memory and `__indirect_function_table` imports the limits depend on
    /// the memory/table layout, which is not modelled: only the element type is given.
    public var type: String
    /// The symbol it imports (nil for memory).
    public var symbol: String?
    /// The type's limits are decided at layout (`--import-memory`, `--import-table`).
    public var layoutDependent: Bool

    public init(module: String, name: String, kind: Kind, type: String, symbol: String?, layoutDependent: Bool = false) {
        self.module = module
        self.name = name
        self.kind = kind
        self.type = type
        self.symbol = symbol
        self.layoutDependent = layoutDependent
    }
}
