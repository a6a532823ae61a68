import Testing
import TerminalUI

@Suite("Scrolling list")
struct ListViewModelTests {
    @Test("an empty list has no selection and ignores moves")
    func empty() {
        var list = ListViewModel(itemCount: 0, viewportHeight: 5)
        list.moveDown()
        list.pageDown()
        list.selectLast()
        #expect(list.selection == nil)
        #expect(list.visibleRange == 0..<0)
        #expect(list.click(atViewportRow: 0) == nil)
    }

    @Test("moving down past the viewport scrolls just enough to keep the selection visible")
    func moveScrolls() {
        var list = ListViewModel(itemCount: 20, viewportHeight: 5)
        for _ in 0..<4 { list.moveDown() }
        #expect(list.selection == 4)
        #expect(list.scrollOffset == 0)
        list.moveDown()
        #expect(list.selection == 5)
        #expect(list.scrollOffset == 1)
        list.moveUp()
        #expect(list.scrollOffset == 1)
        list.move(by: -100)
        #expect(list.selection == 0)
        #expect(list.scrollOffset == 0)
    }

    @Test("a margin keeps rows of context around the selection")
    func margin() {
        var list = ListViewModel(itemCount: 20, viewportHeight: 6, margin: 2)
        for _ in 0..<4 { list.moveDown() }
        #expect(list.selection == 4)
        #expect(list.scrollOffset == 1)
        list.selectLast()
        #expect(list.scrollOffset == 14)
    }

    @Test("g and G go to the ends; PgDn and PgUp move by a page, stopping at the ends")
    func pagesAndEnds() {
        var list = ListViewModel(itemCount: 25, viewportHeight: 10)
        list.pageDown()
        #expect(list.selection == 9)
        #expect(list.scrollOffset == 9)
        list.pageDown()
        #expect(list.selection == 18)
        #expect(list.scrollOffset == 15)
        list.pageDown()
        #expect(list.selection == 24)
        #expect(list.scrollOffset == 15)
        list.pageUp()
        #expect(list.selection == 15)
        #expect(list.scrollOffset == 6)
        list.selectFirst()
        #expect(list.selection == 0)
        #expect(list.scrollOffset == 0)
        list.selectLast()
        #expect(list.selection == 24)
        #expect(list.visibleRange == 15..<25)
    }

    @Test("a click selects the row under it without scrolling; below the last item it does nothing")
    func click() {
        var list = ListViewModel(itemCount: 12, viewportHeight: 10)
        list.selectLast()
        #expect(list.scrollOffset == 2)
        #expect(list.click(atViewportRow: 3) == 5)
        #expect(list.selection == 5)
        #expect(list.scrollOffset == 2)
        var short = ListViewModel(itemCount: 3, viewportHeight: 10)
        #expect(short.click(atViewportRow: 5) == nil)
        #expect(short.selection == 0)
        #expect(short.click(atViewportRow: -1) == nil)
    }

    @Test("the wheel scrolls the view and drags the selection only to keep it visible")
    func wheel() {
        var list = ListViewModel(itemCount: 30, viewportHeight: 10, wheelStep: 3)
        list.select(5)
        list.scroll(wheelSteps: 1)
        #expect(list.scrollOffset == 3)
        #expect(list.selection == 5)
        list.scroll(wheelSteps: 2)
        #expect(list.scrollOffset == 9)
        #expect(list.selection == 9)
        list.scroll(wheelSteps: 100)
        #expect(list.scrollOffset == 20)
        list.scroll(wheelSteps: -100)
        #expect(list.scrollOffset == 0)
        #expect(list.selection == 9)
    }

    @Test("a shrinking list keeps the selection where it exists and the view full")
    func itemCountChanges() {
        var list = ListViewModel(itemCount: 50, viewportHeight: 10)
        list.select(40)
        list.setItemCount(45)
        #expect(list.selection == 40)
        list.setItemCount(12)
        #expect(list.selection == 11)
        #expect(list.scrollOffset == 2)
        list.setItemCount(0)
        #expect(list.selection == nil)
        #expect(list.scrollOffset == 0)
        list.setItemCount(3)
        #expect(list.selection == 0)
    }

    @Test("a resized viewport keeps the selection visible")
    func resize() {
        var list = ListViewModel(itemCount: 50, viewportHeight: 20)
        list.select(15)
        list.setViewportHeight(5)
        #expect(list.visibleRange.contains(15))
        list.setViewportHeight(100)
        #expect(list.scrollOffset == 0)
        list.setViewportHeight(0)
        #expect(list.viewportHeight == 1)
        #expect(list.visibleRange == 15..<16)
    }
}
