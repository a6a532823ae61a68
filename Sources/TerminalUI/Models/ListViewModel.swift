/// Selection and scrolling of a list shown in a viewport of a few rows: what every pane
/// needs, as a value with no idea of what the rows hold.
///
/// Invariants, kept by every mutation: the selection is nil exactly when the list is empty,
/// otherwise a valid index; the scroll offset keeps the viewport inside the list (no blank
/// rows below the last item unless the list is shorter than the viewport); and after any
/// move of the selection, the selection is visible (with `margin` rows of context where the
/// list allows).
public struct ListViewModel: Hashable, Sendable {
    /// Number of items.
    public private(set) var itemCount: Int
    /// Index of the selected item; nil when the list is empty.
    public private(set) var selection: Int?
    /// Index of the item in the viewport's first row.
    public private(set) var scrollOffset: Int
    /// Rows the viewport shows (at least 1).
    public private(set) var viewportHeight: Int
    /// Rows of context kept above and below the selection when it moves (like vim's
    /// `scrolloff`); reduced automatically in small viewports.
    public var margin: Int
    /// Rows one wheel step scrolls.
    public var wheelStep: Int

    /// A list of `itemCount` items shown `viewportHeight` rows at a time, the first selected.
    public init(itemCount: Int = 0, viewportHeight: Int = 1, margin: Int = 0, wheelStep: Int = 3) {
        self.itemCount = max(0, itemCount)
        self.viewportHeight = max(1, viewportHeight)
        self.margin = max(0, margin)
        self.wheelStep = max(1, wheelStep)
        selection = itemCount > 0 ? 0 : nil
        scrollOffset = 0
    }

    /// The indices of the items in view, top to bottom.
    public var visibleRange: Range<Int> {
        scrollOffset..<min(itemCount, scrollOffset + viewportHeight)
    }

    /// The largest scroll offset that still fills the viewport.
    var maxScrollOffset: Int { max(0, itemCount - viewportHeight) }

    /// The margin that fits this viewport.
    var effectiveMargin: Int { min(margin, (viewportHeight - 1) / 2) }

    // MARK: the list and the viewport change

    /// The list now has `count` items (a filter or a reload). The selected index is kept
    /// where it still exists, else the last item is selected.
    public mutating func setItemCount(_ count: Int) {
        itemCount = max(0, count)
        if itemCount == 0 {
            selection = nil
        } else {
            selection = min(selection ?? 0, itemCount - 1)
        }
        scrollOffset = min(scrollOffset, maxScrollOffset)
        revealSelection()
    }

    /// The viewport now shows `height` rows (a resize); the selection stays in view.
    public mutating func setViewportHeight(_ height: Int) {
        viewportHeight = max(1, height)
        scrollOffset = min(scrollOffset, maxScrollOffset)
        revealSelection()
    }

    // MARK: moving the selection

    /// Selects item `index`, clamped to the list, and scrolls it into view.
    public mutating func select(_ index: Int) {
        guard itemCount > 0 else { return }
        selection = min(max(0, index), itemCount - 1)
        revealSelection()
    }

    /// Moves the selection by `delta` items (negative is up), stopping at the ends.
    public mutating func move(by delta: Int) {
        guard let selection else { return }
        select(selection + delta)
    }

    /// `k` / Up.
    public mutating func moveUp() { move(by: -1) }
    /// `j` / Down.
    public mutating func moveDown() { move(by: 1) }

    /// PgDn: the view and the selection move down one page (the last row of the old page
    /// becomes the first of the new), stopping at the end.
    public mutating func pageDown() {
        guard let selection else { return }
        let page = max(1, viewportHeight - 1)
        scrollOffset = min(scrollOffset + page, maxScrollOffset)
        select(selection + page)
    }

    /// PgUp: the view and the selection move up one page, stopping at the top.
    public mutating func pageUp() {
        guard let selection else { return }
        let page = max(1, viewportHeight - 1)
        scrollOffset = max(scrollOffset - page, 0)
        select(selection - page)
    }

    /// `g` / Home: the first item.
    public mutating func selectFirst() { select(0) }
    /// `G` / End: the last item.
    public mutating func selectLast() { select(itemCount - 1) }

    // MARK: the mouse

    /// The item shown in viewport row `row` (0 = the viewport's first row), or nil for a row
    /// below the last item or outside the viewport.
    public func index(atViewportRow row: Int) -> Int? {
        guard row >= 0, row < viewportHeight else { return nil }
        let index = scrollOffset + row
        return index < itemCount ? index : nil
    }

    /// A click on viewport row `row`: selects the item there without scrolling, and returns
    /// it (nil, and no change, for a row with no item).
    @discardableResult
    public mutating func click(atViewportRow row: Int) -> Int? {
        guard let index = index(atViewportRow: row) else { return nil }
        selection = index
        return index
    }

    /// Scrolls the view by `steps` wheel steps (negative is up) without moving the selection,
    /// unless it would leave the view, in which case it moves to the nearest visible row.
    public mutating func scroll(wheelSteps steps: Int) {
        scrollOffset = min(max(0, scrollOffset + steps * wheelStep), maxScrollOffset)
        guard let selection else { return }
        let range = visibleRange
        if selection < range.lowerBound {
            self.selection = range.lowerBound
        } else if selection >= range.upperBound {
            self.selection = max(range.lowerBound, range.upperBound - 1)
        }
    }

    /// Scrolls the least needed to show the selection with the margin.
    private mutating func revealSelection() {
        guard let selection else {
            scrollOffset = 0
            return
        }
        let margin = effectiveMargin
        if selection - margin < scrollOffset {
            scrollOffset = max(0, selection - margin)
        } else if selection + margin >= scrollOffset + viewportHeight {
            scrollOffset = selection + margin - viewportHeight + 1
        }
        scrollOffset = min(max(0, scrollOffset), maxScrollOffset)
    }
}
