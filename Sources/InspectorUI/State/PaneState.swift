import TerminalUI

/// One pane: its rows, the order it shows them in (filter and sort applied), and the
/// selection and scrolling over that order.
///
/// Built for 89,000 rows on every key: the filter scans one flat buffer of folded text
/// (`SearchIndex`), a narrowing filter only re-checks the rows already shown, the selection
/// is kept by row index (a key lookup only when the rows themselves change), the column
/// widths are measured once per row for both spellings of the name, and a pane with more
/// rows than `ViewContext.backgroundThreshold` filters and sorts on a background thread
/// (`ViewRequest`), showing its previous order meanwhile.
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
    /// A background filter or sort for this generation is under way; `order` is the one
    /// before it.
    public private(set) var pendingView: Int?
    /// The folded text of every row, for the filter.
    private var search = SearchIndex()
    /// The widest cell of each column over all rows, with raw and with demangled names.
    private var widthsRaw: [Int] = []
    private var widthsDemangled: [Int] = []

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
        guard let index = selectedIndex else { return nil }
        return rows[index]
    }

    /// The index in `rows` of the selected row.
    var selectedIndex: Int? {
        guard let selection = list.selection, selection < order.count else { return nil }
        return order[selection]
    }

    /// The row shown at position `index` of the order.
    public func row(at index: Int) -> TableRow? {
        index >= 0 && index < order.count ? rows[order[index]] : nil
    }

    /// Rows shown / all rows.
    public var shownCount: Int { order.count }
    public var totalCount: Int { rows.count }

    /// The widest cell of each column (the column layout's wish), for the name spelling shown.
    public func contentWidths(demangle: Bool) -> [Int] {
        demangle ? widthsDemangled : widthsRaw
    }

    /// Filtering and sorting handed from the UI thread to a background thread: pure input,
    /// pure output.
    public struct ViewRequest: Sendable, Equatable {
        public var pane: PaneID
        public var generation: Int
        var rows: [TableRow]
        var search: SearchIndex
        /// Only these rows can match (a narrowing filter); nil: all.
        var candidates: [Int]?
        public var filter: String
        public var sort: SortOrder
        var schema: TableSchema
        var demangle: Bool

        /// The rows that match the filter, in sort order.
        public func run() -> [Int] {
            let needle = TextSearch.folded(filter)
            let filtered = needle.isEmpty ? (candidates ?? Array(rows.indices)) : search.matches(needle, among: candidates)
            return TableView.sorted(filtered, rows: rows, sort: sort, schema: schema, demangle: demangle)
        }
    }

    // MARK: changes

    /// New rows (a load stage, a policy change, a reload), keeping the selection on the row
    /// with the same key where it is still shown.
    mutating func setRows(_ rows: [TableRow], context: ViewContext) -> ViewRequest? {
        let key = selectedRow?.key
        self.rows = rows
        search = SearchIndex()
        search.append(rows)
        widthsRaw = schema.contentWidths(of: rows, demangle: false)
        widthsDemangled = schema.contentWidths(of: rows, demangle: true)
        // The old order indexes the old rows: until a background result, all rows in order.
        order = Array(rows.indices)
        let request = reorder(candidates: nil, context: context)
        restore(key: key)
        return request
    }

    /// More rows at the end (a large module's names arriving in batches).
    mutating func appendRows(_ more: [TableRow], context: ViewContext) -> ViewRequest? {
        let selected = selectedIndex
        let start = rows.count
        rows += more
        search.append(more)
        widthsRaw = schema.contentWidths(of: more, demangle: false, startingFrom: widthsRaw)
        widthsDemangled = schema.contentWidths(of: more, demangle: true, startingFrom: widthsDemangled)
        var request: ViewRequest? = nil
        if filter.isEmpty, sort.column == nil, pendingView == nil {
            order += start..<rows.count
        } else {
            request = reorder(candidates: nil, context: context)
        }
        restore(index: selected)
        return request
    }

    mutating func setFilter(_ filter: String, context: ViewContext) -> ViewRequest? {
        let selected = selectedIndex
        // Every row that matches a longer filter matched the shorter one, in the same order.
        let narrowing = !self.filter.isEmpty && pendingView == nil
            && TextSearch.folded(filter).starts(with: TextSearch.folded(self.filter))
        self.filter = filter
        let request = reorder(candidates: narrowing ? order : nil, keepsOrder: narrowing, context: context)
        restore(index: selected)
        return request
    }

    mutating func setSort(_ sort: SortOrder, context: ViewContext) -> ViewRequest? {
        let selected = selectedIndex
        self.sort = sort
        let request = reorder(candidates: nil, context: context)
        restore(index: selected)
        return request
    }

    /// Re-applies the sort (after `d` changes what the name column sorts by).
    mutating func refresh(context: ViewContext) -> ViewRequest? {
        guard sort.column != nil else { return nil }
        let selected = selectedIndex
        let request = reorder(candidates: nil, context: context)
        restore(index: selected)
        return request
    }

    /// A new schema (the kind of input became known): the column widths are measured again.
    mutating func setSchema(_ schema: TableSchema, demangle: Bool) {
        self.schema = schema
        widthsRaw = schema.contentWidths(of: rows, demangle: false)
        widthsDemangled = schema.contentWidths(of: rows, demangle: true)
        if let column = sort.column, column >= schema.columns.count { sort = .natural }
    }

    /// A background view finished; stale generations are dropped. Rows that arrived while it
    /// ran were not in it: then it is asked for again.
    mutating func finishView(_ request: ViewRequest, order computed: [Int], context: ViewContext) -> ViewRequest? {
        guard pendingView == request.generation else { return nil }
        pendingView = nil
        guard request.rows.count == rows.count else { return refreshView(context: context) }
        let selected = selectedIndex
        order = computed
        restore(index: selected)
        return nil
    }

    private mutating func refreshView(context: ViewContext) -> ViewRequest? {
        let selected = selectedIndex
        let request = reorder(candidates: nil, context: context)
        restore(index: selected)
        return request
    }

    /// Computes the order now for a small pane (or a narrowing of a few rows), else asks
    /// for it on a background thread. `keepsOrder`: the candidates are already in sort order.
    private mutating func reorder(candidates: [Int]?, keepsOrder: Bool = false, context: ViewContext) -> ViewRequest? {
        let request = ViewRequest(
            pane: context.pane, generation: context.generation, rows: rows, search: search, candidates: candidates,
            filter: filter, sort: keepsOrder ? .natural : sort, schema: schema, demangle: context.demangle)
        let trivial = filter.isEmpty && request.sort.column == nil
        if trivial || (candidates?.count ?? rows.count) <= context.backgroundThreshold {
            pendingView = nil
            order = request.run()
            return nil
        }
        pendingView = context.generation
        return request
    }

    /// Keeps the selection on row `index` of `rows` when it is still shown.
    private mutating func restore(index: Int?) {
        let previous = list.selection
        list.setItemCount(order.count)
        guard let index else { return }
        if let previous, previous < order.count, order[previous] == index { return }
        if let position = order.firstIndex(of: index) { list.select(position) }
    }

    /// Keeps the selection on the row with `key` (the rows were replaced).
    private mutating func restore(key: String?) {
        let previous = list.selection
        list.setItemCount(order.count)
        guard let key else { return }
        if let previous, previous < order.count, rows[order[previous]].key == key { return }
        if let position = order.firstIndex(where: { rows[$0].key == key }) { list.select(position) }
    }
}

