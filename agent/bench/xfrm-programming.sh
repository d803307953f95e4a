#!/usr/bin/env bash
# xfrm-programming.sh -- benchmark: program one node's XFRM tables from empty for N peers (one
# epoch: inbound and outbound SA per peer, out and in policy per peer) three ways, in the same run:
#   agent      the real agent jar, static mode, --once (its own reconcile time, and wall time)
#   ip-batch   the same operations through one `ip -batch` process
#   per-op     one `ip xfrm` process per operation
# and the agent's resident memory (VmRSS) with 1,000 peers installed.
# One process per operation costs the same for every operation (a fork, an exec, a netlink
# round trip), so beyond PER_OP_SAMPLE operations (default 2000) it is timed on an evenly spread
# sample of that many and scaled to all of them; the table says so. PER_OP_SAMPLE=0 runs them all.
#
# Needs a kernel with ESP and GCM, i.e. run it in the kernel lab, from the repository root:
#   ./mvnw -B -q -pl agent -am package -DskipTests
#   scripts/kernel-lab/run-in-kernel.sh agent/bench/xfrm-programming.sh [N ...]   (default 100 1000 5000)
# Addresses come from the benchmarking range 198.18.0.0/15; keys in the ip batch are throw-away.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=$PWD/target/secureoverlay-agent.jar
[ -f "$JAR" ] || { echo "build the agent first: ./mvnw -B -q -pl agent -am package -DskipTests" >&2; exit 2; }
grep -qw esp4 /proc/modules || { echo "no esp4 in this kernel: run inside scripts/kernel-lab/run-in-kernel.sh" >&2; exit 2; }
SIZES=("$@"); [ "${#SIZES[@]}" -gt 0 ] || SIZES=(100 1000 5000)
WORK=$(mktemp -d)
NS=bench
ip netns del $NS 2>/dev/null || true
ip netns add $NS
trap 'ip netns del $NS 2>/dev/null || true; rm -rf "$WORK"' EXIT

addr() { local i=$1; echo "198.$((18 + i / 65536)).$(((i / 256) % 256)).$((i % 256 + 0))"; }
now_ms() { date +%s%3N; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / (b > 0 ? b : 1) }'; }
flush() { ip -n $NS xfrm policy flush; ip -n $NS xfrm state flush; }
count() { echo "$(ip -n $NS xfrm state list | grep -c '^src') SAs, $(ip -n $NS xfrm policy list | grep -c '^src') policies"; }

config() { # N -> static config with node-0 (self) and N peers, epoch 1, encrypt + enforce
  local n=$1 f=$WORK/static-$1.json i
  {
    printf '{\n  "version": 1,\n  "node": "node-0",\n  "nodes": [\n'
    for ((i = 0; i <= n; i++)); do
      printf '    { "name": "node-%d", "underlayIp": "%s", "index": %d }%s\n' $i "$(addr $((i + 1)))" $i "$([ $i -lt $n ] && echo ,)"
    done
    printf '  ],\n  "epochs": [ { "epoch": 1, "secret": "%s" } ],\n' "$(head -c 32 /dev/urandom | base64)"
    printf '  "outboundEpoch": 1,\n  "enforce": true\n}\n'
  } > "$f"
  echo "$f"
}

ops() { # N -> the same operations as ip commands (without the leading "ip")
  local n=$1 self i peer key
  self=$(addr 1)
  for ((i = 1; i <= n; i++)); do
    peer=$(addr $((i + 1)))
    key=0x$(printf '%08x' $i)0123456789abcdef0123456789abcdef
    printf 'xfrm state add src %s dst %s proto esp spi 0x%08x reqid 0x5ec0ffff mode transport aead rfc4106(gcm(aes)) %s 64 sel src %s dst %s proto 4\n' "$peer" "$self" $((0x5E400000 | i)) "$key" "$peer" "$self"
    printf 'xfrm state add src %s dst %s proto esp spi 0x%08x reqid 0x5ec00001 mode transport aead rfc4106(gcm(aes)) %s 64 sel src %s dst %s proto 4\n' "$self" "$peer" $((0x5E400000)) "$key" "$self" "$peer"
    printf 'xfrm policy add src %s/32 dst %s/32 proto 4 dir out priority 1000 tmpl proto esp reqid 0x5ec00001 mode transport\n' "$self" "$peer"
    printf 'xfrm policy add src %s/32 dst %s/32 proto 4 dir in priority 1000 tmpl proto esp reqid 0x5ec0ffff mode transport\n' "$peer" "$self"
  done
}

