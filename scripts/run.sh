#!/usr/bin/env bash
# run.sh -- the SecureOverlay console on http://localhost:8080, in production mode, connected to
# the sandbox: a simulated cluster of 6 nodes in the same JVM (a real master, real agents on
# simulated data planes, fabric8's mock API server; nothing real is touched). No arguments.
#
#   ./scripts/run.sh
#   SANDBOX_NODES=200 ./scripts/run.sh     # a bigger sandbox (1..2000 nodes)
#
# Sign in with the sandbox accounts: operator/operator (changes), viewer/viewer (read-only),
# auditor/auditor (read-only + audit export). They exist only in sandbox mode.
# Installs the prerequisites when missing, and builds the console jar when it is missing, is not a
# production build, or is older than the sources. Ctrl+C stops the console.
set -euo pipefail
if [ "$#" -gt 0 ]; then
  echo "run.sh takes no arguments: it starts the console on http://localhost:8080." >&2
  echo "The MTU calculator's command line is: java -jar backend/target/secureoverlay.jar mtu --help" >&2
  exit 2
fi
cd "$(dirname "$0")/.."
scripts/install-prerequisites.sh

JAR=ui/target/secureoverlay-console.jar

needs_build() {
  [ -f "$JAR" ] || return 0
  # A development build carries Vaadin's dev server; the production build leaves it out.
  if jar tf "$JAR" | grep -q '^BOOT-INF/lib/vaadin-dev-server'; then
    return 0
  fi
  [ -n "$(find pom.xml backend agent sandbox ui frontend -newer "$JAR" -type f \
      \( -name '*.java' -o -name 'pom.xml' -o -name '*.css' -o -name 'theme.json' \
         -o -name '*.properties' -o -name 'spring.factories' \) \
      -not -path '*/target/*' -not -path 'frontend/generated/*' -print -quit)" ]
}

if needs_build; then
  echo "[run] building the console (production mode; the first build downloads about 200 MB)"
  ./mvnw -B -q -pl ui -am package -Pproduction -DskipUnitTests=true
fi

NODES="${SANDBOX_NODES:-6}"
echo "[run] console on http://localhost:8080 -- cluster: sandbox (simulated, $NODES nodes) -- Ctrl+C stops it"
exec java -jar "$JAR" \
  --server.port=8080 \
  --secureoverlay.cluster.name=sandbox \
  --secureoverlay.cluster.mode=sandbox \
  --secureoverlay.sandbox.nodes="$NODES"
