import TerminalUI

/// One pane: its rows, the order it shows them in (filter and sort applied), and the
/// selection and scrolling over that order.
public struct PaneState: Sendable {
    public private(set) var schema: TableSchema
    /// Every row, in natural order.
    public private(set) var rows: [TableRow]
    /// The shown rows, as indices into `rows`.
    public private(set) var order: [Int]
    /// Selection and scroll over `order`.
    public var list: ListViewModel
    /// The filter text (empty: none).
    public private(set) var filter: String
    public private(set) var sort: SortOrder
    /// A background sort for this generation is under way; `order` is filtered but unsorted.
    public private(set) var pendingSort: Int?
    /// The widest cell of each column over all rows (for the column layout), by name spelling.
    public private(set) var contentWidths: [Int] = []
    private var contentWidthsDemangled = true

    public init(schema: TableSchema, viewportHeight: Int = 1) {
        self.schema = schema
        rows = []
        order = []
        list = ListViewModel(itemCount: 0, viewportHeight: viewportHeight, margin: 2)
        filter = ""
        sort = .natural
    }

    /// The selected row, if any.
    public var selectedRow: TableRow? {
        guard let selection = list.selection, selection < order.count else { return nil }
        return rows[order[selection]]
    }

    /// The row shown at position `index` of the order.
    public func row(at index: Int) -> TableRow? {
        index >= 0 && index < order.count ? rows[order[index]] : nil
    }

    /// Rows shown / all rows.
    public var shownCount: Int { order.count }
    public var totalCount: Int { rows.count }

    /// A sort the UI thread hands to a background thread: pure input, pure output.
    public struct SortRequest: Sendable, Equatable {
        public var pane: PaneID
        public var generation: Int
        public var rows: [TableRow]
        public var indices: [Int]
        public var sort: SortOrder
        public var schema: TableSchema
        public var demangle: Bool

        /// `indices` in `sort` order.
        public func run() -> [Int] {
            let sorted = TableView.order(rows: rows, filter: "", sort: sort, schema: schema, demangle: demangle)
            guard indices.count != rows.count else { return sorted }
            var keep = [Bool](repeating: false, count: rows.count)
            for index in indices { keep[index] = true }
            return sorted.filter { keep[$0] }
        }

        public static func == (a: SortRequest, b: SortRequest) -> Bool {
            a.pane == b.pane && a.generation == b.generation && a.sort == b.sort
        }
    }

    // MARK: changes

    /// New rows (a load stage, a policy change, a reload), keeping the selection on the row
    /// with the same key where it is still shown.
    mutating func setRows(_ rows: [TableRow], context: ViewContext) -> SortRequest? {
        let key = selectedRow?.key
        self.rows = rows
        contentWidths = schema.contentWidths(of: rows, demangle: context.demangle)
        contentWidthsDemangled = context.demangle
        return reorder(keeping: key, context: context)
    }

    /// More rows at the end (a large module's names arriving in batches).
    mutating func appendRows(_ more: [TableRow], context: ViewContext) -> SortRequest? {
        let key = selectedRow?.key
        rows += more
        contentWidths = schema.contentWidths(of: more, demangle: context.demangle, startingFrom: contentWidths)
        return reorder(keeping: key, context: context)
    }

    mutating func setFilter(_ filter: String, context: ViewContext) -> SortRequest? {
        let key = selectedRow?.key
        self.filter = filter
        return reorder(keeping: key, context: context)
    }

    mutating func setSort(_ sort: SortOrder, context: ViewContext) -> SortRequest? {
        let key = selectedRow?.key
        self.sort = sort
        return reorder(keeping: key, context: context)
    }

    /// Re-applies filter and sort (after `d` changes what the name column sorts by).
    mutating func refresh(context: ViewContext) -> SortRequest? {
        if contentWidthsDemangled != context.demangle {
            contentWidths = schema.contentWidths(of: rows, demangle: context.demangle)
            contentWidthsDemangled = context.demangle
        }
        return reorder(keeping: selectedRow?.key, context: context)
    }

    /// A new schema (the kind of input became known): the column widths are measured again.
    mutating func setSchema(_ schema: TableSchema, demangle: Bool) {
        self.schema = schema
        contentWidths = schema.contentWidths(of: rows, demangle: demangle)
        if let column = sort.column, column >= schema.columns.count { sort = .natural }
    }

    /// A background sort finished; stale generations are dropped.
    mutating func finishSort(generation: Int, order sorted: [Int]) {
        guard pendingSort == generation else { return }
        let key = selectedRow?.key
        pendingSort = nil
        order = sorted.filter { $0 < rows.count }
        restore(key)
    }

    /// Filters now; sorts now when the pane is small, else asks for a background sort.
    private mutating func reorder(keeping key: String?, context: ViewContext) -> SortRequest? {
        let filtered = TableView.order(rows: rows, filter: filter, sort: .natural, schema: schema, demangle: context.demangle)
        pendingSort = nil
        var request: SortRequest? = nil
        if sort.column == nil {
            order = filtered
        } else if filtered.count <= context.backgroundSortThreshold {
            order = TableView.order(rows: rows, filter: filter, sort: sort, schema: schema, demangle: context.demangle)
        } else {
            order = filtered
            pendingSort = context.generation
            request = SortRequest(pane: context.pane, generation: context.generation, rows: rows, indices: filtered,
                                  sort: sort, schema: schema, demangle: context.demangle)
        }
        restore(key)
        return request
    }

    private mutating func restore(_ key: String?) {
        let previous = list.selection
        list.setItemCount(order.count)
        if let key, let position = order.firstIndex(where: { rows[$0].key == key }) {
            if position != previous { list.select(position) }
        }
    }
}

/// What reordering a pane needs from the rest of the state.
struct ViewContext {
    var pane: PaneID
    var demangle: Bool
    /// Panes with more shown rows than this sort on a background thread.
    var backgroundSortThreshold: Int
    /// Tags a background sort, so a late result for an older request is dropped.
    var generation: Int
}
