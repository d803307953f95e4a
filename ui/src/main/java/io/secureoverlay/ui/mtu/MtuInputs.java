package io.secureoverlay.ui.mtu;

import io.secureoverlay.model.Cipher;
import io.secureoverlay.model.IcvLength;
import io.secureoverlay.mtu.UnderlayFamily;
import java.util.Objects;

/**
 * What the operator entered in the MTU view.
 *
 * @param extMtus the external-MTU field as typed: one or more MTUs, one per node
 * @param icv the ICV length
 * @param cipher the cipher
 * @param family the underlay family
 */
public record MtuInputs(String extMtus, IcvLength icv, Cipher cipher, UnderlayFamily family) {

  public MtuInputs {
    Objects.requireNonNull(icv, "icv");
    Objects.requireNonNull(cipher, "cipher");
    Objects.requireNonNull(family, "family");
  }

  /** The product's defaults (64-bit ICV, AES-GCM-128, IPv4) for the given MTUs. */
  public static MtuInputs defaults(String extMtus) {
    return new MtuInputs(extMtus, IcvLength.ICV_64, Cipher.AES_GCM_128, UnderlayFamily.IPV4);
  }
}
