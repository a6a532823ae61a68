import Findings
import Workspace
extension AppState {
    /// One stage of loading arrived.
    mutating func apply(_ update: LoadUpdate) -> [Effect] {
        switch update {
        case .progress(let text, let fraction):
            let wasShown = loading != nil
            loading = LoadingState(text: text, fraction: fraction, isReload: loading?.isReload ?? false)
            if !wasShown { applyLayout() }
            return []

        case .inputs(let inputs, let kind):
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
            data.moduleImports = imports
            setPrediction(nil, findings: .init())
            var effects = self.update(.undefined) { $0.setRows(Rows.moduleUndefined(imports), context: $1) }
            effects += self.update(.imports) { $0.setRows(Rows.moduleImports(imports), context: $1) }
            effects += refreshFindingRows()
            return effects

        case .moduleSymbols(let symbols, let rows):
            if replaceModuleSymbols {
                replaceModuleSymbols = false
                data.moduleSymbols = symbols
                return self.update(.defined) { $0.setRows(rows, context: $1) }
            }
            data.moduleSymbols += symbols
            return self.update(.defined) { $0.appendRows(rows, context: $1) }

        case .findingsContext(let context, let findings, let policy):
            data.findingsContext = context
            // The loader's findings hold unless the policy changed since (`p` while loading).
            return repredict(using: policy == prediction?.policy ? prediction : nil, findings: findings)

        case .failed(let text):
            data.loadError = text
            message = StatusMessage(text, tone: .error)
            var effects: [Effect] = []
            if data.kind == .link, data.link == nil {
                // Nothing resolved: what an earlier load showed no longer holds.
                setPrediction(nil, findings: .init())
                for pane in [PaneID.defined, .undefined, .imports] {
                    effects += self.update(pane) { $0.setRows([], context: $1) }
                }
            }
            return effects + refreshFindingRows()

        case .incomplete(let text):
            guard data.kind != nil else {
                // The first load: nothing to keep, so it is an ordinary failure.
                return apply(.failed(text))
            }
            waitingForInput = true
            // The key phrase first: the detail may not fit the line.
            message = StatusMessage("incomplete, waiting for the next change… \(text)", tone: .warning)
            return []

        case .statistics(let statistics):
            data.statistics = statistics
            waitingForInput = false
            if loading?.isReload == true {
                message = StatusMessage("reloaded: \(statistics)")
            }
            return []

        case .finished:
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
                // A change arrived while loading: read it now.
                reloadPending = false
                effects += reloadForChange([])
            }
            return effects
        }
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
