#!/usr/bin/env bash
# `npm test`: every check, in the order that keeps both cores of a small machine busy.
#   1. typecheck (tsc, one thread) at the same time as the Electron build and the browser build
#      (vite, mostly one thread); the typecheck's output is printed when it ends, not interleaved;
#   2. unit + integration tests (vitest run: both projects of vitest.config.ts, one LibreOffice for the run);
#   3. browser e2e tests against the browser build (tests/e2e/vitest.e2e.config.ts).
# Stops at the first failing step and prints how long each step took (wall and CPU seconds). With TEST_REPORT_DIR set, each
# vitest run also writes its JSON report there (unit.json, e2e.json: per-file and per-test durations).
set -uo pipefail
cd "$(dirname "$0")/.."
report() { [ -n "${TEST_REPORT_DIR:-}" ] && echo "--reporter=default --reporter=json --outputFile=$TEST_REPORT_DIR/$1.json"; }
times=()
# CPU seconds used by the finished child processes so far (this shell's cutime + cstime): next to the wall
# time, what a step cost the machine whatever else ran on it (a LibreOffice the run detached is not counted).
tick=$(getconf CLK_TCK)
cpu() { awk -v t="$tick" '{ printf "%d", ($16 + $17) / t }' "/proc/$$/stat"; }
cpu0=$(cpu)
step() {
  local now
  now=$(cpu)
  times+=("$(printf '%-34s %4d s   CPU %4d s' "$1" "$2" $((now - cpu0)))")
  cpu0=$now
}
summary() {
  echo "---- npm test: time per step ----"
  printf '%s\n' "${times[@]}"
}
trap summary EXIT

start=$SECONDS
tc_log=$(mktemp)
npm run --silent typecheck >"$tc_log" 2>&1 &
tc=$!
npm run build && npm run build:web
built=$?
step "Electron build + browser build" $((SECONDS - start))
wait "$tc"
typed=$?
cat "$tc_log"
rm -f "$tc_log"
step "typecheck (alongside the builds)" $((SECONDS - start))
[ "$typed" -eq 0 ] || { echo "typecheck failed" >&2; exit "$typed"; }
[ "$built" -eq 0 ] || { echo "build failed" >&2; exit "$built"; }

start=$SECONDS
npx vitest run $(report unit)
ok=$?
step "unit + integration (vitest run)" $((SECONDS - start))
[ "$ok" -eq 0 ] || exit "$ok"

start=$SECONDS
npx vitest run --config tests/e2e/vitest.e2e.config.ts $(report e2e)
ok=$?
step "e2e (Chromium)" $((SECONDS - start))
exit "$ok"
