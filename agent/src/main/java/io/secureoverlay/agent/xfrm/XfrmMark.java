package io.secureoverlay.agent.xfrm;

/**
 * XFRMA_MARK: an SA or policy with a mark matches only packets whose fwmark, masked, equals the
 * value. SecureOverlay does not mark its own entries (Calico owns the fwmark bits, and a mark would
 * stop unmarked pod traffic from matching); the type exists to read and address foreign entries.
 */
public record XfrmMark(int value, int mask) {

  @Override
  public String toString() {
    return String.format("XfrmMark[0x%x/0x%x]", value, mask);
  }
}
