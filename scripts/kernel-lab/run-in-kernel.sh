#!/usr/bin/env bash
# run-in-kernel.sh -- run one command as root under a Linux kernel that has ESP, GCM and IPIP,
# and exit with that command's status.
#
#   scripts/kernel-lab/run-in-kernel.sh CMD [ARGS...]
#   e.g. scripts/kernel-lab/run-in-kernel.sh ./mvnw -o -B -pl agent -am verify -Pkernel-lab
#
# Why: the build machines' own kernels have XFRM and network namespaces but no esp4, gcm or
# ipip, and cannot load modules. Debian's user-mode-linux kernel (6.1) has them as modules and
# runs as an ordinary process: about 3 s a boot, guest code at near native speed.
#
# The guest sees the host's / read-only with a throw-away tmpfs layer on top (so java, mvn,
# ~/.m2, ip, tcpdump are the host's), the current directory read-write at the same path, and
# no network to the outside (resolve Maven dependencies on the host; run mvn -o inside).
# The command runs as root in the current directory with the caller's exported environment;
# its stdout and stderr are streamed here live.
#
# Exit status: the command's; 124 when KLAB_TIMEOUT (seconds, default 1800) ran out; 125 when
# the VM itself could not be set up or died.
# Knobs: KLAB_CACHE (kernel cache, default ~/.cache/secureoverlay-kernel-lab), KLAB_MEM (MiB,
# default 3072), KLAB_TIMEOUT, KLAB_MODULES (preloaded), KLAB_DEBUG=1 (kernel console to stderr).
# Host packages it needs: busybox-static (installed on demand), user-mode-linux (only
# downloaded and unpacked into the cache, never installed over the host).
set -euo pipefail

CACHE=${KLAB_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/secureoverlay-kernel-lab}
MEM=${KLAB_MEM:-3072}
TIMEOUT=${KLAB_TIMEOUT:-1800}
DEBUG=${KLAB_DEBUG:-0}
MODULES=${KLAB_MODULES-"veth ipip esp4 xfrm_user gcm ctr seqiv"}

die() { echo "[kernel-lab] error: $*" >&2; exit 125; }
[ "$#" -ge 1 ] || { sed -n '2,24p' "$0" >&2; exit 2; }
[ "$(id -u)" = 0 ] || die "must run as root (the guest needs to create namespaces and load modules)"

# busybox must be the static build: it is PID 1's shell and the guest's modprobe helper.
if ! [ -x /bin/busybox ] || ldd /bin/busybox >/dev/null 2>&1; then
  echo "[kernel-lab] installing busybox-static" >&2
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends busybox-static; } >&2 \
    || die "apt-get install busybox-static failed"
fi

mkdir -p "$CACHE"
exec 9>"$CACHE/.lock"
flock 9
KROOT=$CACHE/uml
if [ ! -f "$KROOT/.unpacked" ]; then
  echo "[kernel-lab] fetching Debian's user-mode-linux kernel (once)" >&2
  rm -f "$CACHE"/user-mode-linux_*.deb
  ( cd "$CACHE" && apt-get download user-mode-linux >&2 ) \
    || { apt-get update -qq >&2 && ( cd "$CACHE" && apt-get download user-mode-linux >&2 ); } \
    || die "apt-get download user-mode-linux failed"
  rm -rf "$KROOT" && mkdir -p "$KROOT"
  dpkg -x "$(ls "$CACHE"/user-mode-linux_*.deb | head -n 1)" "$KROOT"
  touch "$KROOT/.unpacked"
fi
flock -u 9
LINUX=$KROOT/usr/bin/linux.uml
MODDIR=$(ls -d "$KROOT"/usr/lib/uml/modules/*/ | head -n 1)
MODDIR=${MODDIR%/}
KVER=${MODDIR##*/}
[ -x "$LINUX" ] || die "no kernel at $LINUX (delete $CACHE to fetch it again)"

