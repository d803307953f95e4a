package io.secureoverlay.master;

import io.secureoverlay.model.Cipher;
import io.secureoverlay.model.IcvLength;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/** A change the plan engine asks of the keys Secret; the runtime carries it out. */
public sealed interface KeyChange {

  /**
   * Add a fresh random secret for {@code epoch}. If the Secret holds no epoch, it is (re)written
   * with this cipher and ICV length; otherwise they must match the Secret's.
   */
  record CreateEpoch(long epoch, Cipher cipher, IcvLength icv) implements KeyChange {}

  /** Remove these epochs' secrets; absent ones are ignored. */
  record DropEpochs(SortedSet<Long> epochs) implements KeyChange {
    public DropEpochs {
      epochs = Collections.unmodifiableSortedSet(new TreeSet<>(epochs));
    }
  }
}
