package io.secureoverlay.ui.browser;

import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Looks for key material in text: each secret as hex (any case), as standard and URL-safe base64,
 * and every 8-byte run of it as hex, so that a key printed in part (a "prefix for debugging") is
 * found too. What it finds is named by a label, never by the bytes.
 */
final class KeyByteScan {

  /** Shortest run of key bytes treated as a leak. */
  static final int WINDOW_BYTES = 8;

  private final Set<Needle> needles = new LinkedHashSet<>();

  private record Needle(String label, String text) {}

  /** Adds one secret (the caller zeroes its array afterwards). */
  void add(String label, byte[] secret) {
    String hex = HexFormat.of().formatHex(secret);
    needles.add(new Needle(label + " (hex)", hex));
    for (int i = 0; i + WINDOW_BYTES <= secret.length; i++) {
      needles.add(
          new Needle(
              label + " (bytes " + i + ".." + (i + WINDOW_BYTES - 1) + ", hex)",
              hex.substring(2 * i, 2 * (i + WINDOW_BYTES))));
    }
    addCaseSensitive(label + " (base64)", Base64.getEncoder().encodeToString(secret));
    addCaseSensitive(
        label + " (base64url)", Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
  }

  private void addCaseSensitive(String label, String text) {
    needles.add(new Needle(label, text));
  }

  int size() {
    return needles.size();
  }

  /** The label of the first needle found in {@code haystack}, if any. */
  Optional<String> firstFound(String haystack) {
    String lower = haystack.toLowerCase(Locale.ROOT);
    for (Needle needle : needles) {
      boolean hexNeedle = needle.label().endsWith(", hex)") || needle.label().endsWith("(hex)");
      boolean found = hexNeedle ? lower.contains(needle.text()) : haystack.contains(needle.text());
      if (found) {
        return Optional.of(needle.label());
      }
    }
    return Optional.empty();
  }
}
