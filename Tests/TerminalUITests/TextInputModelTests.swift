import Testing
import TerminalUI

@Suite("Text input line")
struct TextInputModelTests {
    func typing(_ text: String, into field: inout TextInputModel) {
        for character in text { _ = field.handle(.character(character)) }
    }

    @Test("typed characters insert at the cursor, which moves with Left, Right, Home and End")
    func insertAndMove() {
        var field = TextInputModel()
        typing("mylibinit", into: &field)
        for _ in 0..<4 { _ = field.handle(.left) }
        typing("rary_", into: &field)
        #expect(field.text == "mylibrary_init")
        #expect(field.cursor == 10)
        #expect(field.handle(.home) == .edited)
        #expect(field.cursor == 0)
        _ = field.handle(.left)
        #expect(field.cursor == 0)
        _ = field.handle(.control("e"))
        _ = field.handle(.right)
        #expect(field.cursor == 14)
    }

    @Test("Backspace and Del remove around the cursor, harmlessly at the ends")
    func deleting() {
        var field = TextInputModel(text: "abc")
        _ = field.handle(.backspace)
        #expect(field.text == "ab")
        _ = field.handle(.delete)
        #expect(field.text == "ab")
        _ = field.handle(.home)
        _ = field.handle(.backspace)
        _ = field.handle(.delete)
        #expect(field.text == "b")
    }

    @Test("^U deletes to the start, ^K to the end, ^W the word before the cursor")
    func killing() {
        var field = TextInputModel(text: "out/report.txt extra")
        _ = field.handle(.control("w"))
        #expect(field.text == "out/report.txt ")
        _ = field.handle(.control("w"))
        #expect(field.text == "")
        field = TextInputModel(text: "hello world")
        for _ in 0..<5 { _ = field.handle(.left) }
        _ = field.handle(.control("k"))
        #expect(field.text == "hello ")
        _ = field.handle(.left)
        _ = field.handle(.control("u"))
        #expect(field.text == " ")
        #expect(field.cursor == 0)
    }

    @Test("Enter submits the text, Esc cancels, other keys are left to the caller")
    func outcomes() {
        var field = TextInputModel(text: "foo")
        #expect(field.handle(.enter) == .submitted("foo"))
        #expect(field.handle(.escape) == .cancelled)
        #expect(field.handle(.function(1)) == .ignored)
        #expect(field.handle(.tab) == .ignored)
    }

    @Test("the cursor moves over whole graphemes")
    func graphemes() {
        var field = TextInputModel(text: "e\u{301}名")
        #expect(field.cursor == 2)
        _ = field.handle(.backspace)
        _ = field.handle(.backspace)
        #expect(field.text == "")
    }

    @Test("a narrow field scrolls to keep the cursor visible")
    func visibleSlice() {
        var field = TextInputModel(text: "0123456789")
        #expect(field.visible(width: 20) == ("0123456789", 10) as (String, Int))
        let end = field.visible(width: 5)
        #expect(end.text == "6789")
        #expect(end.cursorColumn == 4)
        _ = field.handle(.home)
        let start = field.visible(width: 5)
        #expect(start.text == "01234")
        #expect(start.cursorColumn == 0)
        field = TextInputModel(text: "名前名前")
        let wide = field.visible(width: 5)
        #expect(wide.text == "名前")
        #expect(wide.cursorColumn == 4)
    }
}
