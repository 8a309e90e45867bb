#!/usr/bin/env bash
# Runs the whole suite (npm test) N times in a row (default 5) while another process keeps one core
# busy, and stops at the first failure. A deterministic suite passes every round.
#   bash scripts/stress-test.sh [N]
set -u
rounds="${1:-5}"
yes > /dev/null &
busy=$!
trap 'kill "$busy" 2>/dev/null' EXIT
for i in $(seq 1 "$rounds"); do
  echo "== 第 $i/$rounds 轮（另一进程占满一个核）=="
  start=$SECONDS
  if ! npm test; then
    echo "第 $i 轮失败（用时 $((SECONDS - start)) 秒）" >&2
    exit 1
  fi
  echo "== 第 $i 轮通过，用时 $((SECONDS - start)) 秒 =="
done
echo "连续 $rounds 轮全部通过"
