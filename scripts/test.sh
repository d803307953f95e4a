#!/usr/bin/env bash
# test.sh -- the whole test suite, as CI runs it:
#   1. on the host: formatting, unit tests (*Test), mock-API-server tests (*MockTest),
#      the architecture rules, and the packaged jars;
#   2. in the kernel lab (a user-mode-linux kernel with ESP, GCM and IPIP): the real-kernel
#      tests (*IT) of the agent, as root, offline against the dependencies step 1 resolved.
# Needs root (or sudo) for the packages and the kernel lab.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-prerequisites.sh
# -Pkernel-lab with skipKernelLabITs resolves the lab's plugins here, where the network is.
./mvnw -B verify -Pkernel-lab -DskipKernelLabITs=true
echo "[test] the console's production build in a real browser (writes docs/screenshots/)"
./mvnw -B -pl ui -am verify -Pproduction,browser -DskipUnitTests=true
echo "[test] real-kernel tests in the kernel lab"
scripts/kernel-lab/run-in-kernel.sh ./mvnw -o -B -pl agent -am verify -Pkernel-lab -DskipUnitTests=true
