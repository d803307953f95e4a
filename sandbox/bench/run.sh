#!/usr/bin/env bash
# Control-plane benchmark: enable and one rotation on sandbox clusters of the given sizes.
#   sandbox/bench/run.sh              # 100, 500 and 1000 nodes
#   sandbox/bench/run.sh 50,200       # other sizes
#   SANDBOX_BENCH_JVM= sandbox/bench/run.sh 1000   # with the JVM's default collector and heap
#
# The sandbox keeps every node's SAs in one heap: millions of objects that live for an epoch,
# which no real node has (each agent holds its own thousand). With the JVM's default collector (G1,
# a quarter of the memory) collecting them took a third of a 1,000-node transition's CPU; with the
# throughput collector and a fixed two-thirds of the memory the transitions took 0.76-0.84 of the
# time. The heap is mapped with transparent huge pages and touched once at start: without that, the
# old generation's growth faulted in fresh pages inside the collector's pauses (up to 1.4 s of system
# time per young collection, a third of the collector's CPU). See README.md, "Sixth round" and
# "Seventh round". The benchmark runs in Maven's JVM (exec:java), hence MAVEN_OPTS.
set -euo pipefail
cd "$(dirname "$0")/../.."
jvm="${SANDBOX_BENCH_JVM-"-XX:+UseParallelGC -XX:InitialRAMPercentage=65 -XX:MaxRAMPercentage=65 -XX:+UseTransparentHugePages -XX:+AlwaysPreTouch"}"
export MAVEN_OPTS="${MAVEN_OPTS:-} ${jvm}"
SECUREOVERLAY_LOG_LEVEL="${SECUREOVERLAY_LOG_LEVEL:-WARN}" exec ./mvnw -B -q -pl sandbox -am -Pbench test-compile -Dbench.nodes="${1:-100,500,1000}"
