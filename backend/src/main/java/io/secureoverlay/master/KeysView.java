package io.secureoverlay.master;

import io.secureoverlay.model.Cipher;
import io.secureoverlay.model.IcvLength;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the plan engine may know of the keys Secret: never key bytes, only whether it can be read,
 * its cipher and ICV length, and its epoch numbers with their fingerprints.
 */
public sealed interface KeysView {

  /** The Secret does not exist. */
  record Absent() implements KeysView {}

  /**
   * The Secret decoded cleanly.
   *
   * @param fingerprints epoch number to {@link
   *     io.secureoverlay.crypto.KeyFingerprints#ofEpochSecret}
   */
  record Present(Cipher cipher, IcvLength icv, SortedMap<Long, String> fingerprints)
      implements KeysView {
    public Present {
      Objects.requireNonNull(cipher, "cipher");
      Objects.requireNonNull(icv, "icv");
      fingerprints = Collections.unmodifiableSortedMap(new TreeMap<>(fingerprints));
    }

    public boolean has(long epoch) {
      return fingerprints.containsKey(epoch);
    }
  }

  /**
   * The Secret exists but {@link io.secureoverlay.protocol.KeysSecretCodec} refused it.
   *
   * @param field the offending field, e.g. {@code data.epoch-42}
   * @param problem what is wrong with it; never key material
   */
  record Malformed(String field, String problem) implements KeysView {}

  static KeysView absent() {
    return new Absent();
  }
}
