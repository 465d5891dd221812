#!/usr/bin/env bash
# Backup and restore throughput of a ~1 GiB collection, side by side with tar czf / tar xzf of the
# same index files in the same run. Run it on a quiet machine (load average < 0.5).
#
#   bench/run-backup-bench.sh [--gib 1] [--dimension 384] [--payload-bytes 4096] [--rounds 2] [--no-build]
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/common.sh
bench_setup "$0" "$@"
bench_build
echo "[bench] load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

bench_java -cp "bench/target/classes:bench/target/lib/*" dev.vectorizer.bench.BackupBench \
    --jar deploy/target/vectorizer.jar "${args[@]}"