printf '%-6s %8s | %10s %10s | %10s %10s | %12s %12s\n' peers ops agent-ms agent-wall ip-batch-ms agent/batch per-op-ms per-op/agent
for n in "${SIZES[@]}"; do
  cfg=$(config "$n")
  ops "$n" > "$WORK/ops-$n.txt"
  nops=$(wc -l < "$WORK/ops-$n.txt")

  flush
  t0=$(now_ms)
  ip netns exec $NS java -Xmx96m -XX:+UseSerialGC -jar "$JAR" --static-config "$cfg" --once > "$WORK/agent-$n.out" 2> "$WORK/agent-$n.err"
  t1=$(now_ms)
  agent_ms=$(grep -o 'event=reconcile .*durationMs=[0-9]*' "$WORK/agent-$n.err" | tail -1 | grep -o '[0-9]*$')
  agent_wall=$((t1 - t0))
  agent_count=$(count)

  flush
  t0=$(now_ms); ip -n $NS -batch "$WORK/ops-$n.txt"; t1=$(now_ms)
  batch_ms=$((t1 - t0))
  batch_count=$(count)

  flush
  sample=${PER_OP_SAMPLE:-2000}
  if [ "$sample" -gt 0 ] && [ "$nops" -gt "$sample" ]; then
    # every k-th peer's four operations, so SAs precede the policies that use them
    step=$(( (nops + sample - 1) / sample ))
    awk -v k="$step" 'int((NR - 1) / 4) % k == 0' "$WORK/ops-$n.txt" > "$WORK/perop-$n.txt"
  else
    cp "$WORK/ops-$n.txt" "$WORK/perop-$n.txt"
  fi
  measured=$(wc -l < "$WORK/perop-$n.txt")
  t0=$(now_ms)
  while read -r -a op; do ip -n $NS "${op[@]}"; done < "$WORK/perop-$n.txt"
  t1=$(now_ms)
  perop_ms=$(( (t1 - t0) * nops / measured ))
  perop_note=""; [ "$measured" -lt "$nops" ] && perop_note=" (timed $measured ops, scaled)"
  perop_count=$(count)

  [ "$agent_count" = "$batch_count" ] \
    || { echo "agent and ip -batch installed different tables: agent $agent_count, batch $batch_count" >&2; exit 1; }
  [ "$measured" -lt "$nops" ] || [ "$batch_count" = "$perop_count" ] \
    || { echo "ip -batch and per-op installed different tables: $batch_count vs $perop_count" >&2; exit 1; }
  printf '%-6s %8s | %10s %10s | %10s %10s | %12s %12s%s\n' "$n" "$nops" "$agent_ms" "$agent_wall" "$batch_ms" \
    "$(ratio "$agent_ms" "$batch_ms")" "$perop_ms" "$(ratio "$perop_ms" "$agent_ms")" "$perop_note"
done
echo "(agent-ms: the agent's own reconcile pass; agent-wall: the whole process, JVM start included; every way installed: $agent_count)"

flush
cfg=$(config 1000)
ip netns exec $NS java -Xmx96m -XX:+UseSerialGC -jar "$JAR" --static-config "$cfg" --poll-seconds 1 > /dev/null 2> "$WORK/rss.err" &
pid=$!
for _ in $(seq 1 120); do grep -q 'event=static_reconcile' "$WORK/rss.err" && break; sleep 0.5; done
rss=$(awk '/VmRSS/{print $2}' /proc/$pid/status)
kill $pid; wait $pid 2>/dev/null || true
echo "agent resident memory with 1000 peers installed: $((rss / 1024)) MiB (VmRSS $rss kB; -Xmx96m)"
