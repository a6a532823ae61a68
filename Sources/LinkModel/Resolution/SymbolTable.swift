import WasmDecoding

/// lld's `SymbolTable` (`lld/wasm/SymbolTable.cpp`): insertion order, merging of definitions
/// and references, lazy (archive) symbols, signature variants. Each function mirrors the lld
/// function of the same name, because the order of its side effects is what the diagnostics
/// and the import order depend on.
extension Linker {
    // MARK: lookup and insertion

    func find(_ name: String) -> SymbolID? {
        guard let slot = slotOfName[name] else { return nil }
        return slots[slot]
    }

    /// A new symbol record (not in the table).
    mutating func newSymbol(_ symbol: LinkSymbol) -> SymbolID {
        symbols.append(symbol)
        return symbols.count - 1
    }

    mutating func insertName(_ name: String) -> (SymbolID, Bool) {
        // One hash: the default-value subscript inserts the new slot number if the name is new.
        let candidate = slots.count
        var slot = candidate
        Self.read(&slotOfName[name, default: candidate], into: &slot)
        if slot != candidate { return (slots[slot], false) }
        let id = newSymbol(LinkSymbol(name: name, referenced: !options.gcSections))
        slots.append(id)
        return (id, true)
    }

    private static func read(_ value: inout Int, into result: inout Int) { result = value }

    mutating func insert(_ name: String, file: FileID?) -> (SymbolID, Bool) {
        let (id, inserted) = insertName(name)
        // Every file we model is an object (stub libraries never insert).
        symbols[id].isUsedInRegularObj = true
        return (id, inserted)
    }

    /// `replace(name, sym)`: the table slot of `name` now holds `id`.
    mutating func replaceSlot(_ name: String, with id: SymbolID) {
        if let slot = slotOfName[name] { slots[slot] = id }
    }

    /// lld's `replaceSymbol`: a new body in place, keeping the flags lld keeps.
    mutating func replaceSymbol(_ id: SymbolID, with body: LinkSymbol) {
        var new = body
        new.isUsedInRegularObj = symbols[id].isUsedInRegularObj
        new.forceExport = symbols[id].forceExport
        new.forceImport = symbols[id].forceImport
        new.referenced = symbols[id].referenced
        symbols[id] = new
    }

    // MARK: messages

    func fileName(_ file: FileID?) -> String {
        file.map { files[$0].name } ?? "<internal>"
    }

    func display(_ name: String) -> String {
        SymbolNames.display(name, demangle: options.demangle)
    }

    /// wasm-ld's message for two definitions that disagree: `headline` and the name, then
    /// each definition as `>>> defined as WHAT in FILE`, the one seen first first.
    func conflict(_ headline: String, _ name: String, _ first: (String, FileID?), _ second: (String, FileID?)) -> String {
        "\(headline)\(name)\n>>> defined as \(first.0) in \(fileName(first.1))\n>>> defined as \(second.0) in \(fileName(second.1))"
    }

    mutating func reportTypeError(_ existing: SymbolID, file: FileID?, kind: SymbolKind) {
        let symbol = symbols[existing]
        events.append(.error(
            conflict("symbol type mismatch: ", display(symbol.name), (symbol.kind.llvmName, symbol.file), (kind.llvmName, file)),
            symbol: symbol.name))
    }

    static func globalTypeString(_ type: GlobalTypeInfo) -> String {
        (type.mutable ? "var " : "const ") + type.valueType.description
    }

    mutating func checkGlobalType(_ existing: SymbolID, file: FileID?, type: GlobalTypeInfo?) {
        let symbol = symbols[existing]
        guard symbol.kind == .global else { return reportTypeError(existing, file: file, kind: .global) }
        if let type, let old = symbol.globalType, type != old {
            events.append(.error(
                conflict("Global type mismatch: ", symbol.name, (Self.globalTypeString(old), symbol.file), (Self.globalTypeString(type), file)),
                symbol: symbol.name))
        }
    }

