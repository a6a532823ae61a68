import WasmDecoding

/// One command-line input, read and classified.
struct LoadedInput: Sendable {
    var path: String
    var kind: InputSummary.Kind
    var storage: ByteStorage
    var archive: Archive?
    /// The `.imports` side file beside an archive, if it exists.
    var importsFile: String?
    var importsNames: Set<String> = []
    /// Files made from this input, in order (one for an object, one per member for an archive).
    var files: [FileID] = []
}

/// wasm-ld's link up to (and including) garbage collection, replayed on decoded objects: the
/// part of a prediction that does not depend on the undefined-symbol policy.
///
/// The phases follow `LinkerDriver::linkerMain` and `Writer::run` in `lld/wasm`; diagnostics
/// are recorded as `LinkEvent`s in the order wasm-ld would print them.
struct Linker {
    let options: LinkOptions
    /// Where the inputs and side files are read from.
    let locations: FileLocations
    /// Decoded objects kept from earlier resolves of this link, if any.
    var cache: DecodeCache?
    /// The inputs' bytes, in the order of `options.inputs`, when the caller opened them.
    var opened: [ByteStorage]?

    var inputs: [LoadedInput] = []
    var files: [LinkFile] = []
    /// `ctx.objectFiles`: parsed objects in the order their parse finished.
    var objectFiles: [FileID] = []
    var stubFiles: [FileID] = []

    var symbols: [LinkSymbol] = []
    /// `symVector`: the table in insertion order (a slot may be re-pointed to a variant).
    var slots: [SymbolID] = []
    var slotOfName: [String: Int] = [:]
    var variants: [String: [SymbolID]] = [:]
    var variantOrder: [String] = []
    var comdatGroups: Set<String> = []
    /// Diagnostics of reading the inputs (wasm-ld's `createFiles`), printed before option checks.
    var readEvents: [LinkEvent] = []
    /// Diagnostics from adding files to the symbol table onwards.
    var events: [LinkEvent] = []
    /// A decode error met while extracting a member inside a non-throwing symbol-table function.
    var pendingError: LinkModelError?

    /// `--export` and `--export-if-defined` names.
    var exportedNames: Set<String> = []
    /// The entry symbol in effect (nil: none).
    var entry: String?
    var callCtors: SymbolID = 0
    var callDtors: SymbolID?
    var indirectFunctionTable: SymbolID?
    /// Resolution stopped at a driver checkpoint: what follows never runs.
    var stopped = false
    /// Files mode without an entry: every global definition of a command-line object is a root.
    var rootsAllDefinitions = false
    /// `used` and `disallowed` target features, with the first file that declared each.
    var usedFeatures: [String: String] = [:]
    var disallowedFeatures: [String: String] = [:]
    /// Feature errors of `populateTargetFeatures`, printed after the export check.
    var featureEvents: [LinkEvent] = []

    init(options: LinkOptions, locations: FileLocations) {
        self.options = options
        self.locations = locations
        entry = options.entry
        exportedNames = Set(options.exports + options.exportIfDefined)
    }

    var is64: Bool { options.is64 ?? false }

    // MARK: the driver

