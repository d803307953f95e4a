package io.secureoverlay.spi;

/**
 * SPIs from (epoch slot, sender's stable node index), unique per receiving node across every epoch
 * that can be live at once. No hashing, so no collisions; no state, so every node computes the same
 * SPI for the same sender and epoch and the sender's outbound SA matches the receiver's inbound SA.
 *
 * <p>Bit layout of the 32-bit SPI (network order on the wire):
 *
 * <pre>
 *   31       24 23  22 21                                  0
 *  +-----------+------+-------------------------------------+
 *  | 0x5E      | slot | sender node index (22 bits)         |
 *  +-----------+------+-------------------------------------+
 * </pre>
 *
 * <ul>
 *   <li><b>Prefix {@code 0x5E}</b> marks the SPI as SecureOverlay's, so the agent can tell its own
 *       SAs from foreign ones at a glance. It also keeps every SPI at or above {@code 0x5E000000}:
 *       never in the reserved range 0-255, and positive as a Java {@code int}. It stays clear of
 *       strongSwan's default SPI range ({@code 0xc0000000-0xcfffffff}). It is a first filter only:
 *       a random foreign SPI can still carry the prefix (1 in 256), so ownership of an SA is
 *       confirmed by its mark/reqid as well.
 *   <li><b>Slot</b> = {@code epoch mod} {@value #LIVE_EPOCH_SLOTS}. The design has at most three
 *       epochs live at once on a node (retiring k-1, current k, next k+1); any {@value
 *       #LIVE_EPOCH_SLOTS} consecutive epochs have distinct slots, so this leaves one epoch of
 *       margin for a retiring epoch whose SAs are deleted late. The master must not install epoch
 *       k+{@value #LIVE_EPOCH_SLOTS} anywhere while epoch k still has SAs installed.
 *   <li><b>Sender index</b>: the sender's stable node index from the plan, 0..{@value
 *       #MAX_NODE_INDEX} (about 4.2 million, far above Kubernetes' 5,000-node limit, so indices can
 *       be handed out without reuse for a long time). At the limit {@link #spiFor} refuses with an
 *       {@link IllegalArgumentException}; the master's index table must refuse to admit a node
 *       whose index would exceed {@value #MAX_NODE_INDEX} (reuse a freed index first) rather than
 *       wrap.
 * </ul>
 *
 * <p>Uniqueness: a receiving node's inbound SAs are keyed by (its own address, SPI, ESP); within
 * one slot the sender index differs, across live epochs the slot differs. Outbound SAs toward
 * different peers may share an SPI value: their destination addresses differ, so the kernel keeps
 * them apart.
 */
public final class SpiAllocator {

  /** How many epochs may be live at once without SPI collisions (k-1, k, k+1, plus one spare). */
  public static final int LIVE_EPOCH_SLOTS = 4;

  /** The largest sender node index an SPI can carry: 2^22 - 1. */
  public static final int MAX_NODE_INDEX = (1 << 22) - 1;

  /** The fixed high byte that marks an SPI as ours. */
  public static final int PREFIX = 0x5E;

  /** The smallest SPI this allocator ever returns; every SPI of ours is >= this and >= 256. */
  public static final int MIN_SPI = PREFIX << 24;

  private static final int INDEX_BITS = 22;
  private static final int SLOT_MASK = LIVE_EPOCH_SLOTS - 1;

  public SpiAllocator() {}

  /** The slot an epoch's SPIs use: {@code epoch mod LIVE_EPOCH_SLOTS}. */
  public int slotOf(long epoch) {
    if (epoch < 0) {
      throw new IllegalArgumentException("epoch must be >= 0, was " + epoch);
    }
    return (int) (epoch % LIVE_EPOCH_SLOTS);
  }

  /**
   * The SPI of the SA that carries traffic from the sender with {@code senderIndex} in {@code
   * epoch}, as every receiving node installs it.
   *
   * @throws IllegalArgumentException if {@code epoch} is negative or {@code senderIndex} is outside
   *     0..{@value #MAX_NODE_INDEX}; the message names the value
   */
  public int spiFor(long epoch, int senderIndex) {
    int slot = slotOf(epoch);
    if (senderIndex < 0 || senderIndex > MAX_NODE_INDEX) {
      throw new IllegalArgumentException(
          "senderIndex must be in 0.." + MAX_NODE_INDEX + ", was " + senderIndex);
    }
    return MIN_SPI | (slot << INDEX_BITS) | senderIndex;
  }

  /**
   * The slot and sender an SPI of ours was made from.
   *
   * @throws IllegalArgumentException if the SPI does not carry our prefix
   */
  public SpiOwner decode(int spi) {
    if (!isOurs(spi)) {
      throw new IllegalArgumentException(
          "SPI 0x" + hex(spi) + " is not a SecureOverlay SPI: high byte is not 0x5e");
    }
    return new SpiOwner((spi >>> INDEX_BITS) & SLOT_MASK, spi & MAX_NODE_INDEX);
  }

  /** True if the SPI carries our prefix (see the class comment for why that is a first filter). */
  public boolean isOurs(int spi) {
    return (spi >>> 24) == PREFIX;
  }

  private static String hex(int spi) {
    return String.format("%08x", spi);
  }
}
