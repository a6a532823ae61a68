#!/usr/bin/env bash
# Builds and runs the libFuzzer targets (release + AddressSanitizer), one after another.
#   Fuzz/run.sh TARGET SECONDS      TARGET: module, object, archive, stream, link (or fuzz-module, …)
#   Fuzz/run.sh all SECONDS         every target, SECONDS each
# Prints the executions of each target. Every crash, timeout or out-of-memory input is
# copied to Tests/Fixtures/FuzzRegressions/ (named TARGET-KIND-HASH), where
# FuzzRegressionTests replays it; the script then exits 1.
# Corpora live in Fuzz/.corpus-TARGET/ (not committed; make-corpus.sh seeds them).
# Extra libFuzzer flags can follow: Fuzz/run.sh module 60 -jobs=1 -seed=1
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
all_targets=(module object archive stream link)

[ $# -ge 2 ] || { echo "usage: Fuzz/run.sh TARGET|all SECONDS [libFuzzer flags...]" >&2; exit 2; }
if [ "$1" = all ]; then targets=("${all_targets[@]}"); else targets=("${1#fuzz-}"); fi
seconds=$2
shift 2
for target in "${targets[@]}"; do
  [[ " ${all_targets[*]} " == *" $target "* ]] || { echo "run.sh: unknown target $target (${all_targets[*]})" >&2; exit 2; }
done

cd "$here"
scratch=$here/.build-fuzz
echo "== fuzz build (release, -sanitize=fuzzer,address)"
build_start=$SECONDS
build_log=$(mktemp)
trap 'rm -f "$build_log"' EXIT
for target in "${targets[@]}"; do
  # Without manifest caching: a cached build plan once missed a file the main package had
  # gained (a merge), and compiled against a stale module.
  if ! nice -n 10 swift build --scratch-path "$scratch" -c release --product "fuzz-$target" \
      -Xswiftc -sanitize=fuzzer,address --disable-build-manifest-caching >"$build_log" 2>&1; then
    cat "$build_log"
    echo "run.sh: fuzz-$target did not build" >&2
    exit 1
  fi
done
echo "fuzz build: $((SECONDS - build_start)) s"

for target in "${targets[@]}"; do
  [ -d "$here/.corpus-$target" ] || "$here/make-corpus.sh" >/dev/null
done

regressions=$root/Tests/Fixtures/FuzzRegressions
mkdir -p "$regressions"
passed=0
failed=0
for target in "${targets[@]}"; do
  case $target in
    archive) max_len=32768 ;;
    *) max_len=16384 ;;
  esac
  artifacts=$here/.artifacts-$target
  mkdir -p "$artifacts"
  log=$here/.artifacts-$target/last-run.log
  start=$SECONDS
  status=0
  nice -n 10 "$scratch/release/fuzz-$target" "$here/.corpus-$target" \
    -dict="$here/wasm.dict" -max_total_time="$seconds" -max_len=$max_len -rss_limit_mb=2048 -timeout=10 \
    -artifact_prefix="$artifacts/" -print_final_stats=1 "$@" >"$log" 2>&1 || status=$?
  elapsed=$((SECONDS - start))
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  echo "fuzz-$target: ${runs:-?} executions in $elapsed s (${rate:-?} exec/s), exit $status"
  found=0
  for artifact in "$artifacts"/crash-* "$artifacts"/timeout-* "$artifacts"/oom-* "$artifacts"/leak-*; do
    [ -f "$artifact" ] || continue
    name=$(basename "$artifact")
    cp "$artifact" "$regressions/$target-$name"
    rm "$artifact"
    echo "  found: Tests/Fixtures/FuzzRegressions/$target-$name"
    found=1
  done
  if [ $status -ne 0 ] || [ $found -ne 0 ]; then
    failed=$((failed + 1))
    grep -E 'ERROR|Fatal error|SUMMARY|==[0-9]+==' "$log" | head -20 | sed 's/^/  /'
    echo "  log: $log"
  else
    passed=$((passed + 1))
  fi
done
# One line per run, in the plain form CI logs are read for.
echo "fuzz: $passed passed, $failed failed"
[ $failed -eq 0 ] || { echo "(commit each file found with its fix; swift test replays it)"; exit 1; }
