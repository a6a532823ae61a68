/// What a key asks for. The keymap turns keys into commands; the reducer performs them.
public enum Command: Hashable, Sendable {
    case focusNext, focusPrevious
    case focus(PaneID)
    case moveDown, moveUp, pageDown, pageUp, first, last
    /// Enter: the detail view of the selected row.
    case openDetail
    /// Esc in an overlay.
    case closeOverlay
    /// `/`: filter the focused pane.
    case filter
    /// `n` / `N`: the next or previous shown row, wrapping (the detail view follows).
    case nextMatch, previousMatch
    /// Esc in a pane: clear its filter.
    case clearFilter
    /// `s`: sort by the name (again: reverse).
    case sort
    /// `S`: sort by the next column.
    case sortColumn
    /// `p`: error → import → allow.
    case cyclePolicy
    /// Space: put the selected undefined symbol in the allow list, or take it out.
    case toggleAllow
    case writeAllowList
    case exportReport
    /// `f`: write a fix-it (Rust extern block, C declarations or an allow file).
    case exportFixIt
    case toggleDemangle
    case reload
    case help
    case quit

    /// Whether the command means something for linked modules (policies, the allow list and
    /// the report are about links); the hint line leaves the others out there.
    public var appliesToModules: Bool {
        switch self {
        case .cyclePolicy, .toggleAllow, .writeAllowList, .exportReport, .exportFixIt: false
        default: true
        }
    }
}

/// Where a key is pressed: a pane, or an overlay.
public enum KeyContext: Hashable, Sendable {
    case pane(PaneID)
    case detail
    case help

    /// Every context, for conflict checks.
    public static let all: [KeyContext] = PaneID.allCases.map { .pane($0) } + [.detail, .help]
}
