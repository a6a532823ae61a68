/// One thing wasm-ld does that shows on its stderr or ends the link, recorded in order while
/// resolving so a prediction can replay it through the error limit (`ErrorHandler`).
enum LinkEvent: Sendable {
    /// `error(...)`; `symbol` names the symbol the line is about, for per-symbol attribution.
    case error(String, symbol: String? = nil)
    /// `warn(...)` (an error under `--fatal-warnings`).
    case warning(String, symbol: String? = nil)
    /// `if (errorCount()) return;` in wasm-ld's driver.
    case checkpoint
    /// `fatal(...)`: printed, then the link ends.
    case fatal(String)
}

/// lld's `ErrorHandler`: prints errors until the limit, then the "too many errors" line and
/// stops; warnings become errors under `--fatal-warnings`.
struct ErrorHandler {
    let errorLimit: Int
    let fatalWarnings: Bool
    private(set) var lines: [Diagnostic] = []
    /// For each line, the symbol it is about.
    private(set) var symbols: [String?] = []
    private(set) var errorCount = 0
    /// The link has ended (error limit reached, fatal error, or a checkpoint with errors).
    private(set) var stopped = false

    static let limitMessage = "too many errors emitted, stopping now (use -error-limit=0 to see all errors)"

    init(errorLimit: Int, fatalWarnings: Bool) {
        self.errorLimit = errorLimit
        self.fatalWarnings = fatalWarnings
    }

    mutating func error(_ text: String, symbol: String? = nil) {
        guard !stopped else { return }
        if errorLimit == 0 || errorCount < errorLimit {
            lines.append(Diagnostic(.error, text))
            symbols.append(symbol)
            errorCount += 1
        } else {
            lines.append(Diagnostic(.error, Self.limitMessage))
            symbols.append(nil)
            errorCount += 1
            stopped = true
        }
    }

    mutating func warn(_ text: String, symbol: String? = nil) {
        guard !stopped else { return }
        if fatalWarnings {
            error(text, symbol: symbol)
        } else {
            lines.append(Diagnostic(.warning, text))
            symbols.append(symbol)
        }
    }

    mutating func fatal(_ text: String) {
        guard !stopped else { return }
        lines.append(Diagnostic(.error, text))
        symbols.append(nil)
        errorCount += 1
        stopped = true
    }

    /// `if (errorCount()) return;`: returns false (and stops) when errors were printed.
    mutating func checkpoint() -> Bool {
        if errorCount > 0 { stopped = true }
        return !stopped
    }

    /// Replays recorded events; returns false if the link stopped.
    mutating func replay(_ events: [LinkEvent]) -> Bool {
        for event in events {
            switch event {
            case .error(let text, let symbol): error(text, symbol: symbol)
            case .warning(let text, let symbol): warn(text, symbol: symbol)
            case .fatal(let text): fatal(text)
            case .checkpoint: _ = checkpoint()
            }
            if stopped { return false }
        }
        return !stopped
    }
}
