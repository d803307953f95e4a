package io.secureoverlay.ui.mtu;

import java.util.OptionalInt;

/**
 * The tunnel MTU the cluster runs with, against the calculated limit.
 *
 * @param state where the configured figure stands
 * @param text one sentence for the operator
 */
public record ConfiguredMtuCheck(State state, String text) {

  public enum State {
    NOT_REPORTED,
    ABOVE_LIMIT,
    AT_LIMIT,
    BELOW_LIMIT
  }

  public static ConfiguredMtuCheck of(OptionalInt configured, int limit) {
    if (configured.isEmpty()) {
      return new ConfiguredMtuCheck(
          State.NOT_REPORTED,
          "Not reported yet: no agent has reported the tunnel MTU this cluster runs with.");
    }
    int mtu = configured.getAsInt();
    if (mtu > limit) {
      return new ConfiguredMtuCheck(
          State.ABOVE_LIMIT,
          mtu
              + " is "
              + (mtu - limit)
              + " bytes above the limit of "
              + limit
              + ": full-size packets will fragment or be dropped once encryption is on.");
    }
    if (mtu == limit) {
      return new ConfiguredMtuCheck(
          State.AT_LIMIT, mtu + " is exactly the limit: the largest packets just fit.");
    }
    return new ConfiguredMtuCheck(
        State.BELOW_LIMIT,
        mtu + " fits: " + (limit - mtu) + " bytes below the limit of " + limit + ".");
  }
}
