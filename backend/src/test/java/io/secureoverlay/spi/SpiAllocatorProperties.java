package io.secureoverlay.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Uniqueness of SPIs per receiving node, over 10,000 senders and every window of live epochs.
 * Random cases come from a fixed seed, so a failure names a case that reproduces.
 */
class SpiAllocatorProperties {

  private static final int NODES = 10_000;
  private static final long SEED = 0x5EC0_5B1L;
  private final SpiAllocator allocator = new SpiAllocator();

  /** Random first epochs, plus the windows that wrap the slot counter and the top of the range. */
  static LongStream firstEpochs() {
    LongStream random = new SplittableRandom(SEED).longs(25, 0, Long.MAX_VALUE - 2);
    return LongStream.concat(LongStream.of(0, 2, 3, 6, 7, 1_000_003, Long.MAX_VALUE - 3), random);
  }

  /** One receiving node, 10,000 senders (indices 0..9,999), a window of 3 consecutive epochs. */
  @ParameterizedTest(name = "epochs {0}..+2")
  @MethodSource("firstEpochs")
  void tenThousandSendersAcrossThreeLiveEpochsGetDistinctOwnedSpis(long firstEpoch) {
    assertWindowIsCollisionFree(firstEpoch, 3, IntStream.range(0, NODES).boxed().toList());
  }

  /** Sparse stable indices anywhere up to the capacity (both ends included), all slots live. */
  static Stream<List<Integer>> sparseIndexSets() {
    SplittableRandom random = new SplittableRandom(SEED + 1);
    return IntStream.range(0, 10)
        .mapToObj(
            i ->
                IntStream.concat(
                        IntStream.of(0, SpiAllocator.MAX_NODE_INDEX),
                        random.ints(random.nextInt(1, NODES), 0, SpiAllocator.MAX_NODE_INDEX + 1))
                    .distinct()
                    .boxed()
                    .toList());
  }

  @ParameterizedTest(name = "set {index}")
  @MethodSource("sparseIndexSets")
  void sparseIndicesAcrossAllSlotsGetDistinctOwnedSpis(List<Integer> senders) {
    long firstEpoch = new SplittableRandom(SEED + senders.size()).nextLong(0, Long.MAX_VALUE - 4);
    assertWindowIsCollisionFree(firstEpoch, SpiAllocator.LIVE_EPOCH_SLOTS, senders);
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
