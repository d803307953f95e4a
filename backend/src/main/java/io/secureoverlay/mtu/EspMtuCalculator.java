package io.secureoverlay.mtu;

import io.secureoverlay.model.IcvLength;
import java.util.ArrayList;
import java.util.List;

/**
 * The largest tunnel MTU for Calico IPIP packets protected by ESP in transport mode with AES-GCM
 * (rfc4106), and how it compares with the rule UCP/MKE documented.
 *
 * <p>Packet layout in transport mode: the IPIP packet's own outer IP header stays outermost, then
 * the ESP header (SPI 4 + sequence number 4), the 8-byte RFC 4106 IV, the encrypted inner packet,
 * padding so that inner packet + 2-byte trailer is a multiple of 4, the trailer (pad length, next
 * header) and the ICV.
 *
 * <p>The kernel's {@code esp4_get_mtu} returns {@code ((mtu - header_len - authsize - net_adj) &
 * ~(blksize - 1)) + net_adj - 2} for the IPIP packet, with header_len = 16 (ESP header + IV),
 * net_adj = 20 (the IPv4 header) in transport mode and blksize = 4 for GCM. The tunnel device
 * carries that packet minus its 20-byte outer header, so:
 *
 * <pre>
 *   IPv4 underlay: tunnel MTU = floor4(EXTMTU - 20 - 16 - ICV) - 2
 *   IPv6 underlay: tunnel MTU = floor4(EXTMTU - 40 - 16 - ICV) - 2
 * </pre>
 *
 * <p>The IPv6 line follows the same way from {@code esp6_get_mtu}, whose net_adj is the 40-byte
 * IPv6 header in transport mode. Both say: the inner packet plus the 2-byte trailer must fill whole
 * 4-byte units of what the external MTU leaves after the outer header, ESP header, IV and ICV. At
 * the exact figure no padding is needed; the 0 to 3 bytes of the external MTU that are left over
 * cannot be used, because one more inner byte would need 4 bytes of padding.
 */
public final class EspMtuCalculator {

  /** SPI (4) and sequence number (4). */
  public static final int ESP_HEADER_BYTES = 8;

  /** RFC 4106 sends an 8-byte explicit IV for every AES key size. */
  public static final int GCM_IV_BYTES = 8;

  /** Pad length (1) and next header (1). */
  public static final int TRAILER_BYTES = 2;

  /** The kernel aligns the GCM payload to ALIGN(blocksize 1, 4) = 4 bytes (RFC 4303 minimum). */
  public static final int ALIGNMENT = 4;

  /** The largest IP packet without jumbograms (16-bit length fields). */
  public static final int MAX_MTU = 65535;

  /** Calico IPIP carries IPv4 packets; no IPv4 link may have an MTU below 68 (RFC 791). */
  public static final int MIN_INNER_IPV4_MTU = 68;

  /** The overhead the documented rule assumes: 20 (IPIP) + 26 ("encryption"). */
  public static final int DOCUMENTED_OVERHEAD = 46;

  /**
   * Computes the figures for the smallest of the request's external MTUs.
   *
   * @throws InvalidMtuInputException naming the first external MTU out of range, or when none is
   *     given
   */
  public MtuResult calculate(MtuRequest request) {
    if (request.extMtus().isEmpty()) {
      throw new InvalidMtuInputException(null, "at least one external MTU is required");
    }
    for (int extMtu : request.extMtus()) {
      checkRange(extMtu, request.family());
    }
    int extMtu = request.extMtus().stream().mapToInt(Integer::intValue).min().orElseThrow();
    UnderlayFamily family = request.family();
    IcvLength icv = request.icv();

    int exact = exactTunnelMtu(extMtu, family, icv);
    int documented = documentedTunnelMtu(extMtu);
    return new MtuResult(
        request.extMtus(),
        family,
        icv,
        request.cipher(),
        extMtu,
        exact,
        documented,
        wirePacketBytes(documented, family, icv),
        overheadAt(extMtu, exact, family, icv),
        TunnelMtuConfig.forTunnelMtu(exact),
        notes(request));
  }

