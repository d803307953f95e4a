package io.secureoverlay.ui.mtu;

import io.secureoverlay.mtu.MtuResult;

/**
 * Whether the documented UCP rule is safe for a result, in plain words.
 *
 * @param fragments true when packets of the documented size do not fit the external MTU
 * @param headline one short sentence
 * @param explanation what happens to packets and what to configure instead
 */
public record MtuVerdict(boolean fragments, String headline, String explanation) {

  public static MtuVerdict of(MtuResult result) {
    int exact = result.exactTunnelMtu();
    int documented = result.documentedTunnelMtu();
    if (result.documentedFragments()) {
      return new MtuVerdict(
          true,
          "The documented rule's "
              + documented
              + " is "
              + bytes(result.documentedExcessBytes())
              + " too big: those packets fragment or are dropped.",
          "A full-size "
              + documented
              + "-byte packet becomes "
              + result.documentedWireBytes()
              + " bytes on the wire after ESP, "
              + bytes(result.documentedWireOverflowBytes())
              + " more than the external MTU of "
              + result.extMtu()
              + ". It is split into two fragments, or dropped where the don't-fragment bit is"
              + " set (TCP path-MTU discovery sets it). Configure "
              + exact
              + " instead.");
    }
    if (documented < exact) {
      return new MtuVerdict(
          false,
          "The documented rule's " + documented + " is safe here.",
          "It fits, but gives away "
              + bytes(exact - documented)
              + " per packet compared with the exact "
              + exact
              + ".");
    }
    return new MtuVerdict(
        false,
        "The documented rule gives the exact figure here.",
        "Both give " + exact + "; every packet of that size fits.");
  }

  private static String bytes(int count) {
    return count == 1 ? "1 byte" : count + " bytes";
  }
}
