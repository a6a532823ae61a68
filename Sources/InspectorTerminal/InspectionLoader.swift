import InspectorUI
import LinkModel
import SourceLocations
import Workspace

/// Reads what an `InspectionSource` names, posting each stage as it completes so the panes
/// fill while the rest is still being read. Runs on a background thread; `post` is called on
/// that thread, in order.
///
/// This is the seam reload goes through: the run loop calls `load` again for `r` and for a
/// change on disk.
public protocol InspectionLoading: Sendable {
    func load(_ source: InspectionSource, post: @escaping @Sendable (LoadUpdate) -> Void)
}

/// Loads through `Workspace.LoadPipeline` (every stage), turning its stages into the
/// reducer's updates (`LoadUpdates`, rows built here, off the UI thread). Every later load
/// through the same loader decodes again only what changed, through its `ReuseStore`.
public struct InspectionLoader: InspectionLoading {
    /// Names per `moduleSymbols` update: the Defined pane of a large module fills in steps.
    public var batchSize: Int
    /// What earlier loads decoded (section rows, objects, module symbols, libraries).
    public let reuse: ReuseStore

    public init(batchSize: Int = 8192, reuse: ReuseStore = ReuseStore()) {
        self.batchSize = max(1, batchSize)
        self.reuse = reuse
    }

    public func load(_ source: InspectionSource, post: @escaping @Sendable (LoadUpdate) -> Void) {
        var updates = LoadUpdates()
        var resolved: (ResolvedLink, LinkPrediction)? = nil
        LoadPipeline(source.loadSource, stages: .all, reuse: reuse, batchSize: batchSize).run { stage in
            if case .resolved(let link, _, let prediction) = stage { resolved = (link, prediction) }
            post(updates.update(for: stage))
        }
        // Last, so no pane waits for it: the references placed by the inputs' DWARF (the same
        // under every policy, so placed once per load).
        if let (link, prediction) = resolved {
            post(.sourceLines(ReferenceLocator.locate(prediction.undefined + prediction.unreferencedUndefined, in: link)))
        }
    }
}
