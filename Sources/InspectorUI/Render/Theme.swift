import TerminalUI

/// The styles of the screen, in colour or (no colours, or `NO_COLOR`) with attributes
/// only: reverse, bold, underline and dim carry the meaning then.
public struct Theme: Sendable, Hashable {
    public var colors: Bool

    public init(colors: Bool) {
        self.colors = colors
    }

    public init(_ capabilities: TerminalCapabilities) {
        colors = capabilities.colors
    }

    public func tone(_ tone: Tone) -> Style {
        switch (tone, colors) {
        case (.plain, _): .plain
        case (.error, true): Style(foreground: .red, attributes: .bold)
        case (.error, false): Style(attributes: .bold)
        case (.warning, true): Style(foreground: .yellow)
        case (.warning, false): Style(attributes: .underline)
        case (.good, true): Style(foreground: .green)
        case (.good, false): .plain
        case (.weak, true): Style(foreground: .cyan)
        case (.weak, false): Style(attributes: .dim)
        case (.dim, _): Style(attributes: .dim)
        case (.note, true): Style(foreground: .blue)
        case (.note, false): .plain
        }
    }

    /// The selected row of the focused pane.
    public var selection: Style { Style(attributes: .reverse) }
    /// The selected row of another pane: marked, but quieter than the focused one.
    public var selectionUnfocused: Style { Style(attributes: .underline) }
    public var header: Style { colors ? Style(foreground: .cyan, attributes: .bold) : Style(attributes: [.bold, .underline]) }
    public var frame: Style { colors ? Style(foreground: .blue) : .plain }
    public var focusedFrame: Style { colors ? Style(foreground: .yellow, attributes: .bold) : Style(attributes: .bold) }
    public var title: Style { .plain }
    public var focusedTitle: Style {
        colors ? Style(foreground: .yellow, attributes: .bold) : Style(attributes: [.bold, .reverse])
    }
    public var status: Style { Style(attributes: .reverse) }
    /// The current policy inside the status bar: a gap in the reverse bar.
    public var statusEmphasis: Style { colors ? Style(foreground: .black, background: .yellow, attributes: .bold) : Style(attributes: .bold) }
    public func statusTone(_ tone: Tone) -> Style {
        guard colors else { return tone == .error ? Style(attributes: [.reverse, .bold]) : status }
        switch tone {
        case .error: return Style(foreground: .red, attributes: [.reverse, .bold])
        case .good: return Style(foreground: .green, attributes: .reverse)
        case .warning: return Style(foreground: .yellow, attributes: .reverse)
        default: return status
        }
    }
    public var hintKey: Style { Style(attributes: .bold) }
    public var prompt: Style { Style(attributes: .bold) }
    public var progress: Style { colors ? Style(foreground: .cyan) : Style(attributes: .bold) }
    public var overlayFrame: Style { colors ? Style(foreground: .yellow, attributes: .bold) : Style(attributes: .bold) }
    public var detailLabel: Style { colors ? Style(foreground: .cyan) : Style(attributes: .bold) }
    public var detailHeading: Style { colors ? Style(foreground: .yellow, attributes: .bold) : Style(attributes: [.bold, .underline]) }
}
