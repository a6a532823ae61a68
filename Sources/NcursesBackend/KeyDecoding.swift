import CNcursesw
import TerminalText
import TerminalUI

/// What `wget_wch` returns, as ``Key``s and ``MouseEvent``s.
enum KeyDecoding {
    /// A character `wget_wch` returned with `OK`: control codes become their keys, printable
    /// characters `.character`; anything else (NUL, unassigned, bidi controls) is dropped.
    static func character(_ value: UInt32) -> Key? {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(UInt8(value) + 0x60)))
        default:
            guard let scalar = Unicode.Scalar(value), !TerminalText.mustEscape(scalar),
                  let width = TerminalText.width(of: scalar), width > 0
            else { return nil }
            return .character(Character(scalar))
        }
    }

    /// A function key code `wget_wch` returned with `KEY_CODE_YES`.
    static func keyCode(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_BTAB: return .backTab
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_IC: return .insert
        case wu_key_f(1)...wu_key_f(63): return .function(Int(code - wu_key_f(0)))
        default: return nil
        }
    }

    /// A mouse report's button state: the wheel, then presses, then releases.
    static func mouse(state: UInt32, row: Int, column: Int) -> MouseEvent? {
        let action: MouseEvent.Action
        if state & WU_BUTTON4_PRESSED != 0 {
            action = .wheelUp
        } else if state & WU_BUTTON5_PRESSED != 0 {
            action = .wheelDown
        } else if state & WU_BUTTON1_PRESSED != 0 {
            action = .press(.left)
        } else if state & WU_BUTTON2_PRESSED != 0 {
            action = .press(.middle)
        } else if state & WU_BUTTON3_PRESSED != 0 {
            action = .press(.right)
        } else if state & WU_BUTTON1_RELEASED != 0 {
            action = .release(.left)
        } else if state & WU_BUTTON2_RELEASED != 0 {
            action = .release(.middle)
        } else if state & WU_BUTTON3_RELEASED != 0 {
            action = .release(.right)
        } else {
            return nil
        }
        return MouseEvent(action, row: row, column: column)
    }
}
