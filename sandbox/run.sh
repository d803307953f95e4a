#!/usr/bin/env bash
# Starts a sandbox cluster (default 6 nodes) and keeps it running until Ctrl-C.
#   sandbox/run.sh        sandbox/run.sh 50
set -euo pipefail
cd "$(dirname "$0")/.."
exec ./mvnw -B -q -pl sandbox -am -Prun process-classes -Dsandbox.nodes="${1:-6}"