  /**
   * The kernel's figure. Refuses (rather than returning a useless or negative MTU) when what is
   * left is below the IPv4 minimum of 68; {@link #calculate} never gets there for accepted input.
   */
  static int exactTunnelMtu(int extMtu, UnderlayFamily family, IcvLength icv) {
    int room = extMtu - family.headerBytes() - ESP_HEADER_BYTES - GCM_IV_BYTES - icv.bytes();
    int tunnelMtu = Math.floorDiv(room, ALIGNMENT) * ALIGNMENT - TRAILER_BYTES;
    if (tunnelMtu < MIN_INNER_IPV4_MTU) {
      throw new InvalidMtuInputException(
          extMtu,
          "leaves "
              + Math.max(tunnelMtu, 0)
              + " bytes for the inner packet with a "
              + icv.bits()
              + "-bit ICV over "
              + family.displayName()
              + ", below the IPv4 minimum MTU of "
              + MIN_INNER_IPV4_MTU);
    }
    return tunnelMtu;
  }

  /**
   * The UCP/MKE secure-overlay guide: "the IPIP tunnel interface MTU must be no more than EXTMTU -
   * 46 - ((EXTMTU - 46) modulo 4)". It counts 26 bytes of encryption overhead but aligns the wrong
   * quantity (the tunnel MTU instead of tunnel MTU + trailer) and ignores the ICV length and the
   * underlay family.
   */
  static int documentedTunnelMtu(int extMtu) {
    int base = extMtu - DOCUMENTED_OVERHEAD;
    return base - Math.floorMod(base, ALIGNMENT);
  }

  /** On-wire size of an inner packet of {@code innerBytes} after ESP transport encapsulation. */
  static int wirePacketBytes(int innerBytes, UnderlayFamily family, IcvLength icv) {
    int encrypted = roundUpToAlignment(innerBytes + TRAILER_BYTES);
    return family.headerBytes() + ESP_HEADER_BYTES + GCM_IV_BYTES + encrypted + icv.bytes();
  }

  private static EspOverhead overheadAt(
      int extMtu, int tunnelMtu, UnderlayFamily family, IcvLength icv) {
    int padding = roundUpToAlignment(tunnelMtu + TRAILER_BYTES) - tunnelMtu - TRAILER_BYTES;
    int slack = extMtu - wirePacketBytes(tunnelMtu, family, icv);
    return new EspOverhead(
        family.headerBytes(),
        ESP_HEADER_BYTES,
        GCM_IV_BYTES,
        padding,
        TRAILER_BYTES,
        icv.bytes(),
        slack);
  }

  private static int roundUpToAlignment(int bytes) {
    return -Math.floorDiv(-bytes, ALIGNMENT) * ALIGNMENT;
  }

  private static void checkRange(int extMtu, UnderlayFamily family) {
    if (extMtu < family.minimumMtu()) {
      throw new InvalidMtuInputException(
          extMtu, "is below the " + family.displayName() + " minimum of " + family.minimumMtu());
    }
    if (extMtu > MAX_MTU) {
      throw new InvalidMtuInputException(extMtu, "is above the maximum of " + MAX_MTU);
    }
  }

  private static List<String> notes(MtuRequest request) {
    List<String> notes = new ArrayList<>();
    notes.add(
        "aes-gcm-128 and aes-gcm-256 add the same overhead: RFC 4106 sends an 8-byte IV with"
            + " either key size, so the key size ("
            + request.cipher().keyBits()
            + " bits here) does not change the MTU.");
    notes.add(
        "Give the workload (veth) interfaces the same MTU as the tunnel: UCP/MKE's calico_mtu"
            + " does that; clusters installed by the Tigera operator set spec.calicoNetwork.mtu in"
            + " the Installation resource instead.");
    if (request.family() == UnderlayFamily.IPV6) {
      notes.add(
          "IPv6 underlay: Calico's IPIP mode and UCP/MKE need IPv4 node addresses; the figure is"
              + " the esp6 arithmetic (40-byte outer header) for an IPv4-in-IPv6 tunnel, and the"
              + " documented rule, written for IPv4, ignores the 20 extra header bytes.");
    }
    return notes;
  }
}
