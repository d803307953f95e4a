package io.secureoverlay.agent.xfrm.wire;

import static io.secureoverlay.agent.xfrm.wire.XfrmConstants.XFRM_ALG_NAME_SIZE;

import io.secureoverlay.agent.netlink.NetlinkParseException;
import io.secureoverlay.agent.xfrm.XfrmAead;
import io.secureoverlay.agent.xfrm.XfrmAeadInfo;
import io.secureoverlay.crypto.SecretBytes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * XFRMA_ALG_AEAD's value: algorithm name, key and ICV lengths, then the key blob itself.
 *
 * <pre>
 * struct xfrm_algo_aead {
 *     char          alg_name[64];  //  0, NUL-padded
 *     unsigned int  alg_key_len;   // 64, in bits
 *     unsigned int  alg_icv_len;   // 68, in bits
 *     char          alg_key[];     // 72, alg_key_len / 8 bytes
 * };                               // 72 bytes + key
 * </pre>
 *
 * The key is copied out of its {@link SecretBytes} only into the request buffer, and the copy is
 * zeroed at once; reading reduces the key to its fingerprint and zeroes what it copied.
 */
public final class StructXfrmAlgoAead {

  /** Size without the key. */
  public static final int SIZE = 72;

  private StructXfrmAlgoAead() {}

  public static int size(XfrmAead aead) {
    return SIZE + aead.key().length();
  }

  public static void write(ByteBuffer buf, XfrmAead aead) {
    byte[] name = XfrmAead.ALGORITHM.getBytes(StandardCharsets.US_ASCII);
    buf.put(name);
    NetworkOrder.pad(buf, XFRM_ALG_NAME_SIZE - name.length);
    buf.putInt(aead.keyBits());
    buf.putInt(aead.icv().bits());
    byte[] key = aead.key().copy();
    try {
      buf.put(key);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  public static XfrmAeadInfo read(ByteBuffer buf) {
    Structs.require(buf, SIZE, "xfrm_algo_aead");
    String name = algorithmName(buf);
    long keyBits = Integer.toUnsignedLong(buf.getInt());
    int icvBits = buf.getInt();
    if (keyBits % 8 != 0 || keyBits / 8 > buf.remaining()) {
      throw new NetlinkParseException(
          "xfrm_algo_aead: alg_key_len "
              + keyBits
              + " bits does not fit the "
              + buf.remaining()
              + " key bytes present");
    }
    byte[] key = new byte[(int) (keyBits / 8)];
    buf.get(key);
    try (SecretBytes secret = SecretBytes.wrap(key)) {
      return new XfrmAeadInfo(name, (int) keyBits, icvBits, secret.fingerprint());
    }
  }

  /** Reads the NUL-padded 64-byte name; anything but printable ASCII is a parse error. */
  static String algorithmName(ByteBuffer buf) {
    byte[] raw = new byte[XFRM_ALG_NAME_SIZE];
    buf.get(raw);
    int end = 0;
    while (end < raw.length && raw[end] != 0) {
      if (raw[end] < 0x20 || raw[end] > 0x7e) {
        throw new NetlinkParseException("algorithm name holds a non-printable byte");
      }
      end++;
    }
    return new String(raw, 0, end, StandardCharsets.US_ASCII);
  }
}
