import Findings
import Workspace
extension AppState {
    /// One stage of loading arrived.
    mutating func apply(_ update: LoadUpdate) -> [Effect] {
        switch update {
        case .progress(let text, let fraction):
            showProgress(text, fraction: fraction)
            return []
        case .inputs(let inputs, let kind):
            startData(inputs: inputs, kind: kind)
            return []
        case .sections(let listings, let rows, let multipleInputs):
            data.sectionListings = listings
            panes[PaneID.sections.rawValue].setSchema(Schemas.sections(multipleInputs: multipleInputs), demangle: demangle)
            return self.update(.sections) { $0.setRows(rows, context: $1) }
        case .resolved(let link, let allowFile, let prediction):
            data.link = link
            data.allowFile = allowFile
            if allowList.file == nil || allowList.file?.path == allowFile?.path {
                allowList.file = allowFile
            }
            return repredict(using: prediction)
        case .defined(let symbols, let rows):
            data.definedSymbols = symbols
            return self.update(.defined) { $0.setRows(rows, context: $1) }
        case .moduleImports(let imports):
            return showModuleImports(imports)
        case .moduleSymbols(let symbols, let rows):
            return addModuleSymbols(symbols, rows: rows)
        case .findingsContext(let context, let findings, let policy):
            data.findingsContext = context
            // The loader's findings hold unless the policy changed since (`p` while loading).
            return repredict(using: policy == prediction?.policy ? prediction : nil, findings: findings)
        case .sourceLines(let sources):
            data.sources = sources
            if sources.hasPositions {
                panes[PaneID.undefined.rawValue].setSchema(Schemas.undefinedWithSources, demangle: demangle)
            }
            return repredict()
        case .failed(let text):
            return failLoad(text)
        case .incomplete(let text):
            return waitForCompleteInput(text)
        case .statistics(let statistics):
            data.statistics = statistics
            waitingForInput = false
            if loading?.isReload == true {
                message = StatusMessage("reloaded: \(statistics)")
            }
            return []
        case .finished:
            return finishLoad()
        }
    }

    /// The progress line (the layout makes room for it when it appears).
    private mutating func showProgress(_ text: String, fraction: Double?) {
        let wasShown = loading != nil
        loading = LoadingState(text: text, fraction: fraction, isReload: loading?.isReload ?? false)
        if !wasShown { applyLayout() }
    }

    /// A load's inputs are open: its data starts afresh, the panes take the schemas of a link
    /// or of linked modules.
    private mutating func startData(inputs: [OpenedInput], kind: InspectionKind) {
        var fresh = AppData()
        fresh.inputs = inputs
        fresh.kind = kind
        data = fresh
        replaceModuleSymbols = true
        let modules = inputs.count
        panes[PaneID.defined.rawValue].setSchema(
            kind == .module ? Schemas.definedInModule(multipleInputs: modules > 1) : Schemas.definedInLink, demangle: demangle)
        panes[PaneID.undefined.rawValue].setSchema(kind == .module ? Schemas.undefinedInModule : Schemas.undefined,
                                                    demangle: demangle)
        panes[PaneID.imports.rawValue].setSchema(kind == .module ? Schemas.importsInModule : Schemas.imports,
                                                  demangle: demangle)
    }

    /// Linked modules: their imports fill the Undefined and Imports panes and the findings.
    private mutating func showModuleImports(_ imports: [ModuleImport]) -> [Effect] {
        data.moduleImports = imports
        setPrediction(nil, findings: .init())
        var effects = self.update(.undefined) { $0.setRows(Rows.moduleUndefined(imports), context: $1) }
        effects += self.update(.imports) { $0.setRows(Rows.moduleImports(imports), context: $1) }
        effects += refreshFindingRows()
        return effects
    }

    /// Linked modules: a batch of names; the first of a load replaces the last load's.
    private mutating func addModuleSymbols(_ symbols: [ModuleSymbol], rows: [TableRow]) -> [Effect] {
        if replaceModuleSymbols {
            replaceModuleSymbols = false
            data.moduleSymbols = symbols
            return self.update(.defined) { $0.setRows(rows, context: $1) }
        }
        data.moduleSymbols += symbols
        return self.update(.defined) { $0.appendRows(rows, context: $1) }
    }

    /// The load stopped: say why; with nothing resolved, what an earlier load showed goes.
    private mutating func failLoad(_ text: String) -> [Effect] {
        data.loadError = text
        message = StatusMessage(text, tone: .error)
        var effects: [Effect] = []
        if data.kind == .link, data.link == nil {
            setPrediction(nil, findings: .init())
            for pane in [PaneID.defined, .undefined, .imports] {
                effects += self.update(pane) { $0.setRows([], context: $1) }
            }
        }
        return effects + refreshFindingRows()
    }

    /// An input caught mid-write: a reload keeps what it showed and waits for the next change
    /// (the first load has nothing to keep: it failed).
    private mutating func waitForCompleteInput(_ text: String) -> [Effect] {
        guard data.kind != nil else { return failLoad(text) }
        waitingForInput = true
        // The key phrase first: the detail may not fit the line.
        message = StatusMessage("incomplete, waiting for the next change… \(text)", tone: .warning)
        return []
    }

    /// The load is over: the progress line goes, and a change that arrived meanwhile is read.
    private mutating func finishLoad() -> [Effect] {
        let wasLoading = loading != nil
        loading = nil
        if data.kind == .module, replaceModuleSymbols {
            replaceModuleSymbols = false
            data.moduleSymbols = []
            _ = self.update(.defined) { $0.setRows([], context: $1) }
        }
        if wasLoading { applyLayout() }
        // The "still analysing" row goes.
        var effects = refreshFindingRows()
        if reloadPending {
            reloadPending = false
            effects += reloadForChange([])
        }
        return effects
    }
}

extension AppState {
    /// Inputs changed on disk: reload now, or right after the load in progress.
    mutating func reloadForChange(_ paths: Set<String>) -> [Effect] {
        if loading != nil {
            reloadPending = true
            return []
        }
        let names = paths.map { $0.split(separator: "/").last.map(String.init) ?? $0 }.sorted()
        loading = LoadingState(text: "\(names.joined(separator: ", ")) changed: reloading", fraction: nil, isReload: true)
        applyLayout()
        return [.load(generation: bumpLoadGeneration())]
    }
}
