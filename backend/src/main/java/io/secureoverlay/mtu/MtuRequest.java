package io.secureoverlay.mtu;

import io.secureoverlay.model.Cipher;
import io.secureoverlay.model.IcvLength;
import java.util.List;
import java.util.Objects;

/**
 * What the MTU calculator needs: the external (underlay) MTUs of the nodes, of which the smallest
 * governs, and the ESP settings. The MTU values are checked by {@link EspMtuCalculator}, which
 * names the offending value.
 */
public record MtuRequest(
    List<Integer> extMtus, UnderlayFamily family, IcvLength icv, Cipher cipher) {

  public MtuRequest {
    Objects.requireNonNull(extMtus, "extMtus");
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(icv, "icv");
    Objects.requireNonNull(cipher, "cipher");
    extMtus = List.copyOf(extMtus);
  }

  /** An IPv4 underlay with AES-GCM-128, the product's defaults. */
  public static MtuRequest ipv4(IcvLength icv, Integer... extMtus) {
    return new MtuRequest(List.of(extMtus), UnderlayFamily.IPV4, icv, Cipher.AES_GCM_128);
  }
}
