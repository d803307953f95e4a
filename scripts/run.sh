#!/usr/bin/env bash
# run.sh -- build (when needed) and run SecureOverlay's CLI, e.g.
#   ./scripts/run.sh mtu --ext-mtu 1450 --icv 64
# (The console on the embedded sandbox cluster takes this command over once it lands.)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-prerequisites.sh >&2
jar=backend/target/secureoverlay.jar
if [ ! -f "$jar" ] || [ -n "$(find backend/src backend/pom.xml pom.xml -newer "$jar" -print -quit)" ]; then
  ./mvnw -B -q -pl backend package -DskipTests >&2
fi
exec java -jar "$jar" "$@"
