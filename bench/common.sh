# Sourced by the bench/run-*.sh scripts (from the repository root): the JDK the project uses, and
# their shared options. After `bench_setup "$0" "$@"`: JAVA_HOME and PATH point at a JDK >= 21,
# `build` is 0 with --no-build, and `args` holds the --name value pairs for the Java main.

bench_setup() {
    local script
    script="$(basename "$1")"
    shift
    JAVA_HOME="$(./vectorizer jdk)"
    export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
    if (( $("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 \
            | awk -F'= ' '/java.specification.version/ {split($2, v, "."); print v[1]}') >= 24 )); then
        # Maven 3.8's bundled Guava calls sun.misc.Unsafe; keep JDK 24+ from warning about it.
        export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
    fi
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
        echo "[bench] building bench and the uber-jar (mvn package -DskipTests)" >&2
        mvn -B -ntp -q -pl bench,deploy -am package -DskipTests >&2
    fi
}
