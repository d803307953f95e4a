package io.secureoverlay.protocol;

import io.secureoverlay.model.Cipher;
import io.secureoverlay.model.IcvLength;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a {@link SecureOverlaySpec} before the master acts on it. Pure: it reports every problem
 * it finds, each naming its field, and changes nothing. An empty list means the spec is usable.
 */
public final class SpecValidator {

  /** Shorter intervals would keep the cluster in transition most of the time. */
  public static final Duration MIN_ROTATION_INTERVAL = Duration.ofMinutes(5);

  /** Packets already queued with the old epoch need a moment to arrive before its SAs go. */
  public static final Duration MIN_RETIRE_GRACE_PERIOD = Duration.ofSeconds(10);

  /** An agent needs a few seconds to program its SAs and write its status. */
  public static final Duration MIN_ACK_TIMEOUT = Duration.ofSeconds(10);

  /** The minimum datagram size every IPv4 host must accept (RFC 791). */
  public static final int MIN_TUNNEL_MTU = 576;

  /** The common jumbo-frame size; a tunnel cannot be larger than the link beneath it. */
  public static final int MAX_TUNNEL_MTU = 9000;

  public static final int MAX_ROTATE_NOW_TOKEN_LENGTH = 128;

  private static final int MAX_ECHO = 32;
  private static final int MAX_NODE_NAME = 253;
  private static final Pattern NODE_NAME =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  public List<SpecProblem> validate(SecureOverlaySpec spec) {
    if (spec == null) {
      return List.of(new SpecProblem("spec", "missing"));
    }
    List<SpecProblem> problems = new ArrayList<>();
    requirePresent(problems, "spec.enabled", spec.getEnabled());
    requirePresent(problems, "spec.enforce", spec.getEnforce());
    checkCipher(problems, spec.getCipher());
    checkIcv(problems, spec.getIcvBits());
    Duration interval =
        checkDuration(
            problems, "spec.rotationInterval", spec.getRotationInterval(), MIN_ROTATION_INTERVAL);
    Duration grace =
        checkDuration(
            problems,
            "spec.retireGracePeriod",
            spec.getRetireGracePeriod(),
            MIN_RETIRE_GRACE_PERIOD);
    if (interval != null && grace != null && grace.compareTo(interval) >= 0) {
      problems.add(
          new SpecProblem(
              "spec.retireGracePeriod",
              "must be shorter than spec.rotationInterval ("
                  + spec.getRotationInterval()
                  + "), or retired epochs pile up"));
    }
    checkDuration(problems, "spec.ackTimeout", spec.getAckTimeout(), MIN_ACK_TIMEOUT);
    checkMtu(problems, spec.getMtu());
    checkToken(problems, spec.getRotateNowToken());
    checkExcludeNodes(problems, spec.getExcludeNodes());
    return List.copyOf(problems);
  }

  private static void requirePresent(List<SpecProblem> problems, String field, Boolean value) {
    if (value == null) {
      problems.add(new SpecProblem(field, "missing: expected true or false"));
    }
  }

  private static void checkCipher(List<SpecProblem> problems, String cipher) {
    String field = "spec.cipher";
    if (cipher == null) {
      problems.add(new SpecProblem(field, "missing: expected " + AllowedValues.ciphers()));
    } else if (cipher.length() > MAX_ECHO) {
      problems.add(
          new SpecProblem(
              field, "longer than any cipher name: expected " + AllowedValues.ciphers()));
    } else {
      try {
        Cipher.fromId(cipher);
      } catch (IllegalArgumentException e) {
        problems.add(new SpecProblem(field, e.getMessage()));
      }
    }
  }

  private static void checkIcv(List<SpecProblem> problems, Integer icvBits) {
    if (icvBits == null) {
      problems.add(new SpecProblem("spec.icvBits", "missing: expected " + AllowedValues.icvBits()));
      return;
    }
    try {
      IcvLength.fromBits(icvBits);
    } catch (IllegalArgumentException e) {
      problems.add(new SpecProblem("spec.icvBits", e.getMessage()));
    }
  }

  /** The parsed duration, or {@code null} after recording why it is unusable. */
  private static Duration checkDuration(
      List<SpecProblem> problems, String field, String text, Duration minimum) {
    Duration value;
    try {
      value = DurationParser.parse(text);
    } catch (IllegalArgumentException e) {
      problems.add(new SpecProblem(field, e.getMessage()));
      return null;
    }
    if (value.isZero()) {
      problems.add(new SpecProblem(field, "'" + text + "' is zero: durations must be positive"));
      return null;
    }
    if (value.compareTo(minimum) < 0) {
      problems.add(
          new SpecProblem(
              field,
              "'" + text + "' is too short: the minimum is " + DurationParser.format(minimum)));
      return null;
    }
    return value;
  }

  private static void checkMtu(List<SpecProblem> problems, MtuSpec mtu) {
    if (mtu == null) {
      return;
    }
    Integer tunnelMtu = mtu.tunnelMtu();
    if (tunnelMtu != null && (tunnelMtu < MIN_TUNNEL_MTU || tunnelMtu > MAX_TUNNEL_MTU)) {
      problems.add(
          new SpecProblem(
              "spec.mtu.tunnelMtu",
              tunnelMtu + " is outside " + MIN_TUNNEL_MTU + ".." + MAX_TUNNEL_MTU + " bytes"));
    }
    if (tunnelMtu != null && mtu.autoDetectEnabled()) {
      problems.add(
          new SpecProblem(
              "spec.mtu", "set either tunnelMtu or autoDetect, not both: they contradict"));
    }
  }

  private static void checkToken(List<SpecProblem> problems, String token) {
    if (token != null && token.length() > MAX_ROTATE_NOW_TOKEN_LENGTH) {
      problems.add(
          new SpecProblem(
              "spec.rotateNowToken", "longer than " + MAX_ROTATE_NOW_TOKEN_LENGTH + " characters"));
    }
  }

  private static void checkExcludeNodes(List<SpecProblem> problems, List<String> names) {
    if (names == null) {
      return;
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < names.size(); i++) {
      String field = "spec.excludeNodes[" + i + "]";
      String name = names.get(i);
      if (name == null || name.isEmpty()) {
        problems.add(new SpecProblem(field, "empty: expected a node name"));
      } else if (name.length() > MAX_NODE_NAME) {
        problems.add(
            new SpecProblem(
                field, "longer than " + MAX_NODE_NAME + " characters: not a node name"));
      } else if (!NODE_NAME.matcher(name).matches()) {
        problems.add(
            new SpecProblem(
                field,
                "'"
                    + name
                    + "' is not a node name: expected lowercase letters, digits, '-' and '.'"));
      } else if (!seen.add(name)) {
        problems.add(new SpecProblem(field, "'" + name + "' is listed twice"));
      }
    }
  }
}
