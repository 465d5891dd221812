#!/bin/sh
# Starts the uber-jar with the JVM flags it was built with, then $JAVA_OPTS (heap: a share of the
# container's memory limit, the rest left to the page cache Lucene's memory-mapped indexes live in),
# then any Payara Micro options given to `docker run` after the image name.
# The jar starts no Hazelcast grid (its pre-boot commands); should a --prebootcommandfile turn it back
# on, no clustering and a cluster name of this container's own keep containers from forming a grid.
set -eu
# shellcheck disable=SC2046,SC2086 # word splitting of the flag lists is intended
exec java $(cat /opt/vectorizer/jvm.flags) $JAVA_OPTS -jar /opt/vectorizer/vectorizer.jar --port 15002 \
    --nocluster --clusterName "vectorizer-${HOSTNAME:-$(cat /proc/sys/kernel/hostname)}" "$@"