    mutating func checkTagType(_ existing: SymbolID, file: FileID?, signature: FuncType?) {
        let symbol = symbols[existing]
        guard symbol.kind == .tag else { return reportTypeError(existing, file: file, kind: .tag) }
        if let signature, let old = symbol.signature, signature != old {
            events.append(.warning(
                conflict("Tag signature mismatch: ", symbol.name, ("\(old)", symbol.file), ("\(signature)", file)),
                symbol: symbol.name))
        }
    }

    mutating func checkTableType(_ existing: SymbolID, file: FileID?, type: TableType?) {
        let symbol = symbols[existing]
        guard symbol.kind == .table else { return reportTypeError(existing, file: file, kind: .table) }
        if let type, let old = symbol.tableType, type.elementType != old.elementType {
            events.append(.error(
                conflict("Table type mismatch: ", symbol.name, ("\(old.elementType)", symbol.file), ("\(type.elementType)", file)),
                symbol: symbol.name))
        }
    }

    mutating func checkDataType(_ existing: SymbolID, file: FileID?) {
        if symbols[existing].kind != .data { reportTypeError(existing, file: file, kind: .data) }
    }

    // MARK: definitions

    /// Whether a new definition replaces `existing`; reports duplicates.
    mutating func shouldReplace(_ existing: SymbolID, file: FileID?, flags: SymbolFlags) -> Bool {
        let symbol = symbols[existing]
        if !symbol.isDefined { return true }
        if flags.binding == .weak { return false }
        if symbol.isWeak { return true }
        if options.allowMultipleDefinition { return false }
        let text = "duplicate symbol: \(display(symbol.name))\n>>> defined in \(fileName(symbol.file))\n>>> defined in \(fileName(file))"
        events.append(options.noinhibitExec ? .warning(text, symbol: symbol.name) : .error(text, symbol: symbol.name))
        return true
    }

    mutating func addDefinedFunction(_ name: String, flags: SymbolFlags, file: FileID, chunk: ChunkRef, signature: FuncType?) -> SymbolID {
        var (s, inserted) = insert(name, file: file)
        func body(_ oldSignature: FuncType?) -> LinkSymbol {
            LinkSymbol(name: name, kind: .function, state: .defined, flags: flags, file: file,
                       signature: signature ?? oldSignature, chunk: chunk)
        }
        if inserted || symbols[s].isLazy {
            replaceSymbol(s, with: body(symbols[s].signature))
            return s
        }
        guard symbols[s].kind == .function, symbols[s].state != .placeholder else {
            reportTypeError(s, file: file, kind: .function)
            return s
        }
        var checkSignature = true
        if symbols[s].isUndefined { checkSignature = symbols[s].isCalledDirectly }
        if checkSignature, let signature, let old = symbols[s].signature, signature != old {
            let (wasAdded, variant) = functionVariant(s, signature: signature, file: file)
            if wasAdded {
                replaceSymbol(variant, with: body(symbols[variant].signature))
            } else if shouldReplace(s, file: file, flags: flags) {
                replaceSymbol(variant, with: body(symbols[variant].signature))
            }
            replaceSlot(name, with: variant)
            s = variant
            return s
        }
        if shouldReplace(s, file: file, flags: flags) {
            replaceSymbol(s, with: body(symbols[s].signature))
        }
        return s
    }

    mutating func addDefinedData(_ name: String, flags: SymbolFlags, file: FileID, chunk: ChunkRef?, size: UInt64) -> SymbolID {
        let (s, inserted) = insert(name, file: file)
        let body = LinkSymbol(name: name, kind: .data, state: .defined, flags: flags, file: file, chunk: chunk, size: size)
        if inserted || symbols[s].isLazy {
            replaceSymbol(s, with: body)
            return s
        }
        checkDataType(s, file: file)
        if shouldReplace(s, file: file, flags: flags) { replaceSymbol(s, with: body) }
        return s
    }

