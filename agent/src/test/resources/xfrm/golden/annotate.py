#!/usr/bin/env python3
"""annotate.py -- turns the strace hex dumps of capture.txt into commented golden hex files.

    python3 annotate.py capture.txt OUTDIR

For every capture section and every netlink datagram in it (requests sent, replies received),
writes OUTDIR/<section>.<request|reply>[.<n>].hex: the datagram's bytes in memory order, one
struct field (or field group) per line, each line commented with what it is. The Java golden
tests load these files (comments stripped) and GoldenCaptureTest checks that they are exactly
the bytes of capture.txt, so no hand-edited byte can slip in.
"""
import ipaddress
import os
import re
import struct
import sys

NLMSG = {1: "NLMSG_NOOP", 2: "NLMSG_ERROR", 3: "NLMSG_DONE"}
XFRM_MSG = {0x10: "XFRM_MSG_NEWSA", 0x11: "XFRM_MSG_DELSA", 0x12: "XFRM_MSG_GETSA",
            0x13: "XFRM_MSG_NEWPOLICY", 0x14: "XFRM_MSG_DELPOLICY", 0x15: "XFRM_MSG_GETPOLICY",
            0x19: "XFRM_MSG_UPDPOLICY", 0x1a: "XFRM_MSG_UPDSA"}
XFRMA = {1: "XFRMA_ALG_AUTH", 2: "XFRMA_ALG_CRYPT", 5: "XFRMA_TMPL", 10: "XFRMA_REPLAY_VAL",
         13: "XFRMA_SRCADDR", 16: "XFRMA_POLICY_TYPE", 18: "XFRMA_ALG_AEAD", 21: "XFRMA_MARK",
         23: "XFRMA_REPLAY_ESN_VAL", 24: "XFRMA_SA_EXTRA_FLAGS", 26: "XFRMA_ADDRESS_FILTER"}


def flags_name(t, f):
    names = []
    bits = [(1, "REQUEST"), (2, "MULTI"), (4, "ACK"), (8, "ECHO"), (0x10, "DUMP_INTR")]
    if t == 2:
        bits += [(0x100, "CAPPED"), (0x200, "ACK_TLVS")]
    elif f & 1:
        bits += [(0x100, "ROOT"), (0x200, "MATCH")]
    for b, n in bits:
        if f & b:
            names.append(n)
    return "|".join(names) or "0"


class Out:
    def __init__(self):
        self.lines = []

    def emit(self, data, off, n, comment):
        chunk = data[off:off + n]
        groups = [chunk[i:i + 4].hex() for i in range(0, len(chunk), 4)]
        self.lines.append(("%-36s # %s" % (" ".join(groups), comment)))
        return off + n


def addr(b, fam=2):
    return str(ipaddress.ip_address(b[:4] if fam == 2 else b[:16]))


def u16(d, o): return struct.unpack_from("<H", d, o)[0]
def u32(d, o): return struct.unpack_from("<I", d, o)[0]
def u64(d, o): return struct.unpack_from("<Q", d, o)[0]
def be16(d, o): return struct.unpack_from(">H", d, o)[0]
def be32(d, o): return struct.unpack_from(">I", d, o)[0]


def lim(v):
    return "XFRM_INF" if v == 0xffffffffffffffff else str(v)


def selector(o, d, off, p):
    fam = u16(d, off + 40)
    off = o.emit(d, off, 16, p + "sel.daddr " + addr(d[off:], fam))
    off = o.emit(d, off, 16, p + "sel.saddr " + addr(d[off:], fam))
    off = o.emit(d, off, 8, p + "sel.dport %d/0x%x, sport %d/0x%x (big-endian)" % (
        be16(d, off), be16(d, off + 2), be16(d, off + 4), be16(d, off + 6)))
    off = o.emit(d, off, 8, p + "sel.family %d, prefixlen_d %d, prefixlen_s %d, proto %d, 3 pad" % (
        fam, d[off + 2], d[off + 3], d[off + 4]))
    return o.emit(d, off, 8, p + "sel.ifindex %d, user %d" % (u32(d, off), u32(d, off + 4)))


def lifetime_cfg(o, d, off, p):
    off = o.emit(d, off, 16, p + "lft.soft_byte_limit %s, hard_byte_limit %s" % (lim(u64(d, off)), lim(u64(d, off + 8))))
    off = o.emit(d, off, 16, p + "lft.soft_packet_limit %s, hard_packet_limit %s" % (lim(u64(d, off)), lim(u64(d, off + 8))))
    off = o.emit(d, off, 16, p + "lft.soft/hard_add_expires_seconds %d, %d" % (u64(d, off), u64(d, off + 8)))
    return o.emit(d, off, 16, p + "lft.soft/hard_use_expires_seconds %d, %d" % (u64(d, off), u64(d, off + 8)))


def lifetime_cur(o, d, off, p):
    off = o.emit(d, off, 16, p + "curlft.bytes %d, packets %d" % (u64(d, off), u64(d, off + 8)))
    return o.emit(d, off, 16, p + "curlft.add_time %d, use_time %d" % (u64(d, off), u64(d, off + 8)))