    /// Reads every input and runs resolution and GC.
    mutating func run() throws(LinkModelError) {
        try readInputs()
        if readEvents.contains(where: { if case .fatal = $0 { return true } else { return false } }) {
            stopped = true
            return
        }
        createSyntheticSymbols()

        for input in inputs.indices {
            for file in inputs[input].files {
                try addFile(file)
                if stopped { return }
            }
        }
        events.append(.checkpoint)

        for name in options.undefinedNames { _ = try handleUndefined(name) }
        for name in orderedExportNames { _ = try handleUndefined(name) }

        if let entryName = entry {
            let symbol = try handleUndefined(entryName)
            if let symbol, symbols[symbol].isDefined {
                symbols[symbol].forceExport = true
            } else if options.entryIsOptional {
                entry = nil
                rootsAllDefinitions = true
            } else {
                events.append(.error("entry symbol not defined (pass --no-entry to suppress): \(entryName)"))
            }
        }

        if !symbols[callCtors].isUsedInRegularObj, entry != "__wasm_call_ctors", !exportedNames.contains("__wasm_call_ctors") {
            if let dtors = try handleUndefined("__wasm_call_dtors") {
                let symbol = symbols[dtors]
                if symbol.kind == .function && symbol.isDefined {
                    if let signature = symbol.signature, !signature.params.isEmpty || !signature.results.isEmpty {
                        events.append(.error("__wasm_call_dtors must have no argument or return values"))
                    }
                    callDtors = dtors
                } else {
                    events.append(.error("__wasm_call_dtors must be a function"))
                }
            }
        }
        events.append(.checkpoint)

        try processStubLibraries()
        createOptionalSymbols()
        handleSymbolVariants()
        events.append(.checkpoint)

        for name in orderedExportNames {
            if let symbol = find(name), symbols[symbol].isDefined { symbols[symbol].forceExport = true }
        }
        // LLD 21 demotes lazy symbols before making weak stubs: a weak reference to a
        // function only an unloaded member defines gets an `undefined_weak:` stub too.
        demoteLazySymbols()
        handleWeakUndefines()
        if let entry, let symbol = find(entry) {
            symbols[symbol].flags.remove(.visibilityHidden)
        }
        events.append(.checkpoint)

        markLive()
        resolveIndirectFunctionTable()
        events.append(.checkpoint)

        // Writer::run, the part before the policy matters.
        addStartStopSymbols()
        for name in orderedExportNames {
            if let symbol = find(name), symbols[symbol].isDefined { symbols[symbol].forceExport = true }
        }
        populateTargetFeatures()
    }

    /// `--export`/`--export-if-defined` names. wasm-ld keeps them in a hash map; command-line
    /// order is used here (it only matters when several of them load archive members).
    var orderedExportNames: [String] {
        var seen: Set<String> = []
        return (options.exportIfDefined + options.exports).filter { seen.insert($0).inserted }
    }

    /// `handleUndefined`: marks a name used and loads the member defining it.
    mutating func handleUndefined(_ name: String) throws(LinkModelError) -> SymbolID? {
        guard let symbol = find(name) else { return nil }
        symbols[symbol].isUsedInRegularObj = true
        if symbols[symbol].isLazy { extract(symbols[symbol].file) }
        if let error = pendingError { throw error }
        return symbol
    }

    // MARK: synthetic symbols (§11)

    mutating func createSyntheticSymbols() {
        let pointer: ValueType = is64 ? .i64 : .i32
        callCtors = addSyntheticFunction("__wasm_call_ctors", flags: .visibilityHidden, signature: FuncType(params: [], results: []))
        let stackPointer = addSyntheticGlobal("__stack_pointer", flags: .visibilityHidden, type: GlobalTypeInfo(valueType: pointer, mutable: true))
        markLive(stackPointer)
        if options.sharedMemory {
            _ = addSyntheticGlobal("__tls_base", flags: .visibilityHidden, type: GlobalTypeInfo(valueType: pointer, mutable: true))
            _ = addSyntheticGlobal("__tls_size", flags: .visibilityHidden, type: GlobalTypeInfo(valueType: pointer, mutable: false))
            _ = addSyntheticGlobal("__tls_align", flags: .visibilityHidden, type: GlobalTypeInfo(valueType: pointer, mutable: false))
            _ = addSyntheticFunction("__wasm_init_tls", flags: .visibilityHidden, signature: FuncType(params: [pointer], results: []))
        }
    }

    mutating func createOptionalSymbols() {
        for name in ["__dso_handle", "__data_end", "__stack_low", "__stack_high", "__global_base", "__heap_base",
                     "__heap_end", "__memory_base", "__table_base", "__wasm_first_page_end"] {
            addOptionalDataSymbol(name)
        }
        if !options.sharedMemory {
            addOptionalGlobalSymbol("__tls_base", type: GlobalTypeInfo(valueType: is64 ? .i64 : .i32, mutable: false))
        }
    }

