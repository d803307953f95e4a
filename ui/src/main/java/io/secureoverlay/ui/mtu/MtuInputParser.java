package io.secureoverlay.ui.mtu;

import io.secureoverlay.mtu.EspMtuCalculator;
import io.secureoverlay.mtu.InvalidMtuInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the external-MTU field: one or more whole numbers separated by commas, spaces or
 * semicolons, one per node (e.g. {@code 1500, 1450 9000}). Range checks stay with the backend
 * calculator, which knows the family's minimum.
 */
public final class MtuInputParser {

  private static final Pattern SEPARATORS = Pattern.compile("[,;\\s]+");
  private static final int MAX_VALUES = 10_000;

  private MtuInputParser() {}

  /**
   * @throws InvalidMtuInputException with a message for the field when the text is empty or holds
   *     something other than whole numbers
   */
  public static List<Integer> parse(String text) {
    String trimmed = text == null ? "" : text.strip();
    if (trimmed.isEmpty()) {
      throw new InvalidMtuInputException(null, "enter at least one external MTU");
    }
    String[] tokens = SEPARATORS.split(trimmed);
    if (tokens.length > MAX_VALUES) {
      throw new InvalidMtuInputException(
          null, "enter at most " + MAX_VALUES + " external MTUs (one per node)");
    }
    List<Integer> values = new ArrayList<>(tokens.length);
    for (String token : tokens) {
      if (token.isEmpty()) {
        continue;
      }
      if (!token.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw new InvalidMtuInputException(
            null, "'" + abbreviate(token) + "' is not an MTU: enter whole numbers of bytes");
      }
      if (token.length() > 9) {
        throw new InvalidMtuInputException(
            null, abbreviate(token) + " is above the maximum of " + EspMtuCalculator.MAX_MTU);
      }
      values.add(Integer.parseInt(token));
    }
    if (values.isEmpty()) {
      throw new InvalidMtuInputException(null, "enter at least one external MTU");
    }
    return values;
  }

  private static String abbreviate(String token) {
    return token.length() <= 12 ? token : token.substring(0, 12) + "\u2026";
  }
}
