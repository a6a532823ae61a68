/// The colours a cell can have: the terminal's default and the eight ANSI colours, which
/// every colour terminal has. The backend maps them to colour pairs, or drops them in
/// monochrome mode.
public enum Color: UInt8, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    case `default`, black, red, green, yellow, blue, magenta, cyan, white

    public var description: String {
        switch self {
        case .default: "default"
        case .black: "black"
        case .red: "red"
        case .green: "green"
        case .yellow: "yellow"
        case .blue: "blue"
        case .magenta: "magenta"
        case .cyan: "cyan"
        case .white: "white"
        }
    }
}

/// Text attributes; all of them work without colour, which is what the monochrome theme uses.
public struct Attributes: OptionSet, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = Attributes(rawValue: 1 << 0)
    public static let reverse = Attributes(rawValue: 1 << 1)
    public static let underline = Attributes(rawValue: 1 << 2)
    public static let dim = Attributes(rawValue: 1 << 3)

    public var description: String {
        var names: [String] = []
        if contains(.bold) { names.append("bold") }
        if contains(.reverse) { names.append("reverse") }
        if contains(.underline) { names.append("underline") }
        if contains(.dim) { names.append("dim") }
        return names.joined(separator: " ")
    }
}

/// How a cell is drawn: colours and attributes.
public struct Style: Hashable, Sendable, CustomStringConvertible {
    /// Text colour.
    public var foreground: Color
    /// Background colour.
    public var background: Color
    /// Bold, reverse, underline, dim.
    public var attributes: Attributes

    /// A style; all defaults give the terminal's plain text.
    public init(foreground: Color = .default, background: Color = .default, attributes: Attributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    /// The terminal's plain text.
    public static let plain = Style()

    /// This style with `attributes` added.
    public func adding(_ attributes: Attributes) -> Style {
        var copy = self
        copy.attributes.formUnion(attributes)
        return copy
    }

    /// `fg=red bg=blue bold`, only the parts that differ from plain; `plain` for plain.
    public var description: String {
        var parts: [String] = []
        if foreground != .default { parts.append("fg=\(foreground)") }
        if background != .default { parts.append("bg=\(background)") }
        if !attributes.isEmpty { parts.append(attributes.description) }
        return parts.isEmpty ? "plain" : parts.joined(separator: " ")
    }
}
