#!/usr/bin/env bash
# Per-request overhead of authentication: the same search against single mode (no auth) and
# standalone mode (API key, tenant scoping, permissions), both servers running at once.
#
#   bench/run-auth-overhead.sh [--requests 20000] [--threads 4] [--rounds 3] [--no-build]
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/common.sh
bench_setup "$0" "$@"
bench_build

bench_java -cp "bench/target/classes:bench/target/lib/*" dev.vectorizer.bench.AuthOverheadBench \
    --jar deploy/target/vectorizer.jar "${args[@]}"
