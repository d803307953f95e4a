package io.secureoverlay.mtu;

import io.secureoverlay.model.Cipher;
import io.secureoverlay.model.IcvLength;
import java.util.List;
import java.util.Objects;

/**
 * The calculator's answer for one set of nodes and ESP settings.
 *
 * @param extMtus every external MTU given, in input order
 * @param family the underlay family
 * @param icv the ICV length
 * @param cipher the cipher (its key size does not change the overhead)
 * @param extMtu the governing external MTU: the smallest of {@code extMtus}
 * @param exactTunnelMtu the largest tunnel (IPIP device) MTU whose packets still fit after ESP, as
 *     the kernel's esp4/esp6 computes it
 * @param documentedTunnelMtu what the UCP/MKE rule {@code EXTMTU - 46 - ((EXTMTU - 46) mod 4)}
 *     gives
 * @param documentedWireBytes the on-wire size of an inner packet of {@code documentedTunnelMtu}
 *     bytes after ESP: above {@code extMtu} exactly when the documented figure fragments
 * @param overhead the breakdown of {@code extMtu - exactTunnelMtu}
 * @param config the lines that apply {@code exactTunnelMtu}
 * @param notes facts the operator should know with this result, one sentence each
 */
public record MtuResult(
    List<Integer> extMtus,
    UnderlayFamily family,
    IcvLength icv,
    Cipher cipher,
    int extMtu,
    int exactTunnelMtu,
    int documentedTunnelMtu,
    int documentedWireBytes,
    EspOverhead overhead,
    TunnelMtuConfig config,
    List<String> notes) {

  public MtuResult {
    extMtus = List.copyOf(extMtus);
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(icv, "icv");
    Objects.requireNonNull(cipher, "cipher");
    Objects.requireNonNull(overhead, "overhead");
    Objects.requireNonNull(config, "config");
    notes = List.copyOf(notes);
    if (overhead.total() != extMtu - exactTunnelMtu) {
      throw new IllegalArgumentException(
          "overhead of "
              + overhead.total()
              + " bytes does not account for external MTU "
              + extMtu
              + " minus tunnel MTU "
              + exactTunnelMtu);
    }
  }

  /** True when packets of the documented size would not fit: fragmented, or dropped with DF. */
  public boolean documentedFragments() {
    return documentedTunnelMtu > exactTunnelMtu;
  }

  /**
   * How far the documented figure is above the exact one; negative when it is below (safe, but that
   * many bytes of tunnel MTU are given away).
   */
  public int documentedExcessBytes() {
    return documentedTunnelMtu - exactTunnelMtu;
  }

  /**
   * Bytes by which the largest documented-size packet overflows the external MTU (0 if it fits).
   */
  public int documentedWireOverflowBytes() {
    return Math.max(0, documentedWireBytes - extMtu);
  }
}
