package io.secureoverlay.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SpiAllocatorTest {

  private final SpiAllocator allocator = new SpiAllocator();

  @Test
  void spiFollowsTheDocumentedLayoutAndDecodesBack() {
    // prefix 0x5E, slot 5 mod 4 = 1 in bits 23-22, index 7 in bits 21-0
    int spi = allocator.spiFor(5, 7);

    assertThat(spi).isEqualTo(0x5E400007);
    assertThat(allocator.isOurs(spi)).isTrue();
    assertThat(allocator.decode(spi)).isEqualTo(new SpiOwner(1, 7));
  }

  @Test
  void negativeEpochIsRejectedByName() {
    assertThatThrownBy(() -> allocator.spiFor(-1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("epoch must be >= 0, was -1");
  }
}
