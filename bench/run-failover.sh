#!/usr/bin/env bash
# HiveHub failover (issue H, item 3): the uber-jar in hub mode against a HiveHub stand-in (a real HTTP
# server in the harness) that is stopped, slowed beyond the server's call timeout, made to answer 500s
# and garbage, and brought back, while every tenant's client searches and upserts. Bounded in time,
# loopback only. Prints the answers, the figures and PASS/FAIL; exits 1 on FAIL.
#
#   bench/run-failover.sh [seed] [seconds] [--tenants 6] [--no-build]      (defaults: 42 60)
set -euo pipefail
cd "$(dirname "$0")/.."

seed=42
seconds=60
if (( $# )) && [[ "$1" != --* ]]; then seed="$1"; shift; fi
if (( $# )) && [[ "$1" != --* ]]; then seconds="$1"; shift; fi

source bench/common.sh
bench_setup "$0" "$@"
bench_build

bench_java -cp "bench/target/classes:bench/target/lib/*" dev.vectorizer.bench.FailoverMain \
    --jar deploy/target/vectorizer.jar --seed "$seed" --seconds "$seconds" ${args[@]+"${args[@]}"}
