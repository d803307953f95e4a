package io.secureoverlay.agent.xfrm;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds one SA: the kernel looks it up by (destination, SPI, protocol) and mark. A known source
 * travels along as XFRMA_SRCADDR, as {@code ip xfrm state get/delete src ...} sends it; the kernel
 * does not need it to find an SA by SPI.
 */
public record XfrmStateKey(XfrmId id, Optional<InetAddress> source, Optional<XfrmMark> mark) {

  public XfrmStateKey {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(mark, "mark");
    if (source.isPresent() && AddressFamily.of(source.get()) != id.family()) {
      throw new IllegalArgumentException("SA key source and destination families differ");
    }
  }

  public static XfrmStateKey of(XfrmId id, InetAddress source) {
    return new XfrmStateKey(id, Optional.of(source), Optional.empty());
  }

  /** By identity alone, without a source address. */
  public static XfrmStateKey of(XfrmId id) {
    return new XfrmStateKey(id, Optional.empty(), Optional.empty());
  }
}
