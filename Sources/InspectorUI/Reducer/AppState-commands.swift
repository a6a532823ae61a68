import Findings
import LinkModel
import Reporting
import TerminalUI
import Workspace

extension AppState {
    /// Performs one command of the keymap.
    public mutating func perform(_ command: Command) -> [Effect] {
        switch command {
        case .quit:
            return [.quit]
        case .help:
            if case .help = overlay { overlay = nil } else { overlay = .help(scroll: 0) }
        case .closeOverlay:
            overlay = nil
        case .focusNext:
            focus = focus.next
        case .focusPrevious:
            focus = focus.previous
        case .focus(let pane):
            focus = pane
        case .moveDown: move(overlay: 1) { $0.moveDown() }
        case .moveUp: move(overlay: -1) { $0.moveUp() }
        case .pageDown: move(overlay: overlayPage) { $0.pageDown() }
        case .pageUp: move(overlay: -overlayPage) { $0.pageUp() }
        case .first: move(overlay: Int.min / 2) { $0.selectFirst() }
        case .last: move(overlay: Int.max / 2) { $0.selectLast() }
        case .openDetail:
            openDetail()
        case .filter:
            let pane = focus
            prompt = Prompt(kind: .filter(pane, original: self.pane(pane).filter),
                            input: TextInputModel(text: self.pane(pane).filter))
        case .clearFilter:
            guard !pane(focus).filter.isEmpty else { return [] }
            return update(focus) { $0.setFilter("", context: $1) }
        case .nextMatch, .previousMatch:
            let target: PaneID
            if case .detail(let detail) = overlay { target = detail.pane } else { target = focus }
            var list = pane(target).list
            guard let selection = list.selection, list.itemCount > 0 else { return [] }
            let step = command == .nextMatch ? 1 : -1
            list.select((selection + step + list.itemCount) % list.itemCount)
            panes[target.rawValue].list = list
            if case .detail = overlay { openDetail(in: target) }
        case .sort:
            let current = pane(focus).sort
            let next = current.column == nil
                ? SortOrder(column: pane(focus).schema.defaultSortColumn, ascending: true)
                : SortOrder(column: current.column, ascending: !current.ascending)
            return update(focus) { $0.setSort(next, context: $1) }
        case .sortColumn:
            let columns = pane(focus).schema.columns.count
            let current = pane(focus).sort.column
            let next: Int? = current.map { $0 + 1 < columns ? $0 + 1 : nil } ?? 0
            return update(focus) { $0.setSort(SortOrder(column: next, ascending: true), context: $1) }
        case .cyclePolicy:
            return cyclePolicy()
        case .toggleAllow:
            return toggleAllow()
        case .writeAllowList:
            guard kind == .link else {
                message = StatusMessage("the allow list is for links; this is a linked module")
                return []
            }
            prompt = Prompt(kind: .writeAllowList, input: TextInputModel(text: allowList.file?.path ?? allowListPath))
        case .exportReport:
            guard reportText != nil else {
                message = StatusMessage(kind == .module
                    ? "the report is for links; a linked module has none (wasm-undef symbols lists it)"
                    : "the report is not ready: the link is still loading")
                return []
            }
            prompt = Prompt(kind: .exportReport, input: TextInputModel(text: reportPath))
        case .exportFixIt:
            guard prediction != nil else {
                message = StatusMessage(kind == .module
                    ? "fix-its are for links; a linked module's imports are already made"
                    : "no fix-it yet: the link is still loading")
                return []
            }
            prompt = Prompt(kind: .chooseFixIt)
        case .toggleDemangle:
            demangle.toggle()
            message = StatusMessage(demangle ? "demangled names" : "raw (mangled) names")
            var effects: [Effect] = []
            for pane in PaneID.allCases {
                effects += update(pane) { $0.refresh(context: $1) }
            }
            refreshDetail()
            return effects
        case .reload:
            // A link resolved by the caller is read afresh from now on.
                loading = LoadingState(text: "reloading \(source.displayTitle)", fraction: nil, isReload: true)
            applyLayout()
            return [.load(generation: bumpLoadGeneration())]
        }
        return []
    }

    /// Rows an overlay page scrolls.
    var overlayPage: Int { max(1, layout.overlay.rows - 3) }

    /// Moves the selection of the focused pane, or scrolls the open overlay by `lines`.
    private mutating func move(overlay lines: Int, _ change: (inout ListViewModel) -> Void) {
        if overlay != nil {
            scrollOverlay(by: lines)
        } else {
            change(&panes[focus.rawValue].list)
        }
    }

    /// Scrolls the help or the detail view, between its top and its last full page.
    mutating func scrollOverlay(by lines: Int) {
        let layout = self.layout
        let width = OverlayText.textArea(layout).columns
        switch overlay {
        case .help(let scroll):
            let rows = OverlayText.rows(InspectorKeymap.helpLines, width: width, help: true).count
            overlay = .help(scroll: min(max(0, scroll + lines), OverlayText.maximumScroll(rowCount: rows, layout: layout)))
        case .detail(var detail):
            let rows = OverlayText.rows(detail.lines, width: width).count
            detail.scroll = min(max(0, detail.scroll + lines), OverlayText.maximumScroll(rowCount: rows, layout: layout))
            overlay = .detail(detail)
        case nil:
            break
        }
    }

