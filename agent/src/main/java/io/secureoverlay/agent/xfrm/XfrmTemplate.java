package io.secureoverlay.agent.xfrm;

import java.net.InetAddress;
import java.util.Objects;

/**
 * One transform a policy requires (the kernel's {@code xfrm_user_tmpl}). In transport mode the
 * addresses are "any" (all zero) and the kernel picks the SA by the packet's addresses and {@code
 * reqid}. The algorithm masks default to all-ones: any algorithm.
 */
public record XfrmTemplate(
    XfrmId id,
    InetAddress source,
    int reqid,
    XfrmMode mode,
    boolean optional,
    int share,
    int authAlgorithms,
    int encryptionAlgorithms,
    int compressionAlgorithms) {

  public static final int ALL_ALGORITHMS = 0xffffffff;

  public XfrmTemplate {
    Objects.requireNonNull(id, "template id");
    Objects.requireNonNull(source, "template source");
    Objects.requireNonNull(mode, "template mode");
    if (AddressFamily.of(source) != id.family()) {
      throw new IllegalArgumentException("template source and destination families differ");
    }
    if (share < 0 || share > 3) {
      throw new IllegalArgumentException("template share must be 0..3, got " + share);
    }
  }

  /** A transport-mode template for {@code proto} SAs carrying {@code reqid}, any addresses. */
  public static XfrmTemplate transport(XfrmProto proto, int reqid, AddressFamily family) {
    return new XfrmTemplate(
        new XfrmId(family.any(), 0, proto),
        family.any(),
        reqid,
        XfrmMode.TRANSPORT,
        false,
        0,
        ALL_ALGORITHMS,
        ALL_ALGORITHMS,
        ALL_ALGORITHMS);
  }
}
