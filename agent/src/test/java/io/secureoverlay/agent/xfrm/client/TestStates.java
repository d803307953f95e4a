package io.secureoverlay.agent.xfrm.client;

import io.secureoverlay.agent.xfrm.AddressFamily;
import io.secureoverlay.agent.xfrm.XfrmAead;
import io.secureoverlay.agent.xfrm.XfrmDirection;
import io.secureoverlay.agent.xfrm.XfrmId;
import io.secureoverlay.agent.xfrm.XfrmOwnership;
import io.secureoverlay.agent.xfrm.XfrmPolicy;
import io.secureoverlay.agent.xfrm.XfrmProto;
import io.secureoverlay.agent.xfrm.XfrmSelector;
import io.secureoverlay.agent.xfrm.XfrmState;
import io.secureoverlay.agent.xfrm.XfrmTemplate;
import io.secureoverlay.crypto.SecretBytes;
import io.secureoverlay.model.IcvLength;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * SAs and policies for the privileged tests; keys are obviously test data (00 01 02 ... "salt").
 */
final class TestStates {

  static final InetAddress A = ip("192.0.2.11");
  static final InetAddress B = ip("192.0.2.12");

  private TestStates() {}

  static InetAddress ip(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(literal, e);
    }
  }

  /** AES key bytes 00 01 02 ... then the salt "salt". */
  static SecretBytes testKey(int aesKeyBytes) {
    byte[] key = new byte[aesKeyBytes + 4];
    for (int i = 0; i < aesKeyBytes; i++) {
      key[i] = (byte) i;
    }
    System.arraycopy(
        "salt".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, key, aesKeyBytes, 4);
    return SecretBytes.wrap(key);
  }

  static XfrmState sa(
      InetAddress src, InetAddress dst, int spi, int slot, int aesKeyBytes, IcvLength icv) {
    return XfrmState.transport(
        new XfrmId(dst, spi, XfrmProto.ESP),
        src,
        XfrmSelector.hosts(src, dst, XfrmSelector.IPPROTO_IPIP),
        XfrmOwnership.reqid(slot),
        new XfrmAead(testKey(aesKeyBytes), icv));
  }

  static XfrmPolicy policy(InetAddress src, InetAddress dst, XfrmDirection dir, int reqid) {
    return XfrmPolicy.allow(
        XfrmSelector.hosts(src, dst, XfrmSelector.IPPROTO_IPIP),
        dir,
        100,
        List.of(XfrmTemplate.transport(XfrmProto.ESP, reqid, AddressFamily.INET)));
  }
}
