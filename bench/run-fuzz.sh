#!/usr/bin/env bash
# The bad-input fuzzer (issue H, item 2) against the uber-jar in standalone mode: seeded, bounded in
# count and time, loopback only. Prints the tables and every finding; exits 1 if there is one.
#
#   bench/run-fuzz.sh [seed] [count] [--budget-seconds 900] [--no-build]     (defaults: 42 5000)
set -euo pipefail
cd "$(dirname "$0")/.."

seed=42
count=5000
if (( $# )) && [[ "$1" != --* ]]; then seed="$1"; shift; fi
if (( $# )) && [[ "$1" != --* ]]; then count="$1"; shift; fi

source bench/common.sh
bench_setup "$0" "$@"
bench_build

bench_java -cp "bench/target/classes:bench/target/lib/*" dev.vectorizer.bench.FuzzMain \
    --jar deploy/target/vectorizer.jar --seed "$seed" --count "$count" ${args[@]+"${args[@]}"}