    mutating func addDefinedGlobal(_ name: String, flags: SymbolFlags, file: FileID, type: GlobalTypeInfo?) -> SymbolID {
        addDefinedElement(LinkSymbol(name: name, kind: .global, state: .defined, flags: flags, file: file, globalType: type,
                                     elementLive: !options.gcSections)) { $0.checkGlobalType($1, file: file, type: type) }
    }

    mutating func addDefinedTag(_ name: String, flags: SymbolFlags, file: FileID, signature: FuncType?) -> SymbolID {
        addDefinedElement(LinkSymbol(name: name, kind: .tag, state: .defined, flags: flags, file: file, signature: signature,
                                     elementLive: !options.gcSections)) { $0.checkTagType($1, file: file, signature: signature) }
    }

    mutating func addDefinedTable(_ name: String, flags: SymbolFlags, file: FileID, type: TableType?) -> SymbolID {
        addDefinedElement(LinkSymbol(name: name, kind: .table, state: .defined, flags: flags, file: file, tableType: type,
                                     elementLive: !options.gcSections)) { $0.checkTableType($1, file: file, type: type) }
    }

    /// lld's `addDefinedGlobal`/`Tag`/`Table` share one shape: a new or lazy name takes the
    /// definition; otherwise the existing symbol's type is checked and the definition
    /// replaces it if it should (strong over weak, …).
    private mutating func addDefinedElement(_ body: LinkSymbol, checkType: (inout Linker, SymbolID) -> Void) -> SymbolID {
        let (s, inserted) = insert(body.name, file: body.file)
        if inserted || symbols[s].isLazy {
            replaceSymbol(s, with: body)
            return s
        }
        checkType(&self, s)
        if shouldReplace(s, file: body.file, flags: body.flags) { replaceSymbol(s, with: body) }
        return s
    }

    // MARK: references

    /// `import_name`/`import_module` must agree between references; binding merges to strong.
    mutating func updateExistingUndefined(_ existing: SymbolID, flags: SymbolFlags, file: FileID?, importName: String? = nil, importModule: String? = nil) {
        if let importName {
            if symbols[existing].importName == nil { symbols[existing].importName = importName }
            if let old = symbols[existing].importName, old != importName {
                let symbol = symbols[existing]
                events.append(.error(
                    conflict("import name mismatch for symbol: ", display(symbol.name), (old, symbol.file), (importName, file)),
                    symbol: symbol.name))
            }
        }
        if let importModule {
            if symbols[existing].importModule == nil { symbols[existing].importModule = importModule }
            if let old = symbols[existing].importModule, old != importModule {
                let symbol = symbols[existing]
                events.append(.error(
                    conflict("import module mismatch for symbol: ", display(symbol.name), (old, symbol.file), (importModule, file)),
                    symbol: symbol.name))
            }
        }
        if symbols[existing].isWeak && flags.binding != .weak {
            symbols[existing].flags = SymbolFlags(rawValue: (symbols[existing].flags.rawValue & ~0x3) | (flags.rawValue & 0x3))
        }
        symbols[existing].flags.formUnion(flags.intersection(.noStrip))
    }

