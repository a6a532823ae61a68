#!/usr/bin/env bash
# Builds the seed corpora .corpus-<target>/ (not committed) from committed sources: the
# decoder fixtures (Tests/Fixtures/Decoder, with the flags of
# Tests/WasmDecodingTests/FixtureCatalog.swift), the demo link's C files, a module linked by
# wasm-ld, GNU and BSD archives made by llvm-ar, and a sample of Debian's wasi-libc members
# when it is installed. Uses the Swift toolchain's clang, wasm-ld and llvm-ar.
#   Fuzz/make-corpus.sh            (run.sh calls it when a corpus folder is missing)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
bin=$(dirname "$(readlink -f "$(command -v swift)")")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/objects" "$work/modules" "$work/archives"

fixtures=$root/Tests/Fixtures/Decoder
compile() {   # NAME SOURCE LANGUAGE FLAGS...
  local name=$1 source=$2 language=$3
  shift 3
  "$bin/clang" --target=wasm32 "$@" -x "$language" -c "$source" -o "$work/objects/$name.o"
}
compile symbol-kinds-wasm32 "$fixtures/symbol-kinds.c" c -O1
compile symbol-kinds-wasm64 "$fixtures/symbol-kinds.c" c --target=wasm64 -O1
compile symbol-kinds-pic "$fixtures/symbol-kinds.c" c -O1 -fPIC
compile symbol-kinds-O0 "$fixtures/symbol-kinds.c" c -O0
compile thread-local "$fixtures/thread-local.c" c -O1 -matomics -mbulk-memory
compile debug-info "$fixtures/debug-info.c" c -O0 -g
compile debug-info-dwarf5 "$fixtures/debug-info.c" c -O1 -gdwarf-5
compile inline-templates "$fixtures/inline-templates.cpp" c++ -O1 -fno-exceptions
compile globals-tables-tags "$fixtures/globals-tables-tags.s" assembler -mexception-handling -mreference-types
for source in "$root"/Sources/DemoLink/src/*.c; do
  compile "demo-$(basename "$source" .c)" "$source" c -O1
done

# A linked module with imports, exports and a name section (FixtureCatalog.linkedModule).
cat > "$work/linked.c" <<'C'
__attribute__((import_module("host"), import_name("log"))) void host_log(int);
int counter = 3;
__attribute__((export_name("run"))) int run(int x) { host_log(x); return x + counter; }
static int helper(int x) { return x * 2; }
__attribute__((export_name("twice"))) int twice(int x) { return helper(x); }
C
compile linked "$work/linked.c" c -O0
"$bin/wasm-ld" --no-entry "$work/objects/linked.o" -o "$work/modules/linked.wasm"
"$bin/wasm-ld" --no-entry --export-dynamic --allow-undefined "$work/objects/demo-app.o" "$work/objects/demo-mylib.o" \
  -o "$work/modules/demo-app.wasm"
# DWARF in a linked module (what imports --source-lines reads: call sites, no relocations).
"$bin/wasm-ld" --no-entry --export-all --allow-undefined "$work/objects/debug-info-dwarf5.o" -o "$work/modules/debug-info.wasm"

# Archives of a few small objects, with long member names and a non-wasm member.
members=(symbol-kinds-O0 thread-local globals-tables-tags demo-compress)
(
  cd "$work/objects"
  for m in "${members[@]}"; do cp "$m.o" "$work/archives/$m-with-a-long-member-name.o"; done
  cd "$work/archives"
  printf 'rust\0\0\0\10metadata' > lib.rmeta
  for format in gnu bsd; do
    "$bin/llvm-ar" rcs --format=$format "archive-$format.a" ./*-with-a-long-member-name.o
  done
  "$bin/llvm-ar" rcS --format=gnu archive-mixed.a lib.rmeta "$work/modules/linked.wasm" demo-compress-with-a-long-member-name.o
  "$bin/llvm-ar" rcs --format=gnu archive-short-names.a "$work/objects/demo-compress.o" "$work/objects/demo-mylib.o"
)

# A sample of real objects: every 12th member of wasi-libc's libc.a and libc++.a under 16 KiB.
for library in /usr/lib/wasm32-wasi/libc.a /usr/lib/wasm32-wasi/libc++.a; do
  [ -f "$library" ] || continue
  name=$(basename "$library" .a)
  mkdir -p "$work/$name"
  (cd "$work/$name" && "$bin/llvm-ar" x "$library")
  find "$work/$name" -name '*.o' -size -16k | LC_ALL=C sort | awk 'NR % 12 == 1' | while read -r object; do
    cp "$object" "$work/objects/$name-$(basename "$object")"
  done
done

fill() {   # TARGET FILES...
  local corpus=$here/.corpus-$1
  shift
  mkdir -p "$corpus"
  cp "$@" "$corpus/"
}
fill module "$work"/objects/*.o "$work"/modules/*.wasm
fill object "$work"/objects/*.o
fill link "$work"/objects/*.o
fill archive "$work"/archives/*.a

# fuzz-stream inputs start with the cuts (FuzzChecks/StreamSplit.swift): whole, one byte at
# a time, and cut at three places.
mkdir -p "$here/.corpus-stream"
for file in "$work"/objects/demo-*.o "$work"/objects/symbol-kinds-*.o "$work"/objects/globals-tables-tags.o "$work"/modules/*.wasm; do
  base=$here/.corpus-stream/$(basename "$file")
  { printf '\0'; cat "$file"; } > "$base.whole"
  { printf '\200'; cat "$file"; } > "$base.bytes"
  { printf '\3\11\0\100\0\1\1'; cat "$file"; } > "$base.cuts"
done
for target in module object archive stream link; do
  echo "corpus $target: $(find "$here/.corpus-$target" -type f | wc -l) files"
done
