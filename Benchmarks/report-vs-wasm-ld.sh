#!/usr/bin/env bash
# Times `wasm-undef report` against the real `wasm-ld` on the same links and prints ratios.
#
#   Benchmarks/report-vs-wasm-ld.sh [--runs N] [--skip-build]
#
# Builds wasm-undef in release with the Swift runtime linked statically (.build-bench/).
# Links measured (each skipped when its inputs are missing):
#   wasi-libc   crt1-command.o + a C program + Debian's wasi-libc libc.a  ($WASI_LIBDIR, $WASI_INCLUDE)
#   large-c     one generated C object with 20,000 functions and 60,000 relocations
#   rust-std    a Rust program against libstd/libcore rlibs (libcore.rlib is ~45 MB), built
#               with a rustc that has the wasm32-wasi target ($RUSTC, else `rustc` on PATH)
#
# Both tools are run as processes, N times each (default 15); the table shows the median wall
# time, and ratio = wasm-undef / wasm-ld (below 1: the prediction is faster than the link).
# Not a test: numbers depend on the machine.
set -euo pipefail

runs=15
build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --skip-build) build=0; shift ;;
    *) echo "usage: $0 [--runs N] [--skip-build]" >&2; exit 2 ;;
  esac
done

root="$(cd "$(dirname "$0")/.." && pwd)"
swift_bin="$(dirname "$(readlink -f "$(command -v swift)")")"
clang="$swift_bin/clang"
wasm_ld="$swift_bin/wasm-ld"
work="$(mktemp -d "${TMPDIR:-/tmp}/wasm-undef-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# Release, with the Swift runtime linked statically (as the CLI should ship: it halves the
# process start-up, which is a good part of a small link's time), in its own build folder.
if [ "$build" = 1 ]; then
  if ! (cd "$root" && swift build -c release --product wasm-undef --static-swift-stdlib --scratch-path "$root/.build-bench" >"$work/build.log" 2>&1); then
    cat "$work/build.log" >&2
    exit 1
  fi
fi
wasm_undef="$root/.build-bench/release/wasm-undef"
# Every link runs in the scratch directory (rustc's link line names its objects relatively).
cd "$work"

# median wall time in milliseconds of running "$@" $runs times (exit status ignored)
median_ms() {
  local times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    times+=( $(( (end - start) / 1000 )) )
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.1f", m / 1000 }'
}

printf 'process start-up alone (wasm-undef --help): %s ms\n\n' "$(median_ms "$wasm_undef" --help)"
printf '%-10s %12s %12s %8s   %s\n' "link" "wasm-ld ms" "report ms" "ratio" "inputs"
measure() {
  local name="$1"; shift
  local description="$1"; shift
  # "$@" is the wasm-ld argument list, without -o
  local ld_ms report_ms
  ld_ms=$(median_ms "$wasm_ld" "$@" -o "$work/$name.wasm")
  report_ms=$(median_ms "$wasm_undef" report --format json -- "$@" -o "$work/$name.wasm")
  printf '%-10s %12s %12s %8s   %s\n' "$name" "$ld_ms" "$report_ms" \
    "$(awk -v a="$report_ms" -v b="$ld_ms" 'BEGIN { printf "%.2f", a / b }')" "$description"
}

# 1. C against wasi-libc.
wasi_lib="${WASI_LIBDIR:-/usr/lib/wasm32-wasi}"
wasi_include="${WASI_INCLUDE:-/usr/include/wasm32-wasi}"
if [ -f "$wasi_lib/libc.a" ] && [ -f "$wasi_include/stdio.h" ]; then
  "$clang" --target=wasm32-wasi -O1 -isystem "$wasi_include" -c "$root/Tests/LinkModelTests/RealLinks/hello_wasi.c" -o "$work/hello.o"
  measure wasi-libc "crt1-command.o hello.o libc.a ($(du -h "$wasi_lib/libc.a" | cut -f1))" \
    "$wasi_lib/crt1-command.o" "$work/hello.o" "$wasi_lib/libc.a"
else
  echo "wasi-libc: skipped (no libc.a in $wasi_lib)"
fi

# 2. One large generated object.
{
  echo "extern int ext_data[];"
  for i in $(seq 0 19999); do echo "void ext_$((i % 500))(int); int f$i(int);"; done
  for i in $(seq 0 19999); do
    echo "__attribute__((noinline)) int f$i(int x) { ext_$((i % 500))(x); return ext_data[$((i % 97))] + (x > 1 ? f$(( (i * 7 + 1) % 20000 ))(x - 1) : 0); }"
  done
  echo "int _start(void) { return f0(3); }"
} > "$work/large.c"
"$clang" --target=wasm32 -O1 -c "$work/large.c" -o "$work/large.o"
measure large-c "one object, $(du -h "$work/large.o" | cut -f1), 20,000 functions" "$work/large.o" --allow-undefined

# 3. Rust std (the largest archives around: libcore.rlib).
rustc_bin="${RUSTC:-}"
if [ -z "$rustc_bin" ]; then
  for candidate in $(which -a rustc 2>/dev/null); do
    libdir="$("$candidate" --print target-libdir --target wasm32-wasi 2>/dev/null || true)"
    if [ -n "$libdir" ] && ls "$libdir"/libcore-*.rlib >/dev/null 2>&1; then rustc_bin="$candidate"; break; fi
  done
fi
if [ -n "$rustc_bin" ]; then
  libdir="$("$rustc_bin" --print target-libdir --target wasm32-wasi)"
  printf 'fn main() { let v: Vec<String> = std::env::args().collect(); println!("hello {}", v.len()); }\n' > "$work/hello.rs"
  # Capture rustc's linker line (a fake linker that saves its arguments), then run wasm-ld and
  # wasm-undef on it directly.
  printf '#!/bin/sh\nprintf "%%s\\n" "$@" > "%s/rust-link-args.txt"\nexit 1\n' "$work" > "$work/capture-link.sh"
  chmod +x "$work/capture-link.sh"
  (cd "$work" && "$rustc_bin" --target wasm32-wasi -O -C codegen-units=1 -C save-temps -C linker="$work/capture-link.sh" \
     hello.rs -o hello-rs.wasm >/dev/null 2>&1 || true)
  if [ -s "$work/rust-link-args.txt" ]; then
    mapfile -t rust_args < <(grep -v -e '^-flavor$' -e '^wasm$' -e '^--fatal-warnings$' "$work/rust-link-args.txt" | sed '/^-o$/,+1d')
    measure rust-std "rustc hello: libstd + libcore.rlib ($(du -h "$libdir"/libcore-*.rlib | cut -f1))" "${rust_args[@]}"
  else
    echo "rust-std: skipped (could not capture rustc's link line)"
  fi
else
  echo "rust-std: skipped (no rustc with the wasm32-wasi target)"
fi
