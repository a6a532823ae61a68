import Findings
import LinkModel
import Reporting
import TerminalUI
import Workspace

/// The whole app as one value: what is loaded, the panes, focus, overlays, prompt, policy,
/// allow list, and the screen size. `handle(_:)` is the reducer (events in, effects out);
/// `Screen.render(_:)` draws it. Nothing here does I/O, so every screen and every command
/// can be tested without a terminal.
public struct AppState: Sendable {
    public var source: InspectionSource
    public var data = AppData()
    public var size: Size
    public var capabilities: TerminalCapabilities
    /// By `PaneID.rawValue`.
    public var panes: [PaneState]
    public var focus: PaneID = .undefined
    public var overlay: Overlay?
    public var prompt: Prompt?
    /// The policy without the allow list: what `p` cycles.
    public var policy: UndefinedPolicy
    public var allowList = AllowListState()
    /// Show demangled names (wasm-ld's own default).
    public var demangle = true
    /// The prediction under `effectivePolicy` (links only, once resolved).
    public private(set) var prediction: LinkPrediction?
    public private(set) var findings = LinkFindings()
    public var loading: LoadingState?
    public var message: StatusMessage?
    /// Panes with more rows than this filter and sort on a background thread.
    public var backgroundThreshold = 20_000
    /// The load whose updates count (older ones are dropped).
    public private(set) var loadGeneration = 1
    /// The next background view's tag.
    var viewGeneration = 0
    /// Module symbols arriving next replace the Defined pane instead of extending it.
    var replaceModuleSymbols = true
    /// A change on disk arrived during a load: reload when it finishes.
    var reloadPending = false
    /// The last reload found an input incomplete; the next change reloads.
    public internal(set) var waitingForInput = false
    /// The default paths of the prompts.
    public var reportPath = "wasm-undef-report.txt"
    public var allowListPath = "allow-undefined.txt"

    /// The state before anything is loaded: the first frame shows it at once, and
    /// `Effect.load(generation: 1)` starts loading.
    public init(source: InspectionSource, size: Size, capabilities: TerminalCapabilities = TerminalCapabilities(unicode: true, colors: true)) {
        self.source = source
        self.size = size
        self.capabilities = capabilities
        policy = source.options.policy
        if let path = source.options.allowUndefinedFile { allowListPath = path }
        panes = PaneID.allCases.map { pane in
            switch pane {
            case .sections: PaneState(schema: Schemas.sections(multipleInputs: false))
            case .defined: PaneState(schema: Schemas.definedInLink)
            case .undefined: PaneState(schema: Schemas.undefined)
            case .imports: PaneState(schema: Schemas.imports)
            case .findings: PaneState(schema: Schemas.findings)
            }
        }
        loading = LoadingState(text: "opening \(source.displayTitle)", fraction: nil, isReload: false)
        applyLayout()
    }

    // MARK: derived

    /// The layout for the current size.
    public var layout: Layout { Layout(size: size, showsProgress: loading != nil) }

    public func pane(_ id: PaneID) -> PaneState { panes[id.rawValue] }

    /// The policy predictions use: `policy` with the allow list.
    public var effectivePolicy: UndefinedPolicy { allowList.applied(to: policy) }

    /// Whether the inputs are a link (policies apply) or linked modules; nil until known.
    public var kind: InspectionKind? { data.kind }

    /// Where keys go.
    public var keyContext: KeyContext {
        switch overlay {
        case .help: .help
        case .detail: .detail
        case nil: .pane(focus)
        }
    }

    /// The report `e` writes: exactly `wasm-undef report` for this link and policy.
    public var reportText: String? {
        prediction.map { Report.text($0, findings: findings) }
    }

    // MARK: helpers for the reducer

    func context(for pane: PaneID) -> ViewContext {
        ViewContext(pane: pane, demangle: demangle, backgroundThreshold: backgroundThreshold, generation: viewGeneration)
    }

    /// Runs `change` on a pane with a fresh view generation, collecting any background view.
    mutating func update(_ pane: PaneID, _ change: (inout PaneState, ViewContext) -> PaneState.ViewRequest?) -> [Effect] {
        viewGeneration += 1
        let context = context(for: pane)
        guard let request = change(&panes[pane.rawValue], context) else { return [] }
        return [.computeView(request)]
    }

    /// Viewport heights follow the layout.
    mutating func applyLayout() {
        let layout = self.layout
        for pane in PaneID.allCases {
            panes[pane.rawValue].list.setViewportHeight(layout.viewportHeight(pane))
        }
    }

    mutating func setPrediction(_ prediction: LinkPrediction?, findings: LinkFindings) {
        self.prediction = prediction
        self.findings = findings
    }

    mutating func bumpLoadGeneration() -> Int {
        loadGeneration += 1
        return loadGeneration
    }
}
