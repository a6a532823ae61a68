import Findings
import LinkModel
import WasmDecoding

/// Reads what an `InspectionSource` names, in stages, posting each stage as it completes so
/// the panes fill while the rest is still being read. Runs on a background thread; `post`
/// is called on that thread, in order.
///
/// This is the seam reload goes through: the run loop calls `load` again for `r`. A loader
/// that reuses what did not change (issue 6) implements the same protocol.
public protocol InspectionLoading: Sendable {
    func load(_ source: InspectionSource, post: @escaping @Sendable (LoadUpdate) -> Void)
}

/// Reads everything afresh.
public struct InspectionLoader: InspectionLoading {
    /// Rows per `moduleSymbols` update: the Defined pane of a large module fills in steps.
    public var batchSize: Int

    public init(batchSize: Int = 8192) {
        self.batchSize = max(1, batchSize)
    }

    public func load(_ source: InspectionSource, post: @escaping @Sendable (LoadUpdate) -> Void) {
        post(.progress("opening \(Format.plural(source.inputPaths.count, "input"))", fraction: nil))
        var inputs: [OpenedInput] = []
        var openError: String?
        for path in source.inputPaths {
            do throws(InputError) {
                guard let location = source.openPath(path) else {
                    throw InputError(path: path, reason: .notModelled("cannot open: not in the captured files"))
                }
                let file = try InputFile(path: location)
                inputs.append(OpenedInput(path: path, kind: file.kind, file: file))
            } catch {
                inputs.append(OpenedInput(path: path, kind: .unknown, file: nil))
                if openError == nil { openError = error.description }
            }
        }
        let kind: InspectionKind = !inputs.isEmpty && inputs.allSatisfy { $0.kind == .module } ? .module : .link
        post(.inputs(inputs, kind: kind))

        post(.progress("walking sections", fraction: nil))
        var listings: [SectionListingEntry] = []
        var listingError: String?
        for (index, input) in inputs.enumerated() {
            guard let file = input.file else { continue }
            do {
                for var listing in try SectionListing.listings(of: file) {
                    // Named as the link line names it (a capture reads a copy under another name).
                    listing.path = input.path
                    listings.append(SectionListingEntry(input: index, listing: listing))
                }
            } catch {
                if listingError == nil { listingError = InputError(path: input.path, reason: .decode(error)).description }
            }
        }
        let multiple = Set(listings.map { "\($0.input)/\($0.listing.member ?? "")" }).count > 1
        post(.sections(listings, rows: Rows.sections(listings, multipleInputs: multiple), multipleInputs: multiple))

        switch kind {
        case .link: loadLink(source, post: post)
        case .module: loadModules(inputs, post: post)
        }
        if kind == .module, let message = openError ?? listingError { post(.failed(message)) }
        post(.finished)
    }

    private func loadLink(_ source: InspectionSource, post: @escaping @Sendable (LoadUpdate) -> Void) {
        post(.progress("resolving the link", fraction: nil))
        let resolved: ResolvedLink
        if let given = source.resolved {
            resolved = given
        } else {
            do {
                resolved = try ResolvedLink.resolve(source.options, locations: source.locations)
            } catch {
                post(.failed(error.message))
                return
            }
        }
        let policy = resolved.loadingAllowFile(resolved.options.policy)
        let prediction = resolved.predict(policy: policy)
        post(.resolved(resolved, allowFile: policy.allowFile, prediction: prediction))

        post(.progress("listing defined symbols", fraction: nil))
        let defined = resolved.definedSymbols()
        post(.defined(defined, rows: Rows.defined(defined)))

        post(.progress("looking for near misses and libraries not linked", fraction: nil))
        let context = FindingsContext(resolved: resolved, searchFolders: source.searchFolders.map(source.searchPath))
        post(.findingsContext(context, findings: context.analyze(prediction), policy: prediction.policy))
    }

    private func loadModules(_ inputs: [OpenedInput], post: @escaping @Sendable (LoadUpdate) -> Void) {
        var imports: [ModuleImport] = []
        var binaries: [(Int, WasmBinary)] = []
        for (index, input) in inputs.enumerated() {
            guard let file = input.file else { continue }
            post(.progress("reading the imports of \(input.path)", fraction: nil))
            do throws(DecodeError) {
                let binary = try WasmBinary(file.window)
                let types = try binary.types()
                try binary.importSection()?.forEach { entry in
                    imports.append(ModuleImport(input: index, entry: entry, type: Self.typeText(entry.descriptor, types: types)))
                }
                binaries.append((index, binary))
            } catch {
                post(.moduleImports(imports))
                post(.failed(InputError(path: input.path, reason: .decode(error)).description))
                return
            }
        }
        post(.moduleImports(imports))

        var symbolCount = 0
        let names = inputs.map { $0.path.split(separator: "/").last.map(String.init) ?? $0.path }
        for (index, binary) in binaries {
            let path = inputs[index].path
            let expected = max(1, (try? binary.functionSection()?.count ?? 0) ?? 0)
            var batch: [ModuleSymbol] = []
            var done = 0
            func flush() {
                guard !batch.isEmpty else { return }
                let rows = Rows.moduleDefined(batch, start: symbolCount, multipleInputs: binaries.count > 1, inputName: { names[$0] })
                symbolCount += batch.count
                post(.moduleSymbols(batch, definedRows: rows))
                post(.progress("reading names of \(path): \(Format.count(done))", fraction: min(1, Double(done) / Double(expected))))
                batch.removeAll(keepingCapacity: true)
            }
            post(.progress("reading names of \(path)", fraction: 0))
            do throws(DecodeError) {
                try SymbolListing.visit(module: binary, input: path, member: nil, withTypes: true) { symbol in
                    batch.append(ModuleSymbol(input: index, symbol: symbol))
                    done += 1
                    if batch.count >= batchSize { flush() }
                }
                flush()
            } catch {
                flush()
                post(.failed(InputError(path: path, reason: .decode(error)).description))
                return
            }
        }
    }

    /// `(i32) -> i32`, `mut i32`, `funcref 1`, `memory 1`.
    static func typeText(_ descriptor: Import.Descriptor, types: [SubType]) -> String {
        switch descriptor {
        case .function(let index):
            return Int(index) < types.count ? types[Int(index)].functionType?.description ?? "type \(index)" : "type \(index)"
        case .tag(let tag):
            let index = tag.typeIndex
            return Int(index) < types.count ? types[Int(index)].functionType?.description ?? "type \(index)" : "type \(index)"
        case .global(let global): return global.description
        case .table(let table): return table.description
        case .memory(let memory): return "\(memory)"
        }
    }
}
