/// The five panes, in `Tab` and `1`–`5` order.
public enum PaneID: Int, CaseIterable, Sendable, Hashable, Comparable {
    case sections, defined, undefined, imports, findings

    /// The pane's name in its frame, the help and the status line.
    public var title: String {
        switch self {
        case .sections: "Sections"
        case .defined: "Defined"
        case .undefined: "Undefined"
        case .imports: "Imports"
        case .findings: "Findings"
        }
    }

    /// The digit that focuses it.
    public var number: Int { rawValue + 1 }

    /// The next pane in `Tab` order (wrapping).
    public var next: PaneID { PaneID(rawValue: (rawValue + 1) % PaneID.allCases.count) ?? .sections }
    /// The previous pane in `Tab` order (wrapping).
    public var previous: PaneID {
        PaneID(rawValue: (rawValue + PaneID.allCases.count - 1) % PaneID.allCases.count) ?? .sections
    }

    public static func < (a: PaneID, b: PaneID) -> Bool { a.rawValue < b.rawValue }
}
