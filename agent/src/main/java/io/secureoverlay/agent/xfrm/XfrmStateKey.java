package io.secureoverlay.agent.xfrm;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds one SA: the kernel looks it up by (destination, SPI, protocol) and mark; the source travels
 * along as XFRMA_SRCADDR, as {@code ip xfrm state get/delete} sends it.
 */
public record XfrmStateKey(XfrmId id, InetAddress source, Optional<XfrmMark> mark) {

  public XfrmStateKey {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(mark, "mark");
    if (AddressFamily.of(source) != id.family()) {
      throw new IllegalArgumentException("SA key source and destination families differ");
    }
  }

  public static XfrmStateKey of(XfrmId id, InetAddress source) {
    return new XfrmStateKey(id, source, Optional.empty());
  }
}
