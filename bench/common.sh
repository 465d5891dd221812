# Sourced by the bench/run-*.sh scripts (from the repository root): the JDK and JVM flags the project
# uses (from ./vectorizer, the one place that knows them), and the scripts' shared options. After
# `bench_setup "$0" "$@"`: JAVA_HOME and PATH point at a JDK >= 21, `jvm_flags` holds the server's JVM
# flags, `build` is 0 with --no-build, and `args` holds the --name value pairs for the Java main.

bench_setup() {
    local script
    script="$(basename "$1")"
    shift
    JAVA_HOME="$(./vectorizer jdk)"
    export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
    jvm_flags="$(./vectorizer java-flags)"
    read -ra jvm_flags <<< "$jvm_flags"
    build=1
    args=()
    while (( $# )); do
        case "$1" in
            --no-build) build=0; shift ;;
            --*) (( $# >= 2 )) || { echo "$script: $1 needs a value" >&2; exit 2; }
                 args+=("$1" "$2"); shift 2 ;;
            *) echo "$script: unexpected argument $1" >&2; exit 2 ;;
        esac
    done
}

# Builds the bench module and the uber-jar, unless --no-build was given.
bench_build() {
    if (( build )); then
        echo "[bench] building bench and the uber-jar (./vectorizer package)" >&2
        ./vectorizer package -q -pl bench,deploy -am >&2
    fi
}

# Runs a benchmark main on the bench class path; the servers it starts get the same JVM flags.
bench_java() {
    exec java "${jvm_flags[@]}" "-Dvectorizer.jvm.flags=${jvm_flags[*]}" "$@"
}

# The proof harnesses' command line, `bench/run-X.sh [seed] [n] [--name value ...] [--no-build]`: runs
# dev.vectorizer.bench.$main against the uber-jar with --seed (default 42) and --$n_name (default $n).
#   bench_harness "$0" CrashMain rounds 20 "$@"
bench_harness() {
    local script="$1" main="$2" n_name="$3" n="$4" seed=42
    shift 4
    if (( $# )) && [[ "$1" != --* ]]; then seed="$1"; shift; fi
    if (( $# )) && [[ "$1" != --* ]]; then n="$1"; shift; fi
    bench_setup "$script" "$@"
    bench_build
    bench_java -cp "bench/target/classes:bench/target/lib/*" "dev.vectorizer.bench.$main" \
        --jar deploy/target/vectorizer.jar --seed "$seed" "--$n_name" "$n" ${args[@]+"${args[@]}"}
}
