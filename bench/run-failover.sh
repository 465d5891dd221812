#!/usr/bin/env bash
# HiveHub failover (issue H, item 3): the uber-jar in hub mode against a HiveHub stand-in (a real HTTP
# server in the harness) that is stopped, slowed beyond the server's call timeout, made to answer 500s
# and garbage, and brought back, while every tenant's client searches and upserts. Bounded in time,
# loopback only. Prints the answers, the figures and PASS/FAIL; exits 1 on FAIL.
#
#   bench/run-failover.sh [seed] [seconds] [--tenants 6] [--no-build]      (defaults: 42 60)
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/common.sh
bench_harness "$0" FailoverMain seconds 60 "$@"
