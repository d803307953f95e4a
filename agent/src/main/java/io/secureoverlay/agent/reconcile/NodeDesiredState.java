package io.secureoverlay.agent.reconcile;

import io.secureoverlay.agent.collect.CompactOrderedMap;
import io.secureoverlay.agent.dataplane.SaLifetimes;
import io.secureoverlay.crypto.EpochSecretGenerator;
import io.secureoverlay.crypto.SecretBytes;
import io.secureoverlay.model.Cipher;
import io.secureoverlay.model.IcvLength;
import io.secureoverlay.spi.SpiAllocator;
import java.net.InetAddress;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything one node's data plane should hold, whatever the source (static file or the master's
 * plan): self, the ESP parameters, the live epoch secrets and, per peer, which epochs come in,
 * which epoch goes out and whether plaintext is refused. Validated on construction so a bad input
 * is refused before anything is changed. Owns the epoch secrets: {@link #close()} zeroes them.
 */
public record NodeDesiredState(
    NodeRef self,
    Cipher cipher,
    IcvLength icv,
    SaLifetimes lifetimes,
    SortedMap<Long, SecretBytes> epochSecrets,
    List<PeerPlan> peers)
    implements AutoCloseable {

  /**
   * ESP without extended sequence numbers has a 32-bit counter; the kernel refuses to wrap it. The
   * hard limit stops short of 2^32 packets, the soft one leaves time to rotate.
   */
  public static final SaLifetimes DEFAULT_LIFETIMES =
      new SaLifetimes(SaLifetimes.UNLIMITED, SaLifetimes.UNLIMITED, 3_000_000_000L, 4_000_000_000L);

  public NodeDesiredState {
    Objects.requireNonNull(self, "self");
    Objects.requireNonNull(cipher, "cipher");
    Objects.requireNonNull(icv, "icv");
    Objects.requireNonNull(lifetimes, "lifetimes");
    epochSecrets = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(epochSecrets));
    peers = List.copyOf(peers);
    validate(self, epochSecrets, peers);
  }

  public PeerPlan peer(String name) {
    return peers.stream()
        .filter(p -> p.peer().name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no peer named " + name));
  }

  /** Zeroes the epoch secrets. */
  @Override
  public void close() {
    epochSecrets.values().forEach(SecretBytes::close);
  }

  private static void validate(NodeRef self, Map<Long, SecretBytes> secrets, List<PeerPlan> peers) {
    Map<Integer, Long> slots = new HashMap<>();
    for (Map.Entry<Long, SecretBytes> e : secrets.entrySet()) {
      long epoch = e.getKey();
      if (epoch < 0) {
        throw new IllegalArgumentException("epoch " + epoch + " is negative");
      }
      if (e.getValue().length() != EpochSecretGenerator.EPOCH_SECRET_BYTES) {
        throw new IllegalArgumentException(
            "epoch "
                + epoch
                + ": secret is "
                + e.getValue().length()
                + " bytes, expected "
                + EpochSecretGenerator.EPOCH_SECRET_BYTES);
      }
      Long clash = slots.put((int) (epoch % SpiAllocator.LIVE_EPOCH_SLOTS), epoch);
      if (clash != null) {
        throw new IllegalArgumentException(
            "epochs "
                + clash
                + " and "
                + epoch
                + " share an SPI slot: at most "
                + SpiAllocator.LIVE_EPOCH_SLOTS
                + " consecutive epochs may be live");
      }
    }
    // A bit set, not a set of boxed indices: this runs on every pass, once per peer.
    BitSet indices = new BitSet();
    indices.set(self.index());
    // Compact tables, not hash sets: two thousand entry objects a pass on a thousand-peer node.
    CompactOrderedMap<InetAddress, NodeRef> addresses = new CompactOrderedMap<>(peers.size() + 1);
    addresses.put(self.underlay(), self);
    CompactOrderedMap<String, NodeRef> names = new CompactOrderedMap<>(peers.size() + 1);
    names.put(self.name(), self);
    for (PeerPlan p : peers) {
      NodeRef n = p.peer();
      if (indices.get(n.index())) {
        throw new IllegalArgumentException("peer " + n.name() + ": index " + n.index() + " taken");
      }
      indices.set(n.index());
      if (addresses.put(n.underlay(), n) != null) {
        throw new IllegalArgumentException(
            "peer " + n.name() + ": underlay " + n.underlay().getHostAddress() + " taken");
      }
      if (names.put(n.name(), n) != null) {
        throw new IllegalArgumentException("peer name " + n.name() + " appears twice");
      }
      for (long epoch : p.inboundEpochs()) {
        requireSecret(secrets, epoch, n, "inbound");
      }
      if (p.outboundEpoch().isPresent()) {
        requireSecret(secrets, p.outboundEpoch().getAsLong(), n, "outbound");
      }
    }
  }

  private static void requireSecret(
      Map<Long, SecretBytes> secrets, long epoch, NodeRef peer, String direction) {
    if (!secrets.containsKey(epoch)) {
      throw new IllegalArgumentException(
          "peer " + peer.name() + ": " + direction + " epoch " + epoch + " has no secret");
    }
  }
}
