import CNcursesw
import Testing
import TerminalUI
@testable import NcursesBackend

/// What `wget_wch` returns, decoded; no terminal needed. The tmux tests cover the same path
/// end to end for the keys a terminal can send.
@Suite("Key decoding")
struct KeyDecodingTests {
    @Test("control codes become their keys")
    func controlCodes() {
        #expect(KeyDecoding.character(9) == .tab)
        #expect(KeyDecoding.character(10) == .enter)
        #expect(KeyDecoding.character(13) == .enter)
        #expect(KeyDecoding.character(27) == .escape)
        #expect(KeyDecoding.character(127) == .backspace)
        #expect(KeyDecoding.character(8) == .backspace)
        #expect(KeyDecoding.character(21) == .control("u"))
        #expect(KeyDecoding.character(1) == .control("a"))
    }

    @Test("printable characters are characters; NUL, C1 controls, bidi and zero-width scalars are dropped")
    func characters() {
        #expect(KeyDecoding.character(0x71) == .character("q"))
        #expect(KeyDecoding.character(0x20) == .space)
        #expect(KeyDecoding.character(0xE9) == .character("é"))
        #expect(KeyDecoding.character(0x540D) == .character("名"))
        for value: UInt32 in [0, 28, 0x9B, 0x202E, 0x200B, 0x301, 0xD800, 0x110000] {
            #expect(KeyDecoding.character(value) == nil, "U+\(String(value, radix: 16))")
        }
    }

    @Test("function key codes become keys, F-keys by number")
    func keyCodes() {
        #expect(KeyDecoding.keyCode(KEY_UP) == .up)
        #expect(KeyDecoding.keyCode(KEY_NPAGE) == .pageDown)
        #expect(KeyDecoding.keyCode(KEY_PPAGE) == .pageUp)
        #expect(KeyDecoding.keyCode(KEY_BTAB) == .backTab)
        #expect(KeyDecoding.keyCode(KEY_DC) == .delete)
        #expect(KeyDecoding.keyCode(wu_key_f(1)) == .function(1))
        #expect(KeyDecoding.keyCode(wu_key_f(12)) == .function(12))
        #expect(KeyDecoding.keyCode(KEY_SRESET) == nil)
    }

    @Test("mouse reports: the wheel first, then presses, then releases")
    func mouse() {
        #expect(KeyDecoding.mouse(state: WU_BUTTON1_PRESSED, row: 3, column: 7) == MouseEvent(.press(.left), row: 3, column: 7))
        #expect(KeyDecoding.mouse(state: WU_BUTTON3_RELEASED, row: 0, column: 0) == MouseEvent(.release(.right), row: 0, column: 0))
        #expect(KeyDecoding.mouse(state: WU_BUTTON4_PRESSED, row: 1, column: 1)?.action == .wheelUp)
        #expect(KeyDecoding.mouse(state: WU_BUTTON5_PRESSED, row: 1, column: 1)?.action == .wheelDown)
        #expect(KeyDecoding.mouse(state: 0, row: 1, column: 1) == nil)
    }

    @Test("termination requests name their signals")
    func signals() {
        #expect(TerminationRequest.interrupt.signalNumber == 2)
        #expect(TerminationRequest.hangup.signalNumber == 1)
        #expect(TerminationRequest.terminate.signalNumber == 15)
        #expect(TerminationSignals.request(for: 15) == .terminate)
        #expect(TerminationSignals.request(for: 10) == nil)
    }
}
