package io.secureoverlay.agent.dataplane;

import io.secureoverlay.crypto.SecretBytes;
import io.secureoverlay.model.Cipher;
import io.secureoverlay.model.IcvLength;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/** Addresses, keys, SAs and policies for data plane tests. */
public final class DataplaneFixtures {

  private DataplaneFixtures() {}

  public static InetAddress ip(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(literal, e);
    }
  }

  /** A deterministic test key (key + salt) filled from {@code seed}. */
  public static SecretBytes key(Cipher cipher, int seed) {
    byte[] bytes = new byte[cipher.keyWithSaltBytes()];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (seed * 31 + i * 7);
    }
    return SecretBytes.wrap(bytes);
  }

  public static String hex(SecretBytes key) {
    byte[] bytes = key.copy();
    try {
      return HexFormat.of().formatHex(bytes);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  public static String base64(SecretBytes key) {
    byte[] bytes = key.copy();
    try {
      return Base64.getEncoder().encodeToString(bytes);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  /** An ESP transport SA carrying IPIP from {@code src} to {@code dst}. */
  public static SaSpec sa(InetAddress src, InetAddress dst, int spi, int reqid, SecretBytes key) {
    Cipher cipher =
        key.length() == Cipher.AES_GCM_256.keyWithSaltBytes()
            ? Cipher.AES_GCM_256
            : Cipher.AES_GCM_128;
    return new SaSpec(
        SaId.esp(dst, spi),
        src,
        TrafficSelector.ipip(src, dst),
        IpsecMode.TRANSPORT,
        reqid,
        cipher,
        IcvLength.ICV_64,
        key,
        32,
        new SaLifetimes(
            SaLifetimes.UNLIMITED, SaLifetimes.UNLIMITED, 3_000_000_000L, 4_000_000_000L));
  }

  public static SaSpec withLifetimes(SaSpec sa, SaLifetimes lifetimes) {
    return new SaSpec(
        sa.id(),
        sa.source(),
        sa.selector(),
        sa.mode(),
        sa.reqid(),
        sa.cipher(),
        sa.icv(),
        sa.key(),
        sa.replayWindow(),
        lifetimes);
  }

  public static Policy policy(
      InetAddress src, InetAddress dst, PolicyDirection direction, int reqid) {
    return new Policy(
        new PolicyId(TrafficSelector.ipip(src, dst), direction),
        1000,
        PolicyTemplate.espTransport(src, dst, reqid));
  }

  public static Policy outPolicy(InetAddress self, InetAddress peer, int reqid) {
    return policy(self, peer, PolicyDirection.OUT, reqid);
  }

  public static Policy inPolicy(InetAddress peer, InetAddress self) {
    return policy(peer, self, PolicyDirection.IN, OwnedReqids.INBOUND);
  }
}
