@testable import InspectorUI
import TerminalUI
import Testing
import WasmDecoding

/// Columns, filtering, sorting, number spellings, hex dumps and wrapping.
@Suite("Tables and text")
struct TableTests {
    func row(_ name: String, _ size: Int64 = 0, key: String? = nil) -> TableRow {
        TableRow(key: key ?? name, cells: [name, "func"], values: [size], reference: .text(name))
    }

    let schema = TableSchema(
        columns: [Column("name", width: 6, flexible: true, weight: 2), Column("size", width: 4, trailing: true, valueSlot: 0)],
        nameColumn: 0)

    @Test("the filter matches any case, anywhere in a cell")
    func filter() {
        let rows = [row("Alpha"), row("beta"), row("gamma_ALPHA")]
        #expect(TableView.order(rows: rows, filter: "alp", sort: .natural, schema: schema, demangle: true) == [0, 2])
        #expect(TableView.order(rows: rows, filter: "FUNC", sort: .natural, schema: schema, demangle: true) == [0, 1, 2])
        #expect(TableView.order(rows: rows, filter: "zzz", sort: .natural, schema: schema, demangle: true).isEmpty)
        #expect(TextSearch.firstMatch(of: "ALP", in: "gamma_alpha") == 6..<9)
    }

    @Test("sorting by text and by number, both directions, ties in link order")
    func sorting() {
        let rows = [row("b", 2), row("a", 10), row("c", 2)]
        #expect(TableView.order(rows: rows, filter: "", sort: SortOrder(column: 0), schema: schema, demangle: true) == [1, 0, 2])
        #expect(TableView.order(rows: rows, filter: "", sort: SortOrder(column: 0, ascending: false), schema: schema,
                                demangle: true) == [2, 0, 1])
        #expect(TableView.order(rows: rows, filter: "", sort: SortOrder(column: 1), schema: schema, demangle: true) == [0, 2, 1])
        #expect(TableView.order(rows: rows, filter: "", sort: SortOrder(column: 1, ascending: false), schema: schema,
                                demangle: true) == [1, 0, 2])
    }

    @Test("a pane's filter narrows as typed, and a background view request gives the same order")
    func viewRequest() throws {
        let rows = [row("b"), row("a"), row("ab"), row("c")]
        var pane = PaneState(schema: schema, viewportHeight: 10)
        let context = ViewContext(pane: .defined, demangle: true, backgroundThreshold: 0, generation: 1)
        _ = pane.setRows(rows, context: ViewContext(pane: .defined, demangle: true, backgroundThreshold: 100, generation: 0))
        let sorting = pane.setSort(SortOrder(column: 0, ascending: false), context: context)
        let request = try #require(sorting, "no background request")
        #expect(request.run() == [3, 0, 2, 1])
        _ = pane.finishView(request, order: request.run(), context: context)
        #expect(pane.order == [3, 0, 2, 1])
        let sync = ViewContext(pane: .defined, demangle: true, backgroundThreshold: 100, generation: 2)
        _ = pane.setFilter("a", context: sync)
        #expect(pane.order == [2, 1])
        _ = pane.setFilter("ab", context: sync)
        #expect(pane.order == [2])
    }

    @Test("columns get their content's width when it fits, and the narrow drop by priority")
    func layout() {
        let schema = TableSchema(
            columns: [
                Column("name", width: 8, flexible: true, weight: 2),
                Column("kind", width: 4),
                Column("extra", width: 10, priority: 1),
            ],
            nameColumn: 0, markWidth: 2)
        let wide = schema.layout(width: 60, contentWidths: [12, 4, 10])
        #expect(wide[0]?.start == 2)
        let end = wide[2].map { $0.start + $0.width }
        #expect(end == 60)
        let narrow = schema.layout(width: 20, contentWidths: [30, 4, 10])
        #expect(narrow[2] == nil)
        #expect(narrow[0]?.width == 13)
    }

    @Test("number spellings")
    func numbers() {
        #expect(Format.size(12) == "12 B")
        #expect(Format.size(1636) == "1.6 KiB")
        #expect(Format.size(74_345_066) == "70.9 MiB")
        #expect(Format.count(89_060) == "89,060")
        #expect(Format.count(999) == "999")
        #expect(Format.hex(0x2943) == "0x2943")
        #expect(Format.plural(1, "error") == "1 error")
        #expect(Format.plural(2, "error") == "2 errors")
    }

    @Test("hex dumps: absolute offsets, 16 bytes a line, printable ASCII on the right, long ones cut")
    func hexDump() {
        let bytes = Array("\u{0}asm".utf8) + [1, 0, 0, 0] + Array("0123456789".utf8)
        let lines = HexDump.lines(bytes, offset: 0x20)
        #expect(lines == [
            "00000020  00 61 73 6d 01 00 00 00  30 31 32 33 34 35 36 37  |.asm....01234567|",
            "00000030  38 39                                             |89|",
        ])
        let storage = ByteStorage(copying: [UInt8](repeating: 0x41, count: 600))
        let long = HexDump.lines(storage.window, limit: 32)
        #expect(long.count == 3)
        #expect(long.last == "… 568 more bytes")
    }

    @Test("overlay text wraps by words, fields under their value, help under its description")
    func wrapping() {
        let field = DetailLine(.field, "one two three four", label: "label")
        let rows = OverlayText.rows([field], width: 17)
        #expect(rows.map(\.text) == ["one two", "three four"])
        #expect(rows.map(\.indent) == [7, 7])
        let help = DetailLine(.text, "  p      Policy: error then import then allow")
        let helpRows = OverlayText.rows([help], width: 30, help: true)
        #expect(helpRows.map(\.text) == ["  p      Policy: error then", "import then allow"])
        #expect(helpRows[1].indent == 9)
        let bytes = DetailLine(.bytes, String(repeating: "x", count: 50))
        #expect(OverlayText.rows([bytes], width: 10).count == 1)
    }
}
