#!/usr/bin/env bash
# Crash durability (issue H, item 1): concurrent writers against the uber-jar, kill -9 at seeded random
# moments, restart, check every acknowledged write. Bounded in rounds and time, loopback only. Prints a
# table per round and PASS/FAIL; exits 1 on FAIL.
#
#   bench/run-crash.sh [seed] [rounds] [--writers 8] [--min-kill-ms 300] [--max-kill-ms 4000]
#                      [--budget-seconds 1800] [--no-build]                  (defaults: 42 20)
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/common.sh
bench_harness "$0" CrashMain rounds 20 "$@"