    // MARK: policy and allow list

    private mutating func cyclePolicy() -> [Effect] {
        guard kind == .link else {
            message = StatusMessage(kind == .module
                ? "policies apply to links: a linked module's imports are already decided"
                : "the inputs are still loading")
            return []
        }
        let next: PolicyName
        switch policy.name {
        case .error: next = .import
        case .import: next = .allow
        case .allow, nil: next = .error
        }
        policy = UndefinedPolicy(next, allowFile: policy.allowFile)
        let effects = repredict()
        if let prediction {
            message = StatusMessage("policy \(policy.label): " + Self.summary(prediction, unicode: capabilities.unicode))
        }
        return effects
    }

    private mutating func toggleAllow() -> [Effect] {
        guard kind == .link, prediction != nil else {
            message = StatusMessage(kind == .module ? "the allow list is for links; this is a linked module" : "the link is still loading")
            return []
        }
        let row: TableRow?
        if case .detail(let detail) = overlay {
            row = pane(detail.pane).rows.first { $0.key == detail.key }
        } else {
            row = focus == .undefined ? pane(.undefined).selectedRow : nil
        }
        guard let row, case .undefinedSymbol(let name) = row.reference else {
            message = StatusMessage("select an undefined symbol to put in the allow list")
            return []
        }
        allowList.toggle(name)
        let added = allowList.names.contains(name)
        let effects = repredict()
        let outcome = prediction.flatMap { ($0.undefined + $0.unreferencedUndefined).first { $0.name == name } }
        message = StatusMessage(
            "\(name) \(added ? "added to" : "taken out of") the allow list" + (outcome.map { ": \(Report.outcomeText($0))" } ?? "")
                + " (w writes the list)")
        return effects
    }

    /// `6 undefined → 1 import, 4 errors`.
    public static func summary(_ prediction: LinkPrediction, unicode: Bool = true) -> String {
        "\(prediction.undefined.count) undefined \(unicode ? "→" : "->") \(Format.plural(prediction.imports.count, "import")), "
            + Format.plural(prediction.errorCount, "error")
            + (prediction.warningCount > 0 ? ", " + Format.plural(prediction.warningCount, "warning") : "")
    }

    /// Predicts again under `effectivePolicy` (a policy or allow-list change, a new link, the
    /// analyses arriving) and rebuilds the panes that depend on it. A prediction (and its
    /// findings) the loader made for the same policy is taken as it is.
    mutating func repredict(using made: LinkPrediction? = nil, findings madeFindings: LinkFindings? = nil) -> [Effect] {
        guard let link = data.link else { return [] }
        let policy = effectivePolicy
        let reuse = made.map { $0.policy == policy } ?? false
        let prediction = reuse ? made ?? link.predict(policy: policy) : link.predict(policy: policy)
        let findings = (reuse ? madeFindings : nil) ?? data.findingsContext?.analyze(prediction) ?? LinkFindings()
        setPrediction(prediction, findings: findings)
        let sources = data.sources
        var effects = update(.undefined) { $0.setRows(Rows.undefined(prediction, sources: sources), context: $1) }
        effects += update(.imports) { $0.setRows(Rows.imports(prediction), context: $1) }
        effects += refreshFindingRows()
        refreshDetail()
        return effects
    }

    /// The Findings pane from the current prediction (or module) and load error.
    mutating func refreshFindingRows() -> [Effect] {
        var rows: [TableRow] = []
        if let error = data.loadError { rows.append(Rows.loadError(error)) }
        if let prediction {
            rows += Rows.findings(prediction, findings: findings, analysing: data.findingsContext == nil && loading != nil)
        } else if kind == .module {
            rows += Rows.moduleFindings(data.moduleImports)
        }
        return update(.findings) { $0.setRows(rows, context: $1) }
    }

    // MARK: detail

    /// Opens the detail view of the selected row of `pane` (default: the focused one).
    mutating func openDetail(in pane: PaneID? = nil) {
        let pane = pane ?? focus
        guard let row = self.pane(pane).selectedRow else {
            message = StatusMessage("nothing selected")
            return
        }
        overlay = .detail(DetailBuilder.detail(for: row, in: pane, state: self))
    }

    /// Rebuilds an open detail view (the policy, the allow list or the names changed),
    /// keeping its scroll.
    mutating func refreshDetail() {
        guard case .detail(let detail) = overlay else { return }
        guard let row = pane(detail.pane).rows.first(where: { $0.key == detail.key }) else { return }
        var rebuilt = DetailBuilder.detail(for: row, in: detail.pane, state: self)
        rebuilt.scroll = min(detail.scroll, max(0, rebuilt.lines.count - 1))
        overlay = .detail(rebuilt)
    }
}
