package io.secureoverlay.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.BitSet;
import java.util.Collection;
import java.util.stream.IntStream;

/**
 * An immutable set of stable node indices, as the plan publishes which nodes are inbound-ready,
 * encrypting or enforcing for an epoch. In JSON it is the compact string of {@link NodeSetCodec},
 * so a set over 10,000 nodes costs at most about 1.7 kB of status however its members are
 * scattered.
 *
 * <p>Not a record: it wraps a {@link BitSet}, which is mutable, so the class copies on the way in
 * and never hands its own bits out.
 */
public final class NodeSet {

  /**
   * The largest stable node index: 2^22 - 1, the same limit as the sender index an SPI can carry,
   * so every index the plan hands out fits an SPI and a hostile set string cannot make a reader
   * allocate more than 512 KiB.
   */
  public static final int MAX_INDEX = (1 << 22) - 1;

  private static final NodeSet EMPTY = new NodeSet(new BitSet());

  private final BitSet bits;

  private NodeSet(BitSet bits) {
    this.bits = bits;
  }

  public static NodeSet empty() {
    return EMPTY;
  }

  public static NodeSet of(int... indices) {
    BitSet bits = new BitSet();
    for (int i : indices) {
      add(bits, i);
    }
    return bits.isEmpty() ? EMPTY : new NodeSet(bits);
  }

  /** A loop, not a stream: agents make these from a thousand peers after every pass. */
  public static NodeSet of(Collection<Integer> indices) {
    BitSet bits = new BitSet();
    for (int i : indices) {
      add(bits, i);
    }
    return bits.isEmpty() ? EMPTY : new NodeSet(bits);
  }

  /** Every index from {@code first} to {@code last}, both included. */
  public static NodeSet range(int first, int last) {
    checkIndex(first);
    checkIndex(last);
    if (first > last) {
      throw new IllegalArgumentException("range start " + first + " is above its end " + last);
    }
    BitSet bits = new BitSet(last + 1);
    bits.set(first, last + 1);
    return new NodeSet(bits);
  }

  /** Copies {@code bits}; every set bit must be a valid index. */
  static NodeSet copyOf(BitSet bits) {
    if (bits.length() > MAX_INDEX + 1) {
      throw new IllegalArgumentException(
          "node index " + (bits.length() - 1) + " is above the limit " + MAX_INDEX);
    }
    return bits.isEmpty() ? EMPTY : new NodeSet((BitSet) bits.clone());
  }

  private static void add(BitSet bits, int index) {
    checkIndex(index);
    bits.set(index);
  }

  private static void checkIndex(int index) {
    if (index < 0 || index > MAX_INDEX) {
      throw new IllegalArgumentException(
          "node index " + index + " is outside 0.." + MAX_INDEX + " (the stable index limit)");
    }
  }

  /** Parses the compact form; see {@link NodeSetCodec} for the grammar. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static NodeSet parse(String encoded) {
    return NodeSetCodec.decode(encoded);
  }

  /** The compact form, as it appears in status. */
  @JsonValue
  public String encoded() {
    return NodeSetCodec.encode(this);
  }

  public boolean contains(int index) {
    return index >= 0 && bits.get(index);
  }

  public boolean containsAll(NodeSet other) {
    BitSet missing = other.toBitSet();
    missing.andNot(bits);
    return missing.isEmpty();
  }

  public int size() {
    return bits.cardinality();
  }

  public boolean isEmpty() {
    return bits.isEmpty();
  }

  public NodeSet with(int index) {
    checkIndex(index);
    BitSet copy = toBitSet();
    copy.set(index);
    return new NodeSet(copy);
  }

  public NodeSet without(int index) {
    if (!contains(index)) {
      return this;
    }
    BitSet copy = toBitSet();
    copy.clear(index);
    return copyOf(copy);
  }

  public NodeSet union(NodeSet other) {
    BitSet copy = toBitSet();
    copy.or(other.bits);
    return copyOf(copy);
  }

  public NodeSet intersection(NodeSet other) {
    BitSet copy = toBitSet();
    copy.and(other.bits);
    return copyOf(copy);
  }

  public NodeSet minus(NodeSet other) {
    BitSet copy = toBitSet();
    copy.andNot(other.bits);
    return copyOf(copy);
  }

  /** The members in ascending order. */
  public IntStream stream() {
    return bits.stream();
  }

  /** A copy of the members as a bitmap. */
  BitSet toBitSet() {
    return (BitSet) bits.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NodeSet other && bits.equals(other.bits);
  }

  @Override
  public int hashCode() {
    return bits.hashCode();
  }

  @Override
  public String toString() {
    String ranges = NodeSetCodec.ranges(this);
    int limit = 120;
    return "NodeSet["
        + size()
        + (ranges.length() <= limit ? ": " + ranges : ": " + ranges.substring(0, limit) + "...")
        + "]";
  }
}
