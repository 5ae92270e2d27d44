#!/usr/bin/env bash
# Runs every test: core unit tests natively (ASan + UBSan) and as wasm under
# node, the desktop smoke test under Xvfb, each importer's fuzz target for a
# few seconds, and the browser end-to-end tests in headless chromium.
# Installs what is missing first.
set -uo pipefail
source "$(dirname "$0")/lib.sh"
bash scripts/setup.sh || exit 1

passed=0 failed=0 failures=()
run() {  # run NAME COMMAND...: one suite
  step "$1"
  if "${@:2}"; then passed=$((passed + 1)); else failed=$((failed + 1)); failures+=("$1"); fi
}

export CLAIMMARK_SCREENSHOTS=$PWD/build/screenshots
run "native build + unit tests + desktop smoke (ctest)" \
  bash -c 'source scripts/lib.sh && build_native native-asan && ctest --preset native-asan'
run "fuzz targets, 10 s each (clang libFuzzer)" bash scripts/fuzz.sh 10
run "web build + unit tests under node (ctest)" \
  bash -c 'source scripts/lib.sh && build_web && ctest --preset web'
run "browser end-to-end tests (chromium)" node --test tests/browser/
run "page size report" bash scripts/size_report.sh

echo
[ ${#failures[@]} -gt 0 ] && printf 'failed: %s\n' "${failures[@]}"
echo "screenshots: build/screenshots/"
echo "suites: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