STATE=$(mktemp -d /tmp/kernel-lab.XXXXXX)
VMPID=
TAILS=()
cleanup() {
  if [ -n "$VMPID" ] && kill -0 "$VMPID" 2>/dev/null; then kill -KILL -- "-$VMPID" 2>/dev/null || true; fi
  for p in "${TAILS[@]}"; do kill "$p" 2>/dev/null || true; done
  if [ -n "${WATCHDOG:-}" ]; then kill "$WATCHDOG" 2>/dev/null || true; fi
  rm -rf "$STATE"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

CWD=$(pwd -P)
# The command line, preceded by the caller's exported environment (minus per-shell variables).
{
  export -p | grep -Ev '^declare -[a-zA-Z-]* (PWD|OLDPWD|SHLVL|_|HOSTNAME|TERM|BASH_[A-Z_]*|SHELLOPTS|BASHOPTS|DISPLAY|SSH_[A-Z_]*|XDG_RUNTIME_DIR)(=|$)' || true
  printf '%q ' "$@"
  printf '\n'
} > "$STATE/cmd"
{
  printf 'CWD=%q\nKVER=%q\nMODDIR=%q\nMODULES=%q\n' "$CWD" "$KVER" "$MODDIR" "$MODULES"
} > "$STATE/env"

# Stage 1 (PID 1, on the read-only hostfs root): build a writable overlay root and pivot into it.
cat > "$STATE/init" <<'INIT'
#!/bin/busybox sh
B=/bin/busybox
S=${0%/*}
. $S/env
fail() { echo "[kernel-lab-init] $*"; $B poweroff -f; }
$B mount -t proc proc /proc
$B insmod $MODDIR/kernel/fs/overlayfs/overlay.ko || fail "insmod overlay"
$B mount -t tmpfs -o mode=755 tmpfs /run
$B mkdir -p /run/rw/upper /run/rw/work /run/root
$B mount -t overlay overlay -o lowerdir=/,upperdir=/run/rw/upper,workdir=/run/rw/work /run/root || fail "overlay"
cd /run/root
$B mount -t tmpfs -o mode=755 tmpfs run
$B mount -t tmpfs -o mode=1777 tmpfs tmp
$B mkdir -p run/lab/state oldroot
$B mount -t hostfs -o "$S" none run/lab/state || fail "mount state"
$B cp $B run/lab/busybox
$B ln -s busybox run/lab/modprobe
$B mount -t proc proc proc
$B mount -t sysfs sysfs sys
$B mount -t devtmpfs devtmpfs dev
$B pivot_root . oldroot || fail "pivot_root"
exec $B chroot . /run/lab/busybox sh /run/lab/state/runner
INIT
chmod 755 "$STATE/init"

# Stage 2 (PID 1 in the overlay root): devices, modules, the shared cwd, then the command.
cat > "$STATE/runner" <<'RUNNER'
B=/run/lab/busybox
S=/run/lab/state
. $S/env
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8
$B umount -l /oldroot
$B mkdir -p /dev/pts /dev/shm
$B mount -t devpts -o ptmxmode=666 devpts /dev/pts
$B mount -t tmpfs tmpfs /dev/shm
$B mount -t tmpfs -o mode=1777 tmpfs /var/tmp
for l in fd:/proc/self/fd stdin:/proc/self/fd/0 stdout:/proc/self/fd/1 stderr:/proc/self/fd/2; do
  [ -e /dev/${l%%:*} ] || $B ln -s ${l#*:} /dev/${l%%:*}
done
$B mount -t cgroup2 none /sys/fs/cgroup 2>/dev/null
$B hostname kernel-lab
$B ip link set lo up
$B mkdir -p /lib/modules/$KVER
$B mount --bind "$MODDIR" /lib/modules/$KVER
echo /run/lab/modprobe > /proc/sys/kernel/modprobe
for m in $MODULES; do /run/lab/modprobe $m || echo "[kernel-lab] warning: modprobe $m failed"; done
$B mkdir -p "$CWD"
$B mount -t hostfs -o "$CWD" none "$CWD" || echo "[kernel-lab] warning: cannot mount $CWD read-write"
cd "$CWD"
/bin/bash $S/cmd < /dev/null > $S/out 2> $S/err
echo $? > $S/rc
cd /
$B sync
$B umount "$CWD" 2>/dev/null
$B poweroff -f
RUNNER

if [ "$DEBUG" = 1 ]; then LOGLEVEL="loglevel=7"; CONSOLE=/dev/stderr; else LOGLEVEL="quiet loglevel=1"; CONSOLE=$STATE/console.log; fi
: > "$STATE/out"
: > "$STATE/err"
# TMPDIR is where UML keeps the guest's memory: /dev/shm keeps it off the disk.
setsid env TMPDIR=/dev/shm "$LINUX" "mem=${MEM}M" rootfstype=hostfs rootflags=/ ro "init=$STATE/init" \
  con=null con0=null,fd:3 ssl=null $LOGLEVEL 3>>"$CONSOLE" >"$STATE/uml.log" 2>&1 </dev/null &
VMPID=$!
tail -s 0.2 -n +1 -f --pid="$VMPID" "$STATE/out" &
TAILS+=($!)
tail -s 0.2 -n +1 -f --pid="$VMPID" "$STATE/err" >&2 &
TAILS+=($!)
# The watchdog's own sleep must die with it: an orphaned sleep would hold this script's inherited
# descriptors (a caller's pipe or lock) open for the whole timeout after the lab has finished.
(
  exec 3>&- 9>&-
  sleep "$TIMEOUT" &
  trap 'kill $! 2>/dev/null; exit 0' TERM
  wait $!
  touch "$STATE/timeout"; kill -TERM -- "-$VMPID"; sleep 3; kill -KILL -- "-$VMPID"
) >/dev/null 2>&1 </dev/null &
WATCHDOG=$!
wait "$VMPID" 2>/dev/null || true
VMPID=
kill "$WATCHDOG" 2>/dev/null || true
wait "${TAILS[@]}" 2>/dev/null || true
TAILS=()
if [ -f "$STATE/rc" ]; then exit "$(cat "$STATE/rc")"; fi
[ -f "$STATE/timeout" ] && { echo "[kernel-lab] timed out after ${TIMEOUT}s" >&2; exit 124; }
echo "[kernel-lab] the VM ended without running the command; its last words:" >&2
tail -n 5 "$STATE/uml.log" "$STATE/console.log" >&2 2>/dev/null || true
exit 125
