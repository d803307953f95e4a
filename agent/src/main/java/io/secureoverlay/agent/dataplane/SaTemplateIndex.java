package io.secureoverlay.agent.dataplane;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Finds the SA an outbound template resolves to, as the kernel's {@code xfrm_state_find} does for
 * transport mode: same destination, source, protocol, mode and reqid. Several may match (an SA
 * being replaced); the newest wins, as the kernel prefers the latest added. One probe sequence per
 * packet.
 *
 * <p>An open-addressing table of the SAs themselves (linear probing, at most half full), not a
 * {@code HashMap}: a thousand-node sandbox indexes millions of SAs, and a key object and a map node
 * per SA were a tenth of its live heap, promoted and copied by the collector with every new epoch.
 */
final class SaTemplateIndex {

  private static final int MIN_CAPACITY = 16;

  /**
   * Per template in use, a lone SA or, while one replaces another, a list of them (oldest first):
   * almost every template resolves to one SA. Null marks a free slot.
   */
  private Object[] slots = new Object[MIN_CAPACITY];

  /**
   * The template hash of each occupied slot's SAs: a probe compares it before it reaches into an
   * SA, and moving or rehashing entries needs no SA at all (each one a cache miss at a thousand
   * nodes).
   */
  private int[] hashes = new int[MIN_CAPACITY];

  private int used;

  void add(SimulatedSa sa) {
    int hash = homeOf(sa);
    int slot = slotOf(hash, sa);
    Object entry = slots[slot];
    if (entry == null) {
      slots[slot] = sa;
      hashes[slot] = hash;
      if (++used * 2 > slots.length) {
        rehash(slots.length * 2);
      }
    } else if (entry instanceof SimulatedSa lone) {
      List<SimulatedSa> list = new ArrayList<>(2);
      list.add(lone);
      list.add(sa);
      slots[slot] = list;
    } else {
      listAt(slot).add(sa);
    }
  }

  void remove(SimulatedSa sa) {
    int slot = slotOf(homeOf(sa), sa);
    Object entry = slots[slot];
    if (entry == sa) {
      vacate(slot);
      used--;
      if (slots.length > MIN_CAPACITY && used * 8 < slots.length) {
        rehash(slots.length / 2);
      }
    } else if (entry instanceof List<?>) {
      List<SimulatedSa> list = listAt(slot);
      list.remove(sa);
      if (list.size() == 1) {
        slots[slot] = list.get(0);
      }
    }
  }

  /** The SA for a packet from {@code source} to {@code destination} under {@code template}. */
  SimulatedSa resolve(InetAddress destination, InetAddress source, PolicyTemplate template) {
    IpsecProtocol protocol = template.protocol();
    IpsecMode mode = template.mode();
    int reqid = template.reqid();
    int hash = hash(destination, source, protocol, mode, reqid);
    Object entry = slots[slotOf(hash, destination, source, protocol, mode, reqid)];
    if (entry instanceof List<?>) {
      List<?> list = (List<?>) entry;
      return (SimulatedSa) list.get(list.size() - 1);
    }
    return (SimulatedSa) entry;
  }

  /** How many distinct templates have an SA; for tests. */
  int templates() {
    return used;
  }

  /** The slot holding the SAs of {@code sa}'s template, or the free slot where they would go. */
  private int slotOf(int hash, SimulatedSa sa) {
    return slotOf(
        hash, sa.id().destination(), sa.source(), sa.id().protocol(), sa.mode(), sa.reqid());
  }

  /**
   * The slot holding the SAs of this template, or the free slot where they would go: the probe
   * sequence from the template's home slot ends at the first slot that is free or holds it.
   */
  private int slotOf(
      int hash,
      InetAddress destination,
      InetAddress source,
      IpsecProtocol protocol,
      IpsecMode mode,
      int reqid) {
    int mask = slots.length - 1;
    int slot = hash & mask;
    while (slots[slot] != null
        && (hashes[slot] != hash
            || !sameTemplate(first(slots[slot]), destination, source, protocol, mode, reqid))) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  /**
   * Frees {@code hole} and moves later entries of its probe run back into it where their own probe
   * sequence passes it, so that every probe sequence still ends at its entry (backward-shift
   * deletion: no tombstones, lookups never slow down with churn).
   */
  private void vacate(int hole) {
    int mask = slots.length - 1;
    slots[hole] = null;
    for (int i = (hole + 1) & mask; slots[i] != null; i = (i + 1) & mask) {
      int home = hashes[i] & mask;
      if (((i - home) & mask) >= ((i - hole) & mask)) {
        slots[hole] = slots[i];
        hashes[hole] = hashes[i];
        slots[i] = null;
        hole = i;
      }
    }
  }

  private void rehash(int capacity) {
    Object[] old = slots;
    int[] oldHashes = hashes;
    slots = new Object[capacity];
    hashes = new int[capacity];
    int mask = capacity - 1;
    for (int i = 0; i < old.length; i++) {
      if (old[i] != null) {
        int slot = oldHashes[i] & mask;
        while (slots[slot] != null) {
          slot = (slot + 1) & mask;
        }
        slots[slot] = old[i];
        hashes[slot] = oldHashes[i];
      }
    }
  }

  @SuppressWarnings("unchecked")
  private List<SimulatedSa> listAt(int slot) {
    return (List<SimulatedSa>) slots[slot];
  }

  private static SimulatedSa first(Object entry) {
    return entry instanceof SimulatedSa sa ? sa : (SimulatedSa) ((List<?>) entry).get(0);
  }

  private static boolean sameTemplate(
      SimulatedSa sa,
      InetAddress destination,
      InetAddress source,
      IpsecProtocol protocol,
      IpsecMode mode,
      int reqid) {
    return sa.reqid() == reqid
        && sa.mode() == mode
        && sa.id().protocol() == protocol
        // Objects.equals looks at identity first: shared address objects are the common case.
        && Objects.equals(sa.id().destination(), destination)
        && Objects.equals(sa.source(), source);
  }

  private static int homeOf(SimulatedSa sa) {
    return hash(sa.id().destination(), sa.source(), sa.id().protocol(), sa.mode(), sa.reqid());
  }

  /** Mixed (see {@link HashMix}): the low bits pick the slot. */
  private static int hash(
      InetAddress destination,
      InetAddress source,
      IpsecProtocol protocol,
      IpsecMode mode,
      int reqid) {
    int shape = reqid * 16 + protocol.ordinal() * 4 + mode.ordinal();
    return HashMix.of(HashMix.of(destination.hashCode(), source.hashCode()), shape);
  }
}
