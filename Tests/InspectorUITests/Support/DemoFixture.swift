import DemoLink
import Findings
import Foundation
import InspectorTerminal
import InspectorUI
import LinkModel
import Reporting
import TerminalUI
import TestSupport
import Testing
import Workspace

/// The bundled demo link, written once per test process to a private folder, and states
/// loaded from it the way the run loop loads them (every loader update, in order).
enum DemoFixture {
    /// The folder with app.o, mylib.o and libcompress.a.
    static let folder: String = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wasm-undef-inspector-\(getpid())")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for file in DemoLink.files {
            _ = FileManager.default.createFile(atPath: url.appendingPathComponent(file.name).path, contents: Data(file.bytes))
        }
        return url.path
    }()

    /// The demo as the TUI opens it: `app.o mylib.o`, the folder as a search folder.
    static func source(policy: PolicyName = .error, allowFile: String? = nil) -> InspectionSource {
        InspectionSource(
            options: LinkOptions(files: DemoLink.linkLine, policy: policy, allowFile: allowFile),
            searchFolders: ["."], workingDirectory: folder, title: "demo: app.o mylib.o")
    }

    /// Every update the loader posts for `source`.
    static func updates(_ source: InspectionSource, loader: InspectionLoader = InspectionLoader()) -> [LoadUpdate] {
        let collected = Collected()
        loader.load(source) { collected.append($0) }
        return collected.updates
    }

    /// A state with `source` fully loaded, at `size`.
    static func loaded(
        _ source: InspectionSource = source(), size: Size = Size(rows: 40, columns: 120),
        capabilities: TerminalCapabilities = TerminalCapabilities(unicode: true, colors: true)
    ) -> AppState {
        var state = AppState(source: source, size: size, capabilities: capabilities)
        for update in updates(source) {
            _ = state.handle(.loaded(update, generation: state.loadGeneration))
        }
        return state
    }

    /// What `wasm-undef report --search . --policy P app.o mylib.o` prints in the demo folder.
    static func report(policy: UndefinedPolicy) throws -> String {
        var options = source().options
        options.apply(policy)
        let load = LoadSource(options: options, locations: FileLocations(workingDirectory: folder), searchFolders: ["."])
        let result = try LoadPipeline(load, stages: [.prediction, .findings]).run().get()
        let prediction = try #require(result.prediction)
        return Report.text(prediction, findings: try #require(result.findings))
    }

    /// The demo linked with `--allow-undefined` into a module (env imports and host imports),
    /// or nil without wasm-ld.
    static let module: String? = {
        guard let wasmLD = Toolchain.wasmLD else { return nil }
        let output = folder + "/demo.wasm"
        if FileManager.default.fileExists(atPath: output) { return output }
        let result = try? Run.program(wasmLD, ["--allow-undefined", "app.o", "mylib.o", "-o", "demo.wasm"],
                                     directory: URL(fileURLWithPath: folder))
        return result?.status == 0 ? output : nil
    }()

    /// The screen as snapshot text, with the fixture folder spelled `$DEMO`.
    static func snapshot(_ state: AppState, styles: Bool = true) -> String {
        Screen.render(state).grid.snapshot(includeStyles: styles).replacingOccurrences(of: folder, with: "$DEMO")
    }
}

/// Collects loader updates posted from the calling thread.
final class Collected: @unchecked Sendable {
    private(set) var updates: [LoadUpdate] = []
    func append(_ update: LoadUpdate) { updates.append(update) }
}

extension AppState {
    /// Presses keys in order, returning the effects of the last one.
    @discardableResult
    mutating func press(_ keys: Key...) -> [Effect] {
        var effects: [Effect] = []
        for key in keys { effects = handle(.key(key)) }
        return effects
    }

    /// Types text into a prompt.
    mutating func type(_ text: String) {
        for character in text { _ = handle(.key(.character(character))) }
    }

    /// The cell texts of the rows a pane shows, in order.
    func shownNames(_ pane: PaneID) -> [String] {
        (0..<self.pane(pane).shownCount).compactMap { self.pane(pane).row(at: $0)?.cells.first }
    }

    /// The row of the Undefined pane for `name`.
    func undefinedRow(_ name: String) -> TableRow? {
        pane(.undefined).rows.first { $0.key == name }
    }
}

extension Overlay {
    /// The detail view, when that is the overlay.
    var detail: DetailView? {
        if case .detail(let detail) = self { return detail }
        return nil
    }
}

extension Effect {
    /// The background view asked for, when this is one.
    var viewRequest: PaneState.ViewRequest? {
        if case .computeView(let request) = self { return request }
        return nil
    }

    /// The file write asked for, when this is one.
    var writeRequest: WriteRequest? {
        if case .write(let request) = self { return request }
        return nil
    }
}
