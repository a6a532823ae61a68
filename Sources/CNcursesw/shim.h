// The parts of ncursesw that Swift cannot import as they are, made importable.
// See docs/swift-notes.md ("ncursesw from Swift") for why each one is here.
#ifndef WASM_UNDEF_CNCURSESW_SHIM_H
#define WASM_UNDEF_CNCURSESW_SHIM_H

// SwiftPM drops pkg-config's -D_XOPEN_SOURCE=600, which hides the wide-character API.
#define NCURSES_WIDECHAR 1
#include <ncursesw/curses.h>
#include <langinfo.h>
#include <locale.h>
#include <wchar.h>

// Globals that Swift 6 rejects as not concurrency-safe: read them through functions.
static inline WINDOW *wu_stdscr(void) { return stdscr; }
static inline int wu_lines(void) { return LINES; }
static inline int wu_cols(void) { return COLS; }
static inline int wu_colors(void) { return COLORS; }
static inline int wu_color_pairs(void) { return COLOR_PAIRS; }
static inline int wu_escdelay(void) { return ESCDELAY; }

// newterm on the process's stdout and stdin (Swift 6 rejects the `stdin`/`stdout` globals).
// Unlike initscr, newterm returns NULL for an unusable TERM instead of exiting.
static inline SCREEN *wu_newterm_stdio(void) { return newterm(NULL, stdout, stdin); }

// Expression macros, as constants.
static const attr_t WU_A_NORMAL = A_NORMAL;
static const attr_t WU_A_BOLD = A_BOLD;
static const attr_t WU_A_REVERSE = A_REVERSE;
static const attr_t WU_A_UNDERLINE = A_UNDERLINE;
static const attr_t WU_A_DIM = A_DIM;

static const mmask_t WU_BUTTON1_PRESSED = BUTTON1_PRESSED;
static const mmask_t WU_BUTTON1_RELEASED = BUTTON1_RELEASED;
static const mmask_t WU_BUTTON2_PRESSED = BUTTON2_PRESSED;
static const mmask_t WU_BUTTON2_RELEASED = BUTTON2_RELEASED;
static const mmask_t WU_BUTTON3_PRESSED = BUTTON3_PRESSED;
static const mmask_t WU_BUTTON3_RELEASED = BUTTON3_RELEASED;
static const mmask_t WU_BUTTON4_PRESSED = BUTTON4_PRESSED;
static const mmask_t WU_BUTTON5_PRESSED = BUTTON5_PRESSED;
static const mmask_t WU_ALL_MOUSE_EVENTS = ALL_MOUSE_EVENTS;

// KEY_F(n) is a macro.
static inline int wu_key_f(int n) { return KEY_F(n); }

// Hidden with the rest of the X/Open wide API; the width ncurses itself uses.
extern int wcwidth(wchar_t c);

// One cell in one call, so the blit loop crosses into C once per changed cell.
// `wch` is a spacing character followed by up to CCHARW_MAX - 1 combining ones, NUL-terminated.
static inline int wu_put_cell(WINDOW *win, int y, int x, const wchar_t *wch, attr_t attrs, short pair) {
    cchar_t cell;
    if (setcchar(&cell, wch, attrs, pair, NULL) != OK) return ERR;
    return mvwadd_wch(win, y, x, &cell);
}

#endif
