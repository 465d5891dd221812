#!/usr/bin/env bash
# The bad-input fuzzer (issue H, item 2) against the uber-jar in standalone mode: seeded, bounded in
# count and time, loopback only. Prints the tables and every finding; exits 1 if there is one.
#
#   bench/run-fuzz.sh [seed] [count] [--budget-seconds 900] [--no-build]     (defaults: 42 5000)
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/common.sh
bench_harness "$0" FuzzMain count 5000 "$@"