    /// `__start_<seg>`/`__stop_<seg>` for live output segments named like C identifiers.
    mutating func addStartStopSymbols() {
        var seen: Set<String> = []
        for file in objectFiles {
            for segment in files[file].segments where segment.live {
                let name = Self.outputSegmentName(segment)
                guard seen.insert(name).inserted, Self.isValidCIdentifier(name) else { continue }
                addOptionalDataSymbol("__start_" + name)
                addOptionalDataSymbol("__stop_" + name)
            }
        }
    }

    static func outputSegmentName(_ segment: Chunk) -> String {
        if segment.isTLS { return ".tdata" }
        for prefix in [".text", ".data", ".bss", ".rodata"] where segment.name.hasPrefix(prefix + ".") { return prefix }
        return segment.name
    }

    static func isValidCIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
    }

    // MARK: stub libraries, variants, weak undefined, lazy demotion

    mutating func processStubLibraries() throws(LinkModelError) {
        var depsAdded = true
        while depsAdded {
            depsAdded = false
            for stub in stubFiles {
                for (name, dependencies) in files[stub].stubDependencies {
                    if let symbol = find(name), symbols[symbol].isUndefined {
                        depsAdded = try addStubSymbolDependencies(stub, symbol: symbol, dependencies: dependencies) || depsAdded
                    }
                }
                for slot in slots.indices {
                    let symbol = slots[slot]
                    guard symbols[symbol].isUndefined, let importName = symbols[symbol].importName,
                          let entry = files[stub].stubDependencies.first(where: { $0.name == importName }) else { continue }
                    depsAdded = try addStubSymbolDependencies(stub, symbol: symbol, dependencies: entry.dependencies) || depsAdded
                }
            }
        }
    }

    mutating func addStubSymbolDependencies(_ stub: FileID, symbol: SymbolID, dependencies: [String]) throws(LinkModelError) -> Bool {
        if symbols[symbol].forceImport { return false }
        symbols[symbol].forceImport = true
        var added = false
        for dependency in dependencies {
            guard let needed = find(dependency) else {
                events.append(.error("\(files[stub].name): undefined symbol: \(dependency). Required by \(display(symbols[symbol].name))", symbol: symbols[symbol].name))
                continue
            }
            if symbols[needed].isUndefined {
                events.append(.error("\(files[stub].name): undefined symbol: \(display(symbols[needed].name)). Required by \(display(symbols[symbol].name))", symbol: symbols[symbol].name))
            } else {
                symbols[needed].forceExport = true
                if symbols[needed].isLazy {
                    added = true
                    extract(symbols[needed].file)
                    if let error = pendingError { throw error }
                }
            }
        }
        return added
    }

    /// Signature variants: a definition wins (mismatching references get a
    /// `signature_mismatch:` stub and a warning); without one it is an error.
    mutating func handleSymbolVariants() {
        for name in variantOrder {
            guard let list = variants[name], list.count > 1 else { continue }
            guard let defined = list.first(where: { symbols[$0].isDefined && symbols[$0].kind == .function }) else {
                let a = symbols[list[0]], b = symbols[list[1]]
                events.append(.error(
                    conflict("function signature mismatch: ", name, (a.signature.map(\.description) ?? "none", a.file), (b.signature.map(\.description) ?? "none", b.file)),
                    symbol: name))
                return
            }
            for variant in list where variant != defined {
                let f = symbols[variant], d = symbols[defined]
                events.append(.warning(
                    conflict("function signature mismatch: ", name, (f.signature.map(\.description) ?? "none", f.file), (d.signature.map(\.description) ?? "none", d.file)),
                    symbol: name))
                replaceWithUnreachable(variant, stubName: "signature_mismatch:" + display(f.name))
            }
        }
    }

    mutating func handleWeakUndefines() {
        for slot in slots.indices {
            let symbol = slots[slot]
            guard symbols[symbol].isUndefWeak, symbols[symbol].isUsedInRegularObj, symbols[symbol].signature != nil,
                  symbols[symbol].kind == .function else { continue }
            symbols[symbol].wasWeakUndefined = true
            let name = display(symbols[symbol].name)
            replaceWithUnreachable(symbol, stubName: "undefined_weak:" + name)
            symbols[symbol].flags.insert(.visibilityHidden)
        }
    }

    mutating func demoteLazySymbols() {
        for slot in slots.indices {
            let symbol = slots[slot]
            guard symbols[symbol].isLazy, let signature = symbols[symbol].signature else { continue }
            replaceSymbol(symbol, with: LinkSymbol(name: symbols[symbol].name, kind: .function, state: .undefined,
                                                   flags: [.bindingWeak, .undefined], file: symbols[symbol].file, signature: signature))
        }
    }

    /// `resolveIndirectFunctionTable(required: false)`.
    mutating func resolveIndirectFunctionTable() {
        let name = "__indirect_function_table"
        let existing = find(name)
        if let existing {
            if symbols[existing].kind != .table || symbols[existing].isLazy {
                events.append(.error("reserved symbol must be of type table: `\(name)`"))
                return
            }
            if symbols[existing].isDefined {
                events.append(.error("reserved symbol must not be defined in input files: `\(name)`"))
                return
            }
        }
        if options.importTable {
            if let existing {
                symbols[existing].importModule = "env"
                symbols[existing].importName = name
                indirectFunctionTable = existing
            }
        } else if let existing, isLive(existing) {
            replaceSymbol(existing, with: LinkSymbol(name: name, kind: .table, state: .defined, flags: .visibilityHidden,
                                                     tableType: symbols[existing].tableType, elementLive: true, synthetic: .table))
            indirectFunctionTable = existing
        } else if options.exportTable {
            let (symbol, _) = insertName(name)
            replaceSymbol(symbol, with: LinkSymbol(name: name, kind: .table, state: .defined, elementLive: true, synthetic: .table))
            indirectFunctionTable = symbol
        }
    }

    /// Used and disallowed features; TLS and shared-memory feature errors.
    mutating func populateTargetFeatures() {
        guard options.checkFeatures else { return }
        var tlsUsed = false
        for file in objectFiles {
            for feature in files[file].features {
                switch feature.prefix {
                case "+", "=":
                    if usedFeatures[feature.name] == nil { usedFeatures[feature.name] = files[file].name }
                case "-":
                    if disallowedFeatures[feature.name] == nil { disallowedFeatures[feature.name] = files[file].name }
                default: break
                }
            }
            if files[file].segments.contains(where: { $0.live && $0.isTLS }) { tlsUsed = true }
        }
        if options.sharedMemory {
            if let file = disallowedFeatures["shared-mem"] {
                featureEvents.append(.error("--shared-memory is disallowed by \(file) because it was not compiled with 'atomics' or 'bulk-memory' features."))
            }
            for feature in ["atomics", "bulk-memory"] where usedFeatures[feature] == nil {
                featureEvents.append(.error("'\(feature)' feature must be used in order to use shared memory"))
            }
        }
        if tlsUsed {
            for feature in ["atomics", "bulk-memory"] where usedFeatures[feature] == nil {
                featureEvents.append(.error("'\(feature)' feature must be used in order to use thread-local storage"))
            }
        }
        for file in objectFiles {
            for feature in files[file].features where feature.prefix != "-" {
                if let disallowedBy = disallowedFeatures[feature.name] {
                    featureEvents.append(.error("Target feature '\(feature.name)' used in \(files[file].name) is disallowed by \(disallowedBy). Use --no-check-features to suppress."))
                }
            }
        }
    }

    /// Whether `mutable-globals` is among the features the output may use.
    var allowsMutableGlobals: Bool { !options.checkFeatures || usedFeatures["mutable-globals"] != nil }
}
