#!/usr/bin/env bash
# Multi-tenant load (issue H, item 4): 100 tenants (standalone mode, each with a plan, a key and a
# collection made through the admin API) under a fixed time's mix of searches, upserts and insert_text.
# Bounded in time, loopback only. Prints throughput and p50/p99 per operation, errors, quota refusals,
# the quota checks and PASS/FAIL; exits 1 on FAIL.
#
#   bench/run-tenants-load.sh [seed] [seconds] [--tenants 100] [--clients 8] [--no-build]   (defaults: 42 60)
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/common.sh
bench_harness "$0" TenantsLoadMain seconds 60 "$@"
