import Findings
import Reporting
import TerminalUI

extension AppState {
    /// The reducer: applies one event and returns the work the run loop must do.
    public mutating func handle(_ event: AppEvent) -> [Effect] {
        switch event {
        case .key(let key):
            return handleKey(key)
        case .mouse(let mouse):
            return handleMouse(mouse)
        case .resize(let size):
            self.size = size
            applyLayout()
            return []
        case .loaded(let update, let generation):
            guard generation == loadGeneration else { return [] }
            return apply(update)
        case .viewComputed(let request, let order):
            return update(request.pane) { $0.finishView(request, order: order, context: $1) }
        case .wrote(let request, let outcome):
            return finishWrite(request, outcome)
        case .filesChanged(let paths):
            return reloadForChange(paths)
        }
    }

    /// A key: to the prompt when one is open, else through the keymap.
    mutating func handleKey(_ key: Key) -> [Effect] {
        message = nil
        if let prompt { return handlePromptKey(key, prompt) }
        guard let command = InspectorKeymap.table.command(for: key, in: keyContext) else { return [] }
        return perform(command)
    }

    private mutating func handlePromptKey(_ key: Key, _ prompt: Prompt) -> [Effect] {
        if case .confirmOverwrite(let request) = prompt.kind {
            switch key {
            case .character("y"), .character("Y"):
                self.prompt = nil
                var replacing = request
                replacing.overwrite = true
                return [.write(replacing)]
            case .character("n"), .character("N"), .escape, .control("c"), .control("g"):
                self.prompt = nil
                message = StatusMessage("not written: \(request.path) is left as it was")
            default:
                break
            }
            return []
        }
        if case .chooseFixIt = prompt.kind {
            let choice: FixIt.Language?
            switch key {
            case .character("r"), .character("R"): choice = .rust
            case .character("c"), .character("C"): choice = .c
            case .character("a"), .character("A"): choice = .allowFile
            case .escape, .control("c"), .control("g"):
                self.prompt = nil
                return []
            default: return []
            }
            if let choice { self.prompt = Prompt(kind: .exportFixIt(choice), input: TextInputModel(text: choice.defaultPath)) }
            return []
        }
        var input = prompt.input
        let outcome = input.handle(key)
        switch prompt.kind {
        case .filter(let pane, let original):
            switch outcome {
            case .edited:
                self.prompt?.input = input
                return update(pane) { $0.setFilter(input.text, context: $1) }
            case .submitted:
                self.prompt = nil
                return []
            case .cancelled:
                self.prompt = nil
                return update(pane) { $0.setFilter(original, context: $1) }
            case .ignored:
                // Up and Down move through the matches while typing.
                if key == .down { panes[pane.rawValue].list.moveDown() }
                if key == .up { panes[pane.rawValue].list.moveUp() }
                return []
            }
        case .exportReport, .writeAllowList, .exportFixIt:
            switch outcome {
            case .edited, .ignored:
                self.prompt?.input = input
                return []
            case .cancelled:
                self.prompt = nil
                return []
            case .submitted(let text):
                self.prompt = nil
                let path = text.trimmingSpaces()
                guard !path.isEmpty else {
                    message = StatusMessage("nothing written: no path given")
                    return []
                }
                if case .exportReport = prompt.kind {
                    guard let report = reportText else { return [] }
                    return [.write(WriteRequest(kind: .report, path: path, contents: report))]
                }
                if case .exportFixIt(let language) = prompt.kind {
                    guard let prediction else { return [] }
                    return [.write(WriteRequest(kind: .fixIt, path: path, contents: FixIt.render(language, for: prediction, findings: findings)))]
                }
                return [.write(WriteRequest(kind: .allowList, path: path, contents: allowList.fileText))]
            }
        case .confirmOverwrite, .chooseFixIt:
            return []
        }
    }

    private mutating func finishWrite(_ request: WriteRequest, _ outcome: WriteOutcome) -> [Effect] {
        switch outcome {
        case .written:
            switch request.kind {
            case .report:
                reportPath = request.path
                let unsaved = allowList.isModified ? " (with the allow list's unsaved changes: w writes them)" : ""
                message = StatusMessage("wrote the report to \(request.path)" + unsaved, tone: .good)
            case .fixIt:
                let count = prediction.map { FixPlan.candidates($0).count } ?? 0
                message = StatusMessage("wrote a fix-it for \(Format.plural(count, "symbol")) to \(request.path)", tone: .good)
            case .allowList:
                allowListPath = request.path
                allowList.saved(to: request.path)
                message = StatusMessage(
                    "wrote \(Format.plural(allowList.names.count, "name")) to \(request.path); predictions now use --allow-undefined-file=\(request.path)",
                    tone: .good)
                return repredict()
            }
        case .exists:
            prompt = Prompt(kind: .confirmOverwrite(request))
        case .failed(let reason):
            message = StatusMessage("not written: \(reason)", tone: .error)
        }
        return []
    }
}

extension String {
    func trimmingSpaces() -> String {
        var text = Substring(self)
        while text.first == " " || text.first == "\t" { text.removeFirst() }
        while text.last == " " || text.last == "\t" { text.removeLast() }
        return String(text)
    }
}
