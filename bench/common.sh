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