/// The folded text of every row in one buffer, so that filtering 89,000 rows is one pass
/// over contiguous bytes.
struct SearchIndex: Sendable, Equatable {
    private var bytes: [UInt8] = []
    /// Where row `i`'s text ends (it starts where row `i - 1`'s ends).
    private var ends: [Int] = []

    mutating func append(_ rows: some Collection<TableRow>) {
        for row in rows {
            bytes += row.search
            ends.append(bytes.count)
        }
    }

    /// The rows (all, or those of `candidates`, in their order) whose text holds `needle`:
    /// a plain byte loop over contiguous memory, about a millisecond per megabyte.
    func matches(_ needle: [UInt8], among candidates: [Int]?) -> [Int] {
        guard !needle.isEmpty else { return candidates ?? Array(ends.indices) }
        var hits: [Int] = []
        bytes.withUnsafeBufferPointer { haystack in
            needle.withUnsafeBufferPointer { pin in
                ends.withUnsafeBufferPointer { ends in
                    let first = pin[0]
                    let length = pin.count
                    @inline(__always) func test(_ row: Int) -> Bool {
                        var position = row == 0 ? 0 : ends[row - 1]
                        let last = ends[row] - length
                        while position <= last {
                            if haystack[position] == first {
                                var offset = 1
                                while offset < length, haystack[position + offset] == pin[offset] { offset += 1 }
                                if offset == length { return true }
                            }
                            position += 1
                        }
                        return false
                    }
                    if let candidates {
                        hits.reserveCapacity(candidates.count)
                        for row in candidates where row >= 0 && row < ends.count && test(row) { hits.append(row) }
                    } else {
                        for row in 0..<ends.count where test(row) { hits.append(row) }
                    }
                }
            }
        }
        return hits
    }
}

/// What reordering a pane needs from the rest of the state.
struct ViewContext {
    var pane: PaneID
    var demangle: Bool
    /// Panes with more rows to filter or sort than this do it on a background thread.
    var backgroundThreshold: Int
    /// Tags a background view, so a late result for an older request is dropped.
    var generation: Int
}
