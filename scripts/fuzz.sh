#!/usr/bin/env bash
# Fuzzes every importer with libFuzzer (clang, ASan + UBSan): builds the
# `fuzz` preset, then runs each target in tests/fuzz for SECONDS (default 10)
# on a scratch copy of its seeds, build/fuzz/corpus/<target>/ (kept between
# runs, so a longer run starts from what earlier ones found; the seeds in
# tests/fuzz/seeds are never written). Fails if any target crashes, leaks,
# times out or breaks a checked property; the input is saved in
# build/fuzz/crashes/<target>/ and can be replayed with
# `build/fuzz/fuzz_<target> <file>`.
#
#   bash scripts/fuzz.sh        # 10 s each (part of scripts/test.sh)
#   bash scripts/fuzz.sh 600    # 10 minutes each
set -uo pipefail
source "$(dirname "$0")/lib.sh"
seconds=${1:-10}
[[ "$seconds" =~ ^[0-9]+$ ]] || { echo "usage: scripts/fuzz.sh [SECONDS]"; exit 2; }

step "fuzz build (clang, libFuzzer + ASan + UBSan)"
[ -f build/fuzz/CMakeCache.txt ] || cmake --preset fuzz >/dev/null || exit 1
cmake --build --preset fuzz || exit 1

step "fuzzing each importer for ${seconds} s"
failed=()
for src in tests/fuzz/fuzz_*.cpp; do
  name=$(basename "$src" .cpp)   # fuzz_project_import
  target=${name#fuzz_}           # project_import
  corpus=build/fuzz/corpus/$target crashes=build/fuzz/crashes/$target log=build/fuzz/logs/$target.log
  mkdir -p "$corpus" "$crashes" "$(dirname "$log")"
  cp -n tests/fuzz/seeds/"$target"/* "$corpus"/
  dict=tests/fuzz/json.dict
  [ "$target" = article_import ] && dict=tests/fuzz/article.dict
  # -timeout: one input taking 20 s is a hang (quadratic re-anchoring, say),
  # not a slow machine; -rss_limit_mb: ASan's shadow included.
  build/fuzz/"$name" -max_total_time="$seconds" -max_len=65536 -timeout=20 -rss_limit_mb=2560 \
    -dict="$dict" -artifact_prefix="$crashes/" -print_final_stats=1 "$corpus" >"$log" 2>&1
  rc=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  cov=$(grep -Eo 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+' "$log" | tail -n 1)
  if [ "$rc" -eq 0 ]; then
    printf '%-22s ok      %8s runs  %s\n' "$target" "${runs:-?}" "$cov"
  else
    printf '%-22s FAILED  %8s runs  %s (exit %s, log %s)\n' "$target" "${runs:-?}" "$cov" "$rc" "$log"
    grep -E -A 25 'ERROR: |broken property|runtime error|Test unit written' "$log" | head -n 60
    failed+=("$target")
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: failed: ${failed[*]} (inputs in build/fuzz/crashes/)"
  exit 1
fi
echo "fuzz: every importer ok"
