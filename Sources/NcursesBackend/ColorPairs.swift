import CNcursesw
import TerminalUI

/// Colour pairs allocated on first use: a (foreground, background) combination gets the next
/// free pair number. There are 81 combinations and as few as 64 pairs on an 8-colour
/// terminal; when they run out, the combination falls back to pair 0 (default colours).
struct ColorPairs {
    private var pairs: [UInt16: Int16] = [:]
    private var next: Int16 = 1
    /// Number of pairs the terminal has (`COLOR_PAIRS`); 0 in monochrome.
    let limit: Int
    /// Whether `use_default_colors` worked, so -1 means the terminal's own colours.
    let defaultColors: Bool

    init(limit: Int, defaultColors: Bool) {
        self.limit = min(limit, Int(Int16.max))
        self.defaultColors = defaultColors
    }

    /// The pair for `style`'s colours; 0 for default-on-default or in monochrome.
    mutating func pair(for style: Style) -> Int16 {
        guard limit > 0, style.foreground != .default || style.background != .default else { return 0 }
        let key = UInt16(style.foreground.rawValue) << 8 | UInt16(style.background.rawValue)
        if let pair = pairs[key] { return pair }
        guard Int(next) < limit else { return 0 }
        let pair = next
        guard init_pair(pair, code(style.foreground, isForeground: true), code(style.background, isForeground: false)) == OK else {
            return 0
        }
        next += 1
        pairs[key] = pair
        return pair
    }

    private func code(_ color: Color, isForeground: Bool) -> Int16 {
        switch color {
        case .default: defaultColors ? -1 : Int16(isForeground ? COLOR_WHITE : COLOR_BLACK)
        case .black: Int16(COLOR_BLACK)
        case .red: Int16(COLOR_RED)
        case .green: Int16(COLOR_GREEN)
        case .yellow: Int16(COLOR_YELLOW)
        case .blue: Int16(COLOR_BLUE)
        case .magenta: Int16(COLOR_MAGENTA)
        case .cyan: Int16(COLOR_CYAN)
        case .white: Int16(COLOR_WHITE)
        }
    }
}