def usersa_info(o, d, off):
    p = "xfrm_usersa_info."
    fam = u16(d, off + 212)
    off = selector(o, d, off, p)
    off = o.emit(d, off, 16, p + "id.daddr " + addr(d[off:], fam))
    off = o.emit(d, off, 8, p + "id.spi 0x%08x (big-endian), proto %d, 3 pad" % (be32(d, off), d[off + 4]))
    off = o.emit(d, off, 16, p + "saddr " + addr(d[off:], fam))
    off = lifetime_cfg(o, d, off, p)
    off = lifetime_cur(o, d, off, p)
    off = o.emit(d, off, 12, p + "stats.replay_window %d, replay %d, integrity_failed %d" % (u32(d, off), u32(d, off + 4), u32(d, off + 8)))
    off = o.emit(d, off, 4, p + "seq %d" % u32(d, off))
    off = o.emit(d, off, 4, p + "reqid 0x%08x" % u32(d, off))
    return o.emit(d, off, 12, p + "family %d, mode %d, replay_window %d, flags 0x%02x, 7 pad" % (
        u16(d, off), d[off + 2], d[off + 3], d[off + 4]))


def usersa_id(o, d, off):
    p = "xfrm_usersa_id."
    fam = u16(d, off + 20)
    off = o.emit(d, off, 16, p + "daddr " + addr(d[off:], fam))
    return o.emit(d, off, 8, p + "spi 0x%08x (big-endian), family %d, proto %d, 1 pad" % (be32(d, off), fam, d[off + 6]))


def userpolicy_info(o, d, off):
    p = "xfrm_userpolicy_info."
    off = selector(o, d, off, p)
    off = lifetime_cfg(o, d, off, p)
    off = lifetime_cur(o, d, off, p)
    off = o.emit(d, off, 8, p + "priority %d, index %d" % (u32(d, off), u32(d, off + 4)))
    return o.emit(d, off, 8, p + "dir %d, action %d, flags %d, share %d, 4 pad" % tuple(d[off:off + 4]))


def userpolicy_id(o, d, off):
    p = "xfrm_userpolicy_id."
    off = selector(o, d, off, p)
    return o.emit(d, off, 8, p + "index %d, dir %d, 3 pad" % (u32(d, off), d[off + 4]))


def tmpl(o, d, off, i):
    p = "xfrm_user_tmpl[%d]." % i
    fam = u16(d, off + 24)
    off = o.emit(d, off, 16, p + "id.daddr " + addr(d[off:], fam))
    off = o.emit(d, off, 8, p + "id.spi 0x%08x, proto %d, 3 pad" % (be32(d, off), d[off + 4]))
    off = o.emit(d, off, 4, p + "family %d, 2 pad" % fam)
    off = o.emit(d, off, 16, p + "saddr " + addr(d[off:], fam))
    off = o.emit(d, off, 4, p + "reqid 0x%08x" % u32(d, off))
    off = o.emit(d, off, 4, p + "mode %d, share %d, optional %d, 1 pad" % tuple(d[off:off + 3]))
    return o.emit(d, off, 12, p + "aalgos 0x%x, ealgos 0x%x, calgos 0x%x" % (u32(d, off), u32(d, off + 4), u32(d, off + 8)))


