#!/usr/bin/env bash
# Races (issue H, item 2b): clients racing create/delete/recreate of one collection name, upserts and
# searches into it, and key rotation/revocation, against the uber-jar in standalone mode. Bounded in
# time, loopback only. Prints the answers, a check per phase and PASS/FAIL; exits 1 on FAIL.
#
#   bench/run-races.sh [seed] [seconds] [--phases 12] [--writers 4] [--no-build]   (defaults: 42 120)
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/common.sh
bench_harness "$0" RaceMain seconds 120 "$@"
