package io.secureoverlay.agent.dataplane;

import java.util.Objects;

/**
 * What became of one simulated packet: delivered in plaintext, delivered through ESP, or dropped,
 * with the {@code /proc/net/xfrm_stat} counter the kernel would have raised.
 */
public record Delivery(Outcome outcome, String dropReason) {

  public enum Outcome {
    PLAINTEXT,
    ENCRYPTED,
    DROPPED
  }

  public static final Delivery PLAINTEXT = new Delivery(Outcome.PLAINTEXT, "");
  public static final Delivery ENCRYPTED = new Delivery(Outcome.ENCRYPTED, "");

  public Delivery {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(dropReason, "dropReason");
  }

  public static Delivery dropped(String reason) {
    return new Delivery(Outcome.DROPPED, reason);
  }

  public boolean delivered() {
    return outcome != Outcome.DROPPED;
  }
}
