#!/usr/bin/env bash
# capture-xfrm-stat.sh -- produces xfrm_stat-linux-6.1-integrity-failures.txt: /proc/net/xfrm_stat
# of a namespace node whose inbound SA has the wrong key, after pings from its peer (so
# XfrmInStateProtoError counts). Run inside the kernel lab:
#   run-in-kernel.sh agent/src/test/resources/xfrm/stat/capture-xfrm-stat.sh > OUT
set -euo pipefail
A=192.0.2.11 B=192.0.2.12 PA=198.51.100.1 PB=198.51.100.65
GOOD=0x000102030405060708090a0b0c0d0e0f73616c74   # test data
BAD=0xffeeddccbbaa99887766554433221100736c6174
ip netns add sa; ip netns add sb
trap 'ip netns del sa; ip netns del sb' EXIT
ip link add va netns sa type veth peer name vb netns sb
ip -n sa addr add $A/24 dev va; ip -n sa link set va up; ip -n sa link set lo up
ip -n sb addr add $B/24 dev vb; ip -n sb link set vb up; ip -n sb link set lo up
ip -n sa link set tunl0 up; ip -n sa addr add $PA/32 dev tunl0
ip -n sa route add 198.51.100.64/26 via $B dev tunl0 onlink
ip -n sb link set tunl0 up; ip -n sb addr add $PB/32 dev tunl0
ip -n sb route add 198.51.100.0/26 via $A dev tunl0 onlink
for ns_key in sa:$GOOD sb:$BAD; do
  ns=${ns_key%%:*} key=${ns_key#*:}
  ip -n $ns xfrm state add src $A dst $B proto esp spi 0x5ec01001 reqid 0x5ec00001 \
    mode transport aead 'rfc4106(gcm(aes))' $key 64 sel src $A dst $B proto 4
done
ip -n sa xfrm policy add src $A/32 dst $B/32 proto 4 dir out tmpl proto esp reqid 0x5ec00001 mode transport
ip netns exec sa ping -c3 -i0.2 -W1 -I $PA $PB >/dev/null 2>&1 || true
ip netns exec sb cat /proc/net/xfrm_stat
