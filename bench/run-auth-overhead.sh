#!/usr/bin/env bash
# Per-request overhead of authentication: the same search against single mode (no auth) and
# standalone mode (API key, tenant scoping, permissions), both servers running at once.
#
#   bench/run-auth-overhead.sh [--requests 20000] [--threads 4] [--rounds 3] [--no-build]
set -euo pipefail
cd "$(dirname "$0")/.."

JAVA_HOME="$(./vectorizer jdk)"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
if (( $("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 \
        | awk -F'= ' '/java.specification.version/ {split($2, v, "."); print v[1]}') >= 24 )); then
    export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
fi

build=1
args=()
while (( $# )); do
    case "$1" in
        --no-build) build=0; shift ;;
        --*) (( $# >= 2 )) || { echo "run-auth-overhead: $1 needs a value" >&2; exit 2; }
             args+=("$1" "$2"); shift 2 ;;
        *) echo "run-auth-overhead: unexpected argument $1" >&2; exit 2 ;;
    esac
done
if (( build )); then
    mvn -B -ntp -q -pl bench,deploy -am package -DskipTests >&2
fi
exec java -cp "bench/target/classes:bench/target/lib/*" dev.vectorizer.bench.AuthOverheadBench \
    --jar deploy/target/vectorizer.jar "${args[@]}"