    mutating func addUndefinedFunction(_ name: String, importName: String?, importModule: String?, flags: SymbolFlags,
                                       file: FileID?, signature: FuncType?, isCalledDirectly: Bool) -> SymbolID {
        var (s, inserted) = insert(name, file: file)
        let body = LinkSymbol(name: name, kind: .function, state: .undefined, flags: flags, file: file, signature: signature,
                              importName: importName, importModule: importModule, isCalledDirectly: isCalledDirectly)
        if inserted {
            replaceSymbol(s, with: body)
        } else if symbols[s].isLazy {
            if flags.binding == .weak {
                symbols[s].flags.insert(.bindingWeak)
                symbols[s].signature = signature
            } else {
                extract(symbols[s].file)
            }
        } else {
            guard symbols[s].kind == .function, symbols[s].state != .placeholder else {
                reportTypeError(s, file: file, kind: .function)
                return s
            }
            if symbols[s].signature == nil, let signature { symbols[s].signature = signature }
            let existing = s
            let existingIsUndefined = symbols[s].isUndefined
            if isCalledDirectly, let signature, let old = symbols[s].signature, signature != old {
                if existingIsUndefined && !symbols[s].isCalledDirectly {
                    replaceSymbol(s, with: body)
                } else {
                    let (wasAdded, variant) = functionVariant(s, signature: signature, file: file)
                    s = variant
                    if wasAdded { replaceSymbol(s, with: body) }
                }
            }
            if existingIsUndefined {
                updateExistingUndefined(existing, flags: flags, file: file, importName: importName, importModule: importModule)
                if isCalledDirectly { symbols[existing].isCalledDirectly = true }
            }
        }
        return s
    }

    mutating func addUndefinedData(_ name: String, flags: SymbolFlags, file: FileID?) -> SymbolID {
        let (s, inserted) = insert(name, file: file)
        if inserted {
            replaceSymbol(s, with: LinkSymbol(name: name, kind: .data, state: .undefined, flags: flags, file: file))
        } else if symbols[s].isLazy {
            if flags.binding == .weak {
                symbols[s].flags.insert(.bindingWeak)
            } else {
                extract(symbols[s].file)
            }
        } else if symbols[s].isDefined {
            checkDataType(s, file: file)
        } else {
            updateExistingUndefined(s, flags: flags, file: file)
        }
        return s
    }

    mutating func addUndefinedGlobal(_ name: String, importName: String?, importModule: String?, flags: SymbolFlags,
                                     file: FileID?, type: GlobalTypeInfo?) -> SymbolID {
        addUndefinedElement(LinkSymbol(name: name, kind: .global, state: .undefined, flags: flags, file: file,
                                       globalType: type, importName: importName, importModule: importModule)) {
            $0.checkGlobalType($1, file: file, type: type)
        }
    }

    mutating func addUndefinedTable(_ name: String, importName: String?, importModule: String?, flags: SymbolFlags,
                                    file: FileID?, type: TableType?) -> SymbolID {
        addUndefinedElement(LinkSymbol(name: name, kind: .table, state: .undefined, flags: flags, file: file,
                                       tableType: type, importName: importName, importModule: importModule)) {
            $0.checkTableType($1, file: file, type: type)
        }
    }

    mutating func addUndefinedTag(_ name: String, importName: String?, importModule: String?, flags: SymbolFlags,
                                  file: FileID?, signature: FuncType?) -> SymbolID {
        addUndefinedElement(LinkSymbol(name: name, kind: .tag, state: .undefined, flags: flags, file: file,
                                       signature: signature, importName: importName, importModule: importModule)) {
            $0.checkTagType($1, file: file, signature: signature)
        }
    }

    /// lld's `addUndefinedGlobal`/`Table`/`Tag` share one shape: insert the new undefined
    /// symbol; or load the lazy file that defines the name; or check the existing
    /// definition's type; or merge into the existing undefined symbol.
    private mutating func addUndefinedElement(_ symbol: LinkSymbol, checkDefinition: (inout Linker, SymbolID) -> Void) -> SymbolID {
        let (s, inserted) = insert(symbol.name, file: symbol.file)
        if inserted {
            replaceSymbol(s, with: symbol)
        } else if symbols[s].isLazy {
            extract(symbols[s].file)
        } else if symbols[s].isDefined {
            checkDefinition(&self, s)
        } else {
            updateExistingUndefined(s, flags: symbol.flags, file: symbol.file, importName: symbol.importName,
                                    importModule: symbol.importModule)
        }
        return s
    }

