#!/usr/bin/env bash
# Tenant density (issue H, item 6): creates up to --tenants tenants (each with its own key, one small
# collection and a few vectors) on one uber-jar with -Xmx2g in standalone mode, sampling heap, open
# files and disk per tenant at checkpoints; then searches random idle tenants, restarts and searches
# again. Bounded by --max-minutes (creation stops in time and the report says how far it got).
# Loopback only. Prints a Markdown report; exits 1 if a step failed.
#
#   bench/run-density.sh [--tenants 100000] [--max-minutes 15] [--clients 8] [--vectors 5] [--dimension 32]
#       [--searches 300] [--checkpoints 10] [--restart true] [--heap 2g] [--keep false] [--jar JAR] [--no-build]
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/common.sh
bench_setup "$0" "$@"
bench_build

# a --jar given here comes first and wins over the default
bench_java -cp "bench/target/classes:bench/target/lib/*" dev.vectorizer.bench.DensityMain \
    ${args[@]+"${args[@]}"} --jar deploy/target/vectorizer.jar
