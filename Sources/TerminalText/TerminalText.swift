/// Text as a terminal will show it: which scalars are safe to write, how they are shown when
/// they are not, and how many columns they take.
///
/// Symbol names in wasm files are attacker-controlled. Written raw, an escape sequence could
/// retitle the window, move the cursor or rewrite earlier output; a bidi override could make
/// `evil_func` read as another name; a zero-width joiner could make two different names look
/// identical. Every piece of input-derived text goes through ``safe(_:)`` before it reaches a
/// terminal, from the TUI's cell grid and from the CLI's plain output alike.
public enum TerminalText {}
