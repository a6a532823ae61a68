import Findings
import Reporting
import TerminalUI

/// What the bottom line is asking for.
public enum PromptKind: Sendable, Equatable {
    /// `/`: the filter of a pane, typed live; Esc restores `original`.
    case filter(PaneID, original: String)
    /// `e`: where to write the report.
    case exportReport
    /// `w`: where to write the allow list.
    case writeAllowList
    /// `f`: which fix-it (one key: r, c or a).
    case chooseFixIt
    /// `f` then a choice: where to write it.
    case exportFixIt(FixIt.Language)
    /// The file exists: `y` replaces it.
    case confirmOverwrite(WriteRequest)
}

/// A question on the bottom line, with its text field.
public struct Prompt: Sendable, Equatable {
    public var kind: PromptKind
    public var input: TextInputModel

    public init(kind: PromptKind, input: TextInputModel = TextInputModel()) {
        self.kind = kind
        self.input = input
    }

    /// The words before the field.
    public var label: String {
        switch kind {
        case .filter(let pane, _): "filter \(pane.title): "
        case .exportReport: "export report to: "
        case .writeAllowList: "write allow list to: "
        case .chooseFixIt: "fix-it: r Rust extern block, c C declarations, a allow file (Esc cancels) "
        case .exportFixIt(let language): "write the \(language.title) fix-it to: "
        case .confirmOverwrite(let request): "\(request.path) exists. Replace it? (y/n) "
        }
    }
}

/// A one-line message on the bottom line until the next key.
public struct StatusMessage: Sendable, Equatable {
    public var text: String
    public var tone: Tone

    public init(_ text: String, tone: Tone = .plain) {
        self.text = text
        self.tone = tone
    }
}

/// Loading in progress: what it is doing and how far.
public struct LoadingState: Sendable, Equatable {
    public var text: String
    public var fraction: Double?
    /// A reload (the old data stays visible meanwhile).
    public var isReload: Bool
}

extension FixIt.Language {
    /// `Rust`, `C`, `allow-file`.
    var title: String {
        switch self {
        case .rust: "Rust"
        case .c: "C"
        case .allowFile: "allow-file"
        case .rustPatch: "Rust patch"
        case .cPatch: "C patch"
        }
    }

    /// Where the prompt proposes to write it.
    var defaultPath: String {
        switch self {
        case .rust: "wasm_imports.rs"
        case .c: "wasm_imports.h"
        case .allowFile: "allow-undefined.txt"
        case .rustPatch, .cPatch: "wasm-imports.patch"
        }
    }
}
