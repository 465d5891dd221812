#!/usr/bin/env bash
# Races (issue H, item 2b): clients racing create/delete/recreate of one collection name, upserts and
# searches into it, and key rotation/revocation, against the uber-jar in standalone mode. Bounded in
# time, loopback only. Prints the answers, a check per phase and PASS/FAIL; exits 1 on FAIL.
#
#   bench/run-races.sh [seed] [seconds] [--phases 12] [--writers 4] [--no-build]   (defaults: 42 120)
set -euo pipefail
cd "$(dirname "$0")/.."

seed=42
seconds=120
if (( $# )) && [[ "$1" != --* ]]; then seed="$1"; shift; fi
if (( $# )) && [[ "$1" != --* ]]; then seconds="$1"; shift; fi

source bench/common.sh
bench_setup "$0" "$@"
bench_build

bench_java -cp "bench/target/classes:bench/target/lib/*" dev.vectorizer.bench.RaceMain \
    --jar deploy/target/vectorizer.jar --seed "$seed" --seconds "$seconds" ${args[@]+"${args[@]}"}
