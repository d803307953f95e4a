#!/usr/bin/env bash
# Control-plane benchmark: enable and one rotation on sandbox clusters of the given sizes.
#   sandbox/bench/run.sh              # 100, 500 and 1000 nodes
#   sandbox/bench/run.sh 50,200       # other sizes
set -euo pipefail
cd "$(dirname "$0")/../.."
SECUREOVERLAY_LOG_LEVEL="${SECUREOVERLAY_LOG_LEVEL:-WARN}" exec ./mvnw -B -q -pl sandbox -am -Pbench test-compile -Dbench.nodes="${1:-100,500,1000}"
