#!/usr/bin/env bash
# Topology benchmark (not a test): first paint of /topology, server heap per session and the time
# from a plan change (enable) to the screen, on a 1,000-node sandbox against a 6-node baseline.
#
#   ui/bench/topology-first-paint.sh            build the production jar if missing, then measure
#   ui/bench/topology-first-paint.sh --build    rebuild the production jar first
#   NODES=500 SESSIONS=4 LOADS=3 ui/bench/topology-first-paint.sh
#   TRACE=true ui/bench/topology-first-paint.sh   also print where each load's time went
#
# Needs /usr/bin/chromium and /usr/bin/chromedriver (scripts/install-prerequisites.sh). Takes
# several minutes: the 1,000-node sandbox runs 1,000 agents inside the console's JVM.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=ui/target/secureoverlay-console.jar
if [[ "${1:-}" == "--build" || ! -f "$JAR" ]]; then
  ./mvnw -B -pl ui -am package -Pproduction -DskipTests
fi
CP_FILE=ui/target/bench-classpath.txt
if [[ ! -s "$CP_FILE" ]]; then
  ./mvnw -B -q -o -pl ui dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$PWD/$CP_FILE"
fi
exec java -Dbench.sessions="${SESSIONS:-4}" -Dbench.loads="${LOADS:-3}" -Dbench.trace="${TRACE:-false}" \
  -cp "$(cat "$CP_FILE")" ui/bench/TopologyFirstPaint.java "$JAR" "${NODES:-1000}"
