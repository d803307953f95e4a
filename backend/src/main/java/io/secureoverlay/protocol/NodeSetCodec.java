package io.secureoverlay.protocol;

import java.util.Base64;
import java.util.BitSet;

/**
 * The string form of a {@link NodeSet} in status. Two encodings, the shorter one wins:
 *
 * <ul>
 *   <li><b>Ranges</b> (preferred on a tie, because people read it in {@code kubectl get -o yaml}):
 *       ascending, non-overlapping items separated by commas, each an index or {@code first-last},
 *       e.g. {@code 0-99,101,200-299}. The empty set is the empty string.
 *   <li><b>Bitmap</b>: {@code b64:} followed by standard base64 of the little-endian bitmap (bit
 *       {@code i} is bit {@code i % 8} of byte {@code i / 8}), as {@link BitSet#toByteArray()}
 *       writes it. At 10,000 nodes it is at most 1,672 characters, whatever the pattern.
 * </ul>
 *
 * <p>Decoding is strict: indices are decimal without sign or leading zeros, items must ascend, and
 * nothing above {@link NodeSet#MAX_INDEX} is accepted. Errors are {@link IllegalArgumentException}s
 * that say which item is wrong.
 */
public final class NodeSetCodec {

  /** Marks the bitmap encoding. */
  public static final String BITMAP_PREFIX = "b64:";

  private static final int MAX_BITMAP_BYTES = (NodeSet.MAX_INDEX + 1) / 8;
  private static final int MAX_INDEX_DIGITS = Integer.toString(NodeSet.MAX_INDEX).length();
  private static final int MAX_ECHO = 24;

  private NodeSetCodec() {}

  public static String encode(NodeSet set) {
    String ranges = ranges(set);
    String bitmap =
        BITMAP_PREFIX + Base64.getEncoder().encodeToString(set.toBitSet().toByteArray());
    return bitmap.length() < ranges.length() ? bitmap : ranges;
  }

  /** The range encoding alone, e.g. {@code 0-99,101}. */
  public static String ranges(NodeSet set) {
    BitSet bits = set.toBitSet();
    StringBuilder out = new StringBuilder();
    for (int first = bits.nextSetBit(0); first >= 0; ) {
      int last = bits.nextClearBit(first) - 1;
      if (!out.isEmpty()) {
        out.append(',');
      }
      out.append(first);
      if (last > first) {
        out.append('-').append(last);
      }
      first = bits.nextSetBit(last + 1);
    }
    return out.toString();
  }

  public static NodeSet decode(String encoded) {
    if (encoded == null) {
      throw new IllegalArgumentException("node set is null: expected a string such as '0-9,12'");
    }
    if (encoded.startsWith(BITMAP_PREFIX)) {
      return decodeBitmap(encoded.substring(BITMAP_PREFIX.length()));
    }
    return decodeRanges(encoded);
  }

  private static NodeSet decodeBitmap(String base64) {
    if (base64.length() > (MAX_BITMAP_BYTES + 2) / 3 * 4) {
      throw new IllegalArgumentException(
          "node set bitmap is longer than the index limit " + NodeSet.MAX_INDEX + " allows");
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "node set bitmap after '" + BITMAP_PREFIX + "' is not valid base64");
    }
    return NodeSet.copyOf(BitSet.valueOf(bytes));
  }

  private static NodeSet decodeRanges(String encoded) {
    if (encoded.isEmpty()) {
      return NodeSet.empty();
    }
    BitSet bits = new BitSet();
    String[] items = encoded.split(",", -1);
    int previousLast = -1;
    for (int i = 0; i < items.length; i++) {
      String item = items[i];
      int dash = item.indexOf('-');
      int first = parseIndex(item, dash < 0 ? item : item.substring(0, dash), i);
      int last = dash < 0 ? first : parseIndex(item, item.substring(dash + 1), i);
      if (last < first) {
        throw itemError(i, item, "range start is above its end");
      }
      if (first <= previousLast) {
        throw itemError(i, item, "items must ascend without overlapping");
      }
      bits.set(first, last + 1);
      previousLast = last;
    }
    return NodeSet.copyOf(bits);
  }

  private static int parseIndex(String item, String digits, int position) {
    boolean wellFormed =
        !digits.isEmpty()
            && digits.length() <= MAX_INDEX_DIGITS
            && digits.chars().allMatch(c -> c >= '0' && c <= '9')
            && (digits.length() == 1 || digits.charAt(0) != '0');
    if (!wellFormed) {
      throw itemError(
          position, item, "expected an index or first-last, in decimal without leading zeros");
    }
    int index = Integer.parseInt(digits);
    if (index > NodeSet.MAX_INDEX) {
      throw itemError(position, item, "index is above the limit " + NodeSet.MAX_INDEX);
    }
    return index;
  }

  private static IllegalArgumentException itemError(int position, String item, String problem) {
    String shown = item.length() <= MAX_ECHO ? item : item.substring(0, MAX_ECHO) + "...";
    return new IllegalArgumentException(
        "node set item " + (position + 1) + " '" + shown + "': " + problem);
  }
}
