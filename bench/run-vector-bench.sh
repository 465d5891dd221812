#!/usr/bin/env bash
# Vector benchmark, the whole comparison in one command: ours (in process, over REST with wrk, quantized,
# filtered, concurrent) vs raw Lucene on one segment vs hnswlib, durable ingest vs raw Lucene bulk, cold
# start vs an empty Payara Micro WAR. Rewrites the generated section of docs/PERFORMANCE.md.
#
#   bench/run-vector-bench.sh [--size 100000] [--dim 128] [--queries 1000] [--text-size 10000]
#                             [--text-queries 500] [--rounds 2] [--passes 5] [--seed 42]
#                             [--efs 10,16,24,32,40,48,56,64,100,160] [--filters 10,1] [--filter-efs 10,16,32,64,100]
#                             [--threads 1,2,4] [--quantized int8,int4,binary] [--rest-seconds 5] [--rest-passes 3]
#                             [--quiet-cores 0.25] [--quiet-timeout 300] [--docs docs/PERFORMANCE.md | --docs '']
#                             [--skip rest,text,hnswlib,raw,filter,quantized,threads,coldstart] [--no-build]
#
# Needs a JDK >= 21 (found like ./vectorizer does), Node 20+ (hnswlib-node) and wrk (Debian package
# `wrk`; installed here with apt-get when missing and running as root). Builds the bench module and the
# uber-jar, installs bench/hnswlib (npm ci), prints the Markdown report (also bench/target/results.md);
# progress goes to stderr. Data sets and their exact ground truth are cached under bench/target/data.
set -euo pipefail
cd "$(dirname "$0")/.."
invocation="bench/run-vector-bench.sh${*:+ $*}"

source bench/common.sh
bench_setup "$0" "$@"
command -v node >/dev/null || { echo "run-vector-bench: node (20+) is needed for the hnswlib peer" >&2; exit 1; }
if ! command -v wrk >/dev/null; then
    if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
        echo "[bench] installing wrk (apt-get install wrk)" >&2
        { apt-get update -qq && apt-get install -y -qq wrk; } >&2
    else
        echo "run-vector-bench: wrk is needed for the REST runs: apt-get install wrk (or --skip rest)" >&2
        exit 1
    fi
fi
bench_build
if (( build )); then
    (cd bench/hnswlib && { npm ci --no-audit --no-fund || npm install --no-audit --no-fund; } >&2)
fi

docs=(--docs docs/PERFORMANCE.md)
for ((i = 0; i < ${#args[@]}; i += 2)); do
    [[ ${args[i]} == --docs ]] && docs=()
done
bench_java -Xms2g -Xmx4g \
    -cp "bench/target/classes:bench/target/lib/*" dev.vectorizer.bench.BenchMain \
    --work bench/target --out bench/target/results.md --jar deploy/target/vectorizer.jar \
    --micro-jar deploy/target/payara-micro.jar --hnswlib bench/hnswlib/bench.mjs \
    --command "$invocation" "${docs[@]}" "${args[@]}"
