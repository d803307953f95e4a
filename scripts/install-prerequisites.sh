#!/usr/bin/env bash
# install-prerequisites.sh -- the Debian/Ubuntu packages SecureOverlay's build and tests need,
# installed only when missing (so a warm machine pays nothing).
#   JDK 17                       build and run (Maven itself comes with ./mvnw)
#   busybox-static               the kernel lab's init and modprobe helper
#   iproute2 iputils-ping tcpdump iperf3   the kernel-lab tests' network tools
set -euo pipefail
want=()
command -v javac >/dev/null && javac -version 2>&1 | grep -Eq 'javac (1[7-9]|2[0-9])' || want+=(openjdk-17-jdk-headless)
{ [ -x /bin/busybox ] && ! ldd /bin/busybox >/dev/null 2>&1; } || want+=(busybox-static)
command -v ip >/dev/null || want+=(iproute2)
command -v ping >/dev/null || want+=(iputils-ping)
command -v tcpdump >/dev/null || want+=(tcpdump)
command -v iperf3 >/dev/null || want+=(iperf3)
{ [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; } || want+=(chromium chromium-driver)  # console browser tests; brings fonts for its charts
if [ "${#want[@]}" -gt 0 ]; then
  SUDO=
  [ "$(id -u)" = 0 ] || SUDO=sudo
  echo "[prerequisites] apt-get install ${want[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${want[@]}"
fi
