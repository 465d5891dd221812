#!/usr/bin/env bash
# Per-request overhead of authentication, tenant scoping, quotas and rate limiting: the same search
# against single mode (no auth, no limits) and standalone mode (API key, tenant scoping,
# permissions, a plan with quotas and rate limits set too high to refuse), both servers at once.
#
#   bench/run-auth-overhead.sh [--requests 20000] [--threads 4] [--rounds 3] [--no-build]
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/common.sh
bench_setup "$0" "$@"
bench_build

bench_java -cp "bench/target/classes:bench/target/lib/*" dev.vectorizer.bench.AuthOverheadBench \
    --jar deploy/target/vectorizer.jar "${args[@]}"
