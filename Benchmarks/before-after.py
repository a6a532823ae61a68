#!/usr/bin/env python3
"""Times two builds of wasm-undef on the same commands, interleaved run by run, so that
machine noise hits both alike: what a change costs the paths it must not slow down.

    Benchmarks/before-after.py BEFORE_BINARY AFTER_BINARY [RUNS]

Cases: `report` on a Rust 1.63 std debug link (wasm32-wasi, Debian's rustc; see run.py's
rust_std_link), `report --source-lines` on it (the AFTER binary only, when it has the flag),
`symbols` on the corpus's libcore rlib, and `report` on a wasi-libc link. Prints the median
and the fastest run of each.
"""
import importlib.util, os, statistics, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    before, after = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 25
    spec = importlib.util.spec_from_file_location("run", os.path.join(HERE, "run.py"))
    run = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(run)
    corpus = os.environ.get("WASM_UNDEF_CORPUS", "/work/corpus")
    cases = {}
    rust = run.rust_std_link()
    if rust:
        link = rust[0][:-1]
        cases["report std link, before"] = [before, "report", "--"] + link
        cases["report std link, after"] = [after, "report", "--"] + link
        cases["report --source-lines std link, after"] = [after, "report", "--source-lines", "--"] + link
    libcore = os.path.join(corpus, "rust163-unknown-libcore.rlib")
    if os.path.exists(libcore):
        cases["symbols libcore rlib, before"] = [before, "symbols", libcore]
        cases["symbols libcore rlib, after"] = [after, "symbols", libcore]
    wasi = "/usr/lib/wasm32-wasi"
    if os.path.exists(os.path.join(wasi, "libc.a")):
        link = [os.path.join(wasi, "crt1-command.o"), os.path.join(wasi, "libc.a"), "--no-entry", "-o", "/dev/null"]
        cases["report wasi-libc link, before"] = [before, "report", "--"] + link
        cases["report wasi-libc link, after"] = [after, "report", "--"] + link
    times = {name: [] for name in cases}
    for argv in cases.values():
        subprocess.run(argv, capture_output=True)
    for _ in range(runs):
        for name, argv in cases.items():
            start = time.perf_counter()
            subprocess.run(argv, capture_output=True)
            times[name].append(time.perf_counter() - start)
    for name, values in times.items():
        print(f"{name:40} median {statistics.median(values) * 1000:7.1f} ms   fastest {min(values) * 1000:7.1f} ms")


if __name__ == "__main__":
    main()
