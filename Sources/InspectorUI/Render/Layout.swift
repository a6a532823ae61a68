import TerminalUI

/// Where everything goes on a screen of a given size: a pure function of the size (and of
/// whether the progress line shows), shared by the renderer and the reducer (viewport
/// heights, mouse hits).
///
/// ```
/// ┌ Sections ──────┐┌ Undefined ───────────┐   left column: Sections over Defined
/// │                ││                      │   right column: Undefined, Imports, Findings
/// ├ Defined ───────┤├ Imports ─────────────┤
/// │                │├ Findings ────────────┤
/// └────────────────┘└──────────────────────┘
///  progress line (while loading)
///  status line
///  hint line (or a prompt, or a message)
/// ```
public struct Layout: Sendable, Hashable {
    /// Below this the screen shows only a message saying so.
    public static let minimumSize = Size(rows: 16, columns: 60)

    public let size: Size
    /// The screen is smaller than `minimumSize`.
    public let tooSmall: Bool
    /// Each pane's frame (its top edge is a frame top or a rule; its bottom edge is shared
    /// with the pane below), by `PaneID.rawValue`.
    public let frames: [Rect]
    /// Each pane's inside: a header row, then the list.
    public let contents: [Rect]
    /// The progress line, when shown.
    public let progressRow: Int?
    public let statusRow: Int
    public let hintRow: Int

    public init(size: Size, showsProgress: Bool) {
        self.size = size
        tooSmall = size.rows < Self.minimumSize.rows || size.columns < Self.minimumSize.columns
        hintRow = max(0, size.rows - 1)
        statusRow = max(0, size.rows - 2)
        progressRow = showsProgress ? max(0, size.rows - 3) : nil
        let bodyRows = max(0, size.rows - 2 - (showsProgress ? 1 : 0))
        let leftWidth = min(64, max(24, size.columns * 38 / 100))
        let rightWidth = max(0, size.columns - leftWidth)
        let last = bodyRows - 1

        // Top edge rows of the panes in each column; each pane gets at least a header and a row.
        let definedTop = min(max(4, bodyRows * 40 / 100), max(0, last - 3))
        let importsTop = min(max(4, bodyRows * 44 / 100), max(0, last - 6))
        let findingsTop = min(max(importsTop + 3, bodyRows * 70 / 100), max(0, last - 3))

        func frame(top: Int, bottom: Int, column: Int, width: Int) -> Rect {
            Rect(row: top, column: column, rows: max(0, bottom - top + 1), columns: width)
        }
        var frames = [Rect](repeating: Rect(row: 0, column: 0, rows: 0, columns: 0), count: PaneID.allCases.count)
        frames[PaneID.sections.rawValue] = frame(top: 0, bottom: definedTop, column: 0, width: leftWidth)
        frames[PaneID.defined.rawValue] = frame(top: definedTop, bottom: last, column: 0, width: leftWidth)
        frames[PaneID.undefined.rawValue] = frame(top: 0, bottom: importsTop, column: leftWidth, width: rightWidth)
        frames[PaneID.imports.rawValue] = frame(top: importsTop, bottom: findingsTop, column: leftWidth, width: rightWidth)
        frames[PaneID.findings.rawValue] = frame(top: findingsTop, bottom: last, column: leftWidth, width: rightWidth)
        self.frames = frames
        contents = frames.map { $0.inset(by: 1) }
    }

    public func frame(_ pane: PaneID) -> Rect { frames[pane.rawValue] }
    public func content(_ pane: PaneID) -> Rect { contents[pane.rawValue] }

    /// Rows of list a pane shows (its inside less the header row).
    public func viewportHeight(_ pane: PaneID) -> Int { max(1, content(pane).rows - 1) }

    /// The pane whose frame holds the cell, if any (a shared edge belongs to the pane below).
    public func pane(atRow row: Int, column: Int) -> PaneID? {
        for pane in PaneID.allCases.reversed() where frame(pane).contains(row: row, column: column) {
            return pane
        }
        return nil
    }

    /// The overlay box (help, detail): most of the screen, centred.
    public var overlay: Rect {
        let width = min(size.columns - 4, max(60, size.columns * 4 / 5))
        let height = max(3, size.rows - 4)
        return Rect(row: 1, column: max(0, (size.columns - width) / 2), rows: height, columns: max(0, width))
    }
}
