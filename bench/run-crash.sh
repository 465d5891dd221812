#!/usr/bin/env bash
# Crash durability (issue H, item 1): concurrent writers against the uber-jar, kill -9 at seeded random
# moments, restart, check every acknowledged write. Bounded in rounds and time, loopback only. Prints a
# table per round and PASS/FAIL; exits 1 on FAIL.
#
#   bench/run-crash.sh [seed] [rounds] [--writers 8] [--min-kill-ms 300] [--max-kill-ms 4000]
#                      [--budget-seconds 1800] [--no-build]                  (defaults: 42 20)
set -euo pipefail
cd "$(dirname "$0")/.."

seed=42
rounds=20
if (( $# )) && [[ "$1" != --* ]]; then seed="$1"; shift; fi
if (( $# )) && [[ "$1" != --* ]]; then rounds="$1"; shift; fi

source bench/common.sh
bench_setup "$0" "$@"
bench_build

bench_java -cp "bench/target/classes:bench/target/lib/*" dev.vectorizer.bench.CrashMain \
    --jar deploy/target/vectorizer.jar --seed "$seed" --rounds "$rounds" ${args[@]+"${args[@]}"}
