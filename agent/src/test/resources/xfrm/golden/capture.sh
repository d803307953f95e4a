#!/usr/bin/env bash
# capture.sh -- records what iproute2 sends to (and receives from) a real kernel's NETLINK_XFRM,
# the source of the golden hex in io.secureoverlay.agent.xfrm.*GoldenTest.
#
# Run inside a kernel with esp4 + gcm (the host kernel has none):
#   run-in-kernel.sh agent/src/test/resources/xfrm/golden/capture.sh > capture.txt
# Every step runs in a fresh network namespace "golden" with strace hex-dumping the netlink
# traffic. The keys are obviously test data: bytes 00 01 02 ... followed by the salt "salt".
set -euo pipefail
A=192.0.2.11 B=192.0.2.12
K128=0x000102030405060708090a0b0c0d0e0f73616c74
K256=0x000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f73616c74
AEAD="rfc4106(gcm(aes))"
ip netns add golden
trap 'ip netns del golden' EXIT

cap() { # NAME CMD... : hex dump of every sendmsg/recvmsg of CMD
  local name=$1; shift
  echo "### $name: $*"
  strace -f -e trace=sendmsg,sendto,recvmsg,recvfrom -e write=all -e read=all "$@" 2>&1 >/dev/null \
    | grep -E '^ \| |^(sendmsg|sendto|recvmsg|recvfrom)|= -1' | sed -E 's/^(sendmsg|sendto|recvmsg|recvfrom)\(.*\) = (.*)$/\1 = \2/' || true
  echo "### end $name"
}
X=(ip -n golden xfrm)

cap newsa-aes128-icv64 "${X[@]}" state add src $A dst $B proto esp spi 0x5ec01001 reqid 0x5ec00001 \
  mode transport aead "$AEAD" $K128 64 sel src $A dst $B proto 4
cap newsa-aes128-icv96-limits-replay32 "${X[@]}" state add src $B dst $A proto esp spi 0x5ec01002 \
  reqid 0x5ec00002 mode transport replay-window 32 aead "$AEAD" $K128 96 sel src $B dst $A proto 4 \
  limit byte-soft 1000000 limit byte-hard 2000000 limit packet-soft 1000 limit packet-hard 2000
cap newsa-aes256-icv128-esn-replay128 "${X[@]}" state add src $A dst $B proto esp spi 0x5ec01003 \
  reqid 0x5ec00003 mode transport flag esn replay-window 128 aead "$AEAD" $K256 128 \
  sel src $A dst $B proto 4 limit packet-soft 3000000000 limit packet-hard 4000000000
cap newsa-aes128-icv64-mark-extraflag "${X[@]}" state add src $A dst $B proto esp spi 0x5ec01004 \
  reqid 0x5ec00004 mode transport aead "$AEAD" $K128 64 sel src $A dst $B proto 4 \
  mark 0x5ec0 mask 0xffff extra-flag dont-encap-dscp
cap updsa-aes128-icv96-limits "${X[@]}" state update src $B dst $A proto esp spi 0x5ec01002 \
  reqid 0x5ec00002 mode transport replay-window 32 aead "$AEAD" $K128 96 sel src $B dst $A proto 4 \
  limit byte-soft 3000000 limit byte-hard 4000000 limit packet-soft 3000 limit packet-hard 4000
cap newsa-duplicate-eexist "${X[@]}" state add src $A dst $B proto esp spi 0x5ec01001 reqid 0x5ec00001 \
  mode transport aead "$AEAD" $K128 64 sel src $A dst $B proto 4
"${X[@]}" state add src $A dst $B proto esp spi 0x00000777 reqid 7 mode transport \
  aead "$AEAD" $K128 64 sel src $A dst $B proto 4
cap getsa "${X[@]}" state get src $A dst $B proto esp spi 0x5ec01001
cap getsa-missing-esrch "${X[@]}" state get src $A dst $B proto esp spi 0x5ec0dead
cap getsa-dump "${X[@]}" state list
cap delsa "${X[@]}" state delete src $A dst $B proto esp spi 0x5ec01003
cap delsa-missing-esrch "${X[@]}" state delete src $A dst $B proto esp spi 0x5ec01003

cap newpolicy-out "${X[@]}" policy add src $A/32 dst $B/32 proto 4 dir out priority 100 \
  tmpl src 0.0.0.0 dst 0.0.0.0 proto esp reqid 0x5ec00001 mode transport
cap newpolicy-in "${X[@]}" policy add src $B/32 dst $A/32 proto 4 dir in priority 100 \
  tmpl proto esp reqid 0x5ec00002 mode transport
cap updpolicy-out "${X[@]}" policy update src $A/32 dst $B/32 proto 4 dir out priority 100 \
  tmpl proto esp reqid 0x5ec00003 mode transport
cap newpolicy-duplicate-eexist "${X[@]}" policy add src $B/32 dst $A/32 proto 4 dir in priority 100 \
  tmpl proto esp reqid 0x5ec00002 mode transport
"${X[@]}" policy add src 10.9.9.9/32 dst $B/32 dir out tmpl proto esp reqid 7 mode transport
cap getpolicy-dump "${X[@]}" policy list
cap getpolicy "${X[@]}" policy get src $A/32 dst $B/32 proto 4 dir out
cap delpolicy-in "${X[@]}" policy delete src $B/32 dst $A/32 proto 4 dir in
cap delpolicy-missing-enoent "${X[@]}" policy delete src $B/32 dst $A/32 proto 4 dir in