def attributes(o, d, off, end):
    while off + 4 <= end:
        ln, ty = u16(d, off), u16(d, off + 2)
        name = XFRMA.get(ty & 0x3fff, "attribute %d" % ty)
        o.emit(d, off, 4, "nlattr: len %d, type %d %s" % (ln, ty, name))
        v, vend = off + 4, off + ln
        if ty == 18:
            for i in range(4):
                v = o.emit(d, v, 16, "  xfrm_algo_aead.alg_name[%d..%d] %r" % (i * 16, i * 16 + 15, d[v:v + 16].rstrip(b"\0").decode()))
            kl = u32(d, v)
            v = o.emit(d, v, 8, "  xfrm_algo_aead.alg_key_len %d bits, alg_icv_len %d bits" % (kl, u32(d, v + 4)))
            v = o.emit(d, v, kl // 8 - 4, "  xfrm_algo_aead.alg_key: AES key (TEST DATA)")
            v = o.emit(d, v, 4, "  xfrm_algo_aead.alg_key: salt (TEST DATA)")
        elif ty == 5:
            i = 0
            while v < vend:
                v = tmpl(o, d, v, i)
                i += 1
        elif ty == 23:
            v = o.emit(d, v, 24, "  xfrm_replay_state_esn: bmp_len %d, oseq %d, seq %d, oseq_hi %d, seq_hi %d, replay_window %d" % struct.unpack_from("<6I", d, v))
            if vend > v:
                v = o.emit(d, v, vend - v, "  xfrm_replay_state_esn.bmp[]")
        elif ty == 10:
            v = o.emit(d, v, 12, "  xfrm_replay_state: oseq %d, seq %d, bitmap 0x%x" % struct.unpack_from("<3I", d, v))
        elif ty == 21:
            v = o.emit(d, v, 8, "  xfrm_mark: v 0x%x, m 0x%x" % struct.unpack_from("<2I", d, v))
        elif ty == 24:
            v = o.emit(d, v, 4, "  __u32 extra flags 0x%x" % u32(d, v))
        elif ty == 13:
            v = o.emit(d, v, 16, "  xfrm_address_t " + addr(d[v:]))
        elif ty == 16:
            v = o.emit(d, v, 6, "  xfrm_userpolicy_type: type %d, reserved" % d[v])
        elif ty == 26:
            v = o.emit(d, v, ln - 4, "  xfrm_address_filter (all zero: no filter)")
        elif ln > 4:
            v = o.emit(d, v, ln - 4, "  value")
        pad = ((ln + 3) & ~3) - ln
        if pad:
            o.emit(d, off + ln, pad, "  attribute padding")
        off += (ln + 3) & ~3


def message(o, d, off):
    ln, ty, fl, seq, pid = struct.unpack_from("<IHHII", d, off)
    tname = NLMSG.get(ty) or XFRM_MSG.get(ty, "type %d" % ty)
    o.emit(d, off, 16, "nlmsghdr: len %d, %s, flags %s, seq 0x%08x, pid %d" % (ln, tname, flags_name(ty, fl), seq, pid))
    p, end = off + 16, off + ln
    dump_req = (fl & 0x301) == 0x301
    if ty == 2:
        err = struct.unpack_from("<i", d, p)[0]
        p = o.emit(d, p, 4, "nlmsgerr.error %d%s" % (err, {0: " (ack)", -17: " (-EEXIST)", -3: " (-ESRCH)", -2: " (-ENOENT)"}.get(err, "")))
        oln, oty = struct.unpack_from("<IH", d, p)
        p = o.emit(d, p, 16, "nlmsgerr.msg: the request's nlmsghdr (len %d, type 0x%x)" % (oln, oty))
        if not fl & 0x100 and end > p:
            o.lines.append("# without NETLINK_CAP_ACK the kernel echoes the request's payload:")
            sub = Out()
            payload(sub, d, p, p + oln - 16, oty, 1)
            o.lines.extend("%s  (echo)" % l for l in sub.lines)
    elif ty == 3:
        o.emit(d, p, 4, "NLMSG_DONE payload: int %d" % struct.unpack_from("<i", d, p)[0])
    else:
        payload(o, d, p, end, ty, 0 if dump_req else 1)
    return off + ((ln + 3) & ~3)


def payload(o, d, p, end, ty, fixed):
    if not fixed:
        attributes(o, d, p, end)
        return
    if ty in (0x10, 0x1a):
        p = usersa_info(o, d, p)
    elif ty in (0x11, 0x12):
        p = usersa_id(o, d, p)
    elif ty in (0x13, 0x19):
        p = userpolicy_info(o, d, p)
    elif ty in (0x14, 0x15):
        p = userpolicy_id(o, d, p)
    attributes(o, d, p, end)


def sections(path):
    cur, name, call, blob = {}, None, None, None
    out = []
    for line in open(path):
        m = re.match(r"### (end )?([a-z0-9-]+)(: (.*))?", line)
        if m and not m.group(1):
            name, cmd, cur = m.group(2), m.group(4), []
            out.append((name, cmd, cur))
            continue
        m = re.match(r"(sendmsg|sendto|recvmsg|recvfrom) = (\d+)", line)
        if m:
            blob = bytearray()
            cur.append(("request" if m.group(1).startswith("send") else "reply", blob))
            continue
        m = re.match(r" \| [0-9a-f]{5}  (.{49})", line)
        if m:  # 16 bytes in two groups of 8; the ASCII column follows
            blob.extend(bytes.fromhex(m.group(1).replace(" ", "")))
    return out


def main(capture, outdir):
    for name, cmd, calls in sections(capture):
        kinds = {}
        datagrams = [(k, b) for k, b in calls if b]
        for kind, blob in datagrams:
            kinds[kind] = kinds.get(kind, 0) + 1
        seen = {}
        for kind, blob in datagrams:
            seen[kind] = seen.get(kind, 0) + 1
            suffix = kind if kinds[kind] == 1 else "%s.%d" % (kind, seen[kind])
            o = Out()
            o.lines.append("# %s %s of: %s" % (name, kind, cmd))
            o.lines.append("# captured under Linux 6.1 (kernel lab) by capture.sh; annotated by annotate.py")
            off = 0
            while off < len(blob):
                off = message(o, bytes(blob), off)
            with open(os.path.join(outdir, "%s.%s.hex" % (name, suffix)), "w") as f:
                f.write("\n".join(o.lines) + "\n")
    names = sorted(f[:-4] for f in os.listdir(outdir) if f.endswith(".hex"))
    with open(os.path.join(outdir, "index.txt"), "w") as f:
        f.write("# the annotated golden files, one per datagram of capture.txt (written by annotate.py)\n")
        f.write("\n".join(names) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
