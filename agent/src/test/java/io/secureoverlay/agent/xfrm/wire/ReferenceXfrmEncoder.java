package io.secureoverlay.agent.xfrm.wire;

import io.secureoverlay.agent.xfrm.XfrmPolicy;
import io.secureoverlay.agent.xfrm.XfrmSelector;
import io.secureoverlay.agent.xfrm.XfrmState;
import io.secureoverlay.agent.xfrm.XfrmTemplate;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * An independent encoder for the property tests: every field is put at its absolute offset as
 * {@code gcc} reports it for x86-64 ({@code offsetof} over linux/xfrm.h), with none of the
 * production struct classes involved. Attribute order as ip xfrm: AEAD, ESN, extra flags, mark.
 */
final class ReferenceXfrmEncoder {

  private ReferenceXfrmEncoder() {}

  static byte[] newSa(int type, int seq, XfrmState s) {
    byte[] key = s.aead().key().copy();
    boolean esnAttr = s.replay().esn() || s.replay().window() > 32;
    int aeadLen = 4 + 72 + key.length;
    int total =
        16
            + 224
            + align(aeadLen)
            + (esnAttr ? 28 : 0)
            + (s.extraFlags() != 0 ? 8 : 0)
            + (s.mark().isPresent() ? 12 : 0);
    ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.nativeOrder());
    header(b, total, type, 0x05, seq);
    int p = 16;
    selector(b, p, s.selector());
    addr(b, p + 56, s.id().destination());
    be32(b, p + 72, s.id().spi());
    b.put(p + 76, (byte) s.id().proto().number());
    addr(b, p + 80, s.source());
    long[] lft = {
      s.lifetime().softByteLimit(),
      s.lifetime().hardByteLimit(),
      s.lifetime().softPacketLimit(),
      s.lifetime().hardPacketLimit(),
      s.lifetime().softAddExpiresSeconds(),
      s.lifetime().hardAddExpiresSeconds(),
      s.lifetime().softUseExpiresSeconds(),
      s.lifetime().hardUseExpiresSeconds()
    };
    for (int i = 0; i < 8; i++) {
      b.putLong(p + 96 + 8 * i, lft[i]);
    }
    b.putInt(p + 208, s.reqid());
    b.putShort(p + 212, (short) (s.id().destination().getAddress().length == 4 ? 2 : 10));
    b.put(p + 214, (byte) s.mode().number());
    b.put(p + 215, (byte) (esnAttr ? 0 : s.replay().window()));
    b.put(p + 216, (byte) (s.replay().esn() ? 128 : 0));
    p += 224;
    b.putShort(p, (short) aeadLen).putShort(p + 2, (short) 18);
    byte[] name = "rfc4106(gcm(aes))".getBytes(StandardCharsets.US_ASCII);
    b.put(p + 4, name);
    b.putInt(p + 68, key.length * 8).putInt(p + 72, s.aead().icv().bits());
    b.put(p + 76, key);
    java.util.Arrays.fill(key, (byte) 0);
    p += align(aeadLen);
    if (esnAttr) {
      b.putShort(p, (short) 28).putShort(p + 2, (short) 23);
      b.putInt(p + 4, (s.replay().window() + 31) / 32).putInt(p + 24, s.replay().window());
      p += 28;
    }
    if (s.extraFlags() != 0) {
      b.putShort(p, (short) 8).putShort(p + 2, (short) 24).putInt(p + 4, s.extraFlags());
      p += 8;
    }
    if (s.mark().isPresent()) {
      b.putShort(p, (short) 12).putShort(p + 2, (short) 21);
      b.putInt(p + 4, s.mark().get().value()).putInt(p + 8, s.mark().get().mask());
    }
    return b.array();
  }

  static byte[] newPolicy(int type, int seq, XfrmPolicy pol) {
    int tmplLen = 4 + 64 * pol.templates().size();
    int total =
        16 + 168 + (pol.templates().isEmpty() ? 0 : tmplLen) + (pol.mark().isPresent() ? 12 : 0);
    ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.nativeOrder());
    header(b, total, type, 0x05, seq);
    int p = 16;
    selector(b, p, pol.selector());
    long[] lft = {
      pol.lifetime().softByteLimit(),
      pol.lifetime().hardByteLimit(),
      pol.lifetime().softPacketLimit(),
      pol.lifetime().hardPacketLimit(),
      pol.lifetime().softAddExpiresSeconds(),
      pol.lifetime().hardAddExpiresSeconds(),
      pol.lifetime().softUseExpiresSeconds(),
      pol.lifetime().hardUseExpiresSeconds()
    };
    for (int i = 0; i < 8; i++) {
      b.putLong(p + 56 + 8 * i, lft[i]);
    }
    b.putInt(p + 152, pol.priority()).putInt(p + 156, pol.index());
    b.put(p + 160, (byte) pol.direction().number())
        .put(p + 161, (byte) pol.action().number())
        .put(p + 162, (byte) pol.flags());
    p += 168;
    if (!pol.templates().isEmpty()) {
      b.putShort(p, (short) tmplLen).putShort(p + 2, (short) 5);
      p += 4;
      for (XfrmTemplate t : pol.templates()) {
        addr(b, p, t.id().destination());
        be32(b, p + 16, t.id().spi());
        b.put(p + 20, (byte) t.id().proto().number());
        b.putShort(p + 24, (short) (t.id().destination().getAddress().length == 4 ? 2 : 10));
        addr(b, p + 28, t.source());
        b.putInt(p + 44, t.reqid());
        b.put(p + 48, (byte) t.mode().number())
            .put(p + 49, (byte) t.share())
            .put(p + 50, (byte) (t.optional() ? 1 : 0));
        b.putInt(p + 52, t.authAlgorithms())
            .putInt(p + 56, t.encryptionAlgorithms())
            .putInt(p + 60, t.compressionAlgorithms());
        p += 64;
      }
    }
    if (pol.mark().isPresent()) {
      b.putShort(p, (short) 12).putShort(p + 2, (short) 21);
      b.putInt(p + 4, pol.mark().get().value()).putInt(p + 8, pol.mark().get().mask());
    }
    return b.array();
  }

  private static void header(ByteBuffer b, int len, int type, int flags, int seq) {
    b.putInt(0, len).putShort(4, (short) type).putShort(6, (short) flags).putInt(8, seq);
  }

  private static void selector(ByteBuffer b, int p, XfrmSelector sel) {
    addr(b, p, sel.destination());
    addr(b, p + 16, sel.source());
    be16(b, p + 32, sel.destinationPort());
    be16(b, p + 34, sel.destinationPortMask());
    be16(b, p + 36, sel.sourcePort());
    be16(b, p + 38, sel.sourcePortMask());
    b.putShort(p + 40, (short) (sel.destination().getAddress().length == 4 ? 2 : 10));
    b.put(p + 42, (byte) sel.destinationPrefixLength());
    b.put(p + 43, (byte) sel.sourcePrefixLength());
    b.put(p + 44, (byte) sel.proto());
    b.putInt(p + 48, sel.ifindex());
    b.putInt(p + 52, sel.user());
  }

  private static void addr(ByteBuffer b, int p, InetAddress a) {
    b.put(p, a.getAddress());
  }

  private static void be32(ByteBuffer b, int p, int v) {
    b.put(p, (byte) (v >>> 24))
        .put(p + 1, (byte) (v >>> 16))
        .put(p + 2, (byte) (v >>> 8))
        .put(p + 3, (byte) v);
  }

  private static void be16(ByteBuffer b, int p, int v) {
    b.put(p, (byte) (v >>> 8)).put(p + 1, (byte) v);
  }

  private static int align(int n) {
    return (n + 3) & ~3;
  }
}
