#!/usr/bin/env bash
# Vector benchmark: ours (in process and over REST) vs hnswlib, durable ingest vs raw Lucene.
#
#   bench/run-vector-bench.sh [--size 100000] [--dim 128] [--queries 1000] [--text-size 10000]
#                             [--text-queries 500] [--passes 5] [--forks 3] [--seed 42]
#                             [--efs 10,16,24,32,48,64,100,160] [--skip rest,text,hnswlib,raw]
#                             [--no-build]
#
# Builds the bench module and the uber-jar, installs hnswlib-node, runs dev.vectorizer.bench.BenchMain
# and prints the Markdown tables; they are also written to bench/target/results.md. Data sets (with
# their exact ground truth) are cached under bench/target/data. Progress goes to stderr.
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/common.sh
bench_setup "$0" "$@"
command -v node >/dev/null || { echo "run-vector-bench: node (20+) is needed for the hnswlib peer" >&2; exit 1; }
bench_build
if (( build )); then
    (cd bench/hnswlib && { npm ci --no-audit --no-fund || npm install --no-audit --no-fund; } >&2)
fi

bench_java -Xms2g -Xmx4g \
    -cp "bench/target/classes:bench/target/lib/*" dev.vectorizer.bench.BenchMain \
    --work bench/target --out bench/target/results.md \
    --jar deploy/target/vectorizer.jar --hnswlib bench/hnswlib/bench.mjs "${args[@]}"
