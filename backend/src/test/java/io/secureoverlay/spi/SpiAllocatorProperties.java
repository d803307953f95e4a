package io.secureoverlay.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

class SpiAllocatorProperties {

  private static final int NODES = 10_000;
  private final SpiAllocator allocator = new SpiAllocator();

  /** One receiving node, 10,000 senders (indices 0..9,999), any window of 3 consecutive epochs. */
  @Property(tries = 25, edgeCases = EdgeCasesMode.FIRST)
  void tenThousandSendersAcrossThreeLiveEpochsGetDistinctOwnedSpis(
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE - 2) long firstEpoch) {
    assertWindowIsCollisionFree(firstEpoch, 3, IntStream.range(0, NODES).boxed().toList());
  }

  /** The same with sparse stable indices anywhere up to the capacity, and the full slot window. */
  @Property(tries = 25, edgeCases = EdgeCasesMode.FIRST)
  void sparseIndicesAcrossAllSlotsGetDistinctOwnedSpis(
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE - SpiAllocator.LIVE_EPOCH_SLOTS + 1)
          long firstEpoch,
      @ForAll("sparseIndices") List<Integer> senders) {
    assertWindowIsCollisionFree(firstEpoch, SpiAllocator.LIVE_EPOCH_SLOTS, senders);
  }

  /** Windows that wrap the slot counter (slots 2,3,0 and 3,0,1) and the top of the epoch range. */
  @Example
  void windowsAcrossTheSlotWrapAreCollisionFree() {
    List<Integer> senders = IntStream.range(0, NODES).boxed().toList();
    for (long first : new long[] {2, 3, 6, 7, 1_000_003, Long.MAX_VALUE - 2}) {
      assertWindowIsCollisionFree(first, 3, senders);
    }
  }

  @Provide
  Arbitrary<List<Integer>> sparseIndices() {
    return Arbitraries.integers()
        .between(0, SpiAllocator.MAX_NODE_INDEX)
        .edgeCases(edges -> edges.includeOnly(0, SpiAllocator.MAX_NODE_INDEX))
        .list()
        .uniqueElements()
        .ofMinSize(1)
        .ofMaxSize(NODES);
  }

  private void assertWindowIsCollisionFree(long firstEpoch, int epochs, List<Integer> senders) {
    Map<Integer, String> ownerBySpi = new HashMap<>();
    for (int i = 0; i < epochs; i++) {
      long epoch = firstEpoch + i; // counted by i: firstEpoch + epochs may overflow at the top
      for (int sender : senders) {
        int spi = allocator.spiFor(epoch, sender);
        String owner = "epoch " + epoch + " sender " + sender;

        assertThat(ownerBySpi.put(spi, owner))
            .as("SPI 0x%08x of %s already taken", spi, owner)
            .isNull();
        assertThat(spi).as("SPI of %s", owner).isGreaterThanOrEqualTo(256);
        assertThat(allocator.isOurs(spi)).as("SPI of %s is ours", owner).isTrue();
        assertThat(allocator.decode(spi))
            .isEqualTo(new SpiOwner((int) (epoch % SpiAllocator.LIVE_EPOCH_SLOTS), sender));
      }
    }
    assertThat(ownerBySpi).hasSize(epochs * senders.size());
  }
}
