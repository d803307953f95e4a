package io.secureoverlay.mtu;

/**
 * Where the bytes between the tunnel MTU and the external MTU go, for the largest inner packet. All
 * values are byte counts; {@link #total()} equals external MTU minus tunnel MTU.
 *
 * @param outerIpHeader the IPIP packet's own outer header, which transport mode keeps outermost
 * @param espHeader SPI (4) and sequence number (4)
 * @param iv the explicit per-packet IV of RFC 4106: 8 bytes for AES-128 and AES-256 alike
 * @param padding bytes that make inner packet + trailer a multiple of 4 (always 0 at the exact
 *     figure: the exact figure is chosen so that no padding is needed)
 * @param trailer pad length (1) and next header (1)
 * @param icv the GCM integrity check value (8, 12 or 16)
 * @param alignmentSlack external-MTU bytes no packet can use: one more inner byte would need 4
 *     bytes of padding and overflow the external MTU
 */
public record EspOverhead(
    int outerIpHeader,
    int espHeader,
    int iv,
    int padding,
    int trailer,
    int icv,
    int alignmentSlack) {

  public EspOverhead {
    if (outerIpHeader < 0
        || espHeader < 0
        || iv < 0
        || padding < 0
        || trailer < 0
        || icv < 0
        || alignmentSlack < 0) {
      throw new IllegalArgumentException("overhead byte counts cannot be negative");
    }
  }

  /** The sum of all parts: external MTU minus tunnel MTU. */
  public int total() {
    return outerIpHeader + espHeader + iv + padding + trailer + icv + alignmentSlack;
  }
}