    /// A defined non-local symbol of a lazy file: registers it, or loads the file at once if an
    /// undefined strong reference is waiting for it.
    mutating func addLazy(_ name: String, file: FileID) {
        let (s, inserted) = insertName(name)
        if inserted {
            replaceSymbol(s, with: LinkSymbol(name: name, kind: .function, state: .lazy, file: file))
            return
        }
        guard symbols[s].isUndefined else { return }
        if symbols[s].isWeak {
            let oldSignature = symbols[s].kind == .function ? symbols[s].signature : nil
            replaceSymbol(s, with: LinkSymbol(name: name, kind: .function, state: .lazy, flags: .bindingWeak, file: file, signature: oldSignature))
            return
        }
        extract(file)
    }

    mutating func addComdat(_ name: String) -> Bool {
        comdatGroups.insert(name).inserted
    }

    /// `getFunctionVariant`: the variant of `symbol` with `signature`, created if new.
    mutating func functionVariant(_ symbol: SymbolID, signature: FuncType, file: FileID?) -> (wasAdded: Bool, SymbolID) {
        let name = symbols[symbol].name
        if variants[name] == nil {
            variants[name] = [symbol]
            variantOrder.append(name)
        }
        if let match = variants[name]?.first(where: { symbols[$0].signature == signature }) {
            return (false, match)
        }
        var fresh = LinkSymbol(name: name)
        fresh.isUsedInRegularObj = true
        let id = newSymbol(fresh)
        variants[name]?.append(id)
        return (true, id)
    }

    // MARK: linker-made symbols

    mutating func addSyntheticFunction(_ name: String, flags: SymbolFlags, signature: FuncType) -> SymbolID {
        let (s, _) = insertName(name)
        replaceSymbol(s, with: LinkSymbol(name: name, kind: .function, state: .defined, flags: flags, signature: signature, synthetic: .function))
        return s
    }

    mutating func addSyntheticGlobal(_ name: String, flags: SymbolFlags, type: GlobalTypeInfo) -> SymbolID {
        let (s, _) = insertName(name)
        replaceSymbol(s, with: LinkSymbol(name: name, kind: .global, state: .defined, flags: flags, globalType: type,
                                          elementLive: !options.gcSections, synthetic: .global))
        return s
    }

    /// `addOptionalDataSymbol`: defines `name` only if something references it (or exports it).
    @discardableResult
    mutating func addOptionalDataSymbol(_ name: String) -> SymbolID? {
        var s = find(name)
        if s == nil && (options.exportAll || exportedNames.contains(name)) {
            s = insertName(name).0
        } else if s == nil || symbols[s!].isDefined {
            return nil
        }
        guard let s else { return nil }
        replaceSymbol(s, with: LinkSymbol(name: name, kind: .data, state: .defined,
                                          flags: [.visibilityHidden, .absolute], synthetic: .data))
        symbols[s].referenced = true
        return s
    }

    /// `addOptionalGlobalSymbol` (`__tls_base` without shared memory).
    @discardableResult
    mutating func addOptionalGlobalSymbol(_ name: String, type: GlobalTypeInfo) -> SymbolID? {
        var s = find(name)
        if s == nil && (options.exportAll || exportedNames.contains(name)) {
            s = insertName(name).0
        } else if s == nil || symbols[s!].isDefined {
            return nil
        }
        guard let s else { return nil }
        replaceSymbol(s, with: LinkSymbol(name: name, kind: .global, state: .defined, flags: .visibilityHidden,
                                          globalType: type, elementLive: !options.gcSections, synthetic: .global))
        return s
    }

    /// A trap stub in place of `symbol` (weak undefined or signature mismatch).
    mutating func replaceWithUnreachable(_ symbol: SymbolID, stubName: String) {
        let old = symbols[symbol]
        replaceSymbol(symbol, with: LinkSymbol(name: old.name, kind: .function, state: .defined, flags: .bindingLocal,
                                               signature: old.signature, isStub: true, synthetic: .stub(stubName),
                                               wasWeakUndefined: old.wasWeakUndefined))
    }
}
