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
  void extremesStayInsideThePrefixAndOutOfTheReservedRange() {
    assertThat(allocator.spiFor(0, 0)).isEqualTo(0x5E000000).isEqualTo(SpiAllocator.MIN_SPI);
    assertThat(allocator.spiFor(Long.MAX_VALUE, SpiAllocator.MAX_NODE_INDEX)).isEqualTo(0x5EFFFFFF);
    assertThat(SpiAllocator.MAX_NODE_INDEX).isEqualTo(4_194_303);
  }

  @Test
  void epochsFourApartShareASlotSoAtMostFourMayBeLive() {
    assertThat(allocator.spiFor(4, 9)).isEqualTo(allocator.spiFor(0, 9));
    assertThat(allocator.slotOf(3)).isEqualTo(3);
    assertThat(allocator.slotOf(4)).isZero();
  }

  @Test
  void negativeEpochIsRejectedByName() {
    assertThatThrownBy(() -> allocator.spiFor(-1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("epoch must be >= 0, was -1");
  }

  @Test
  void senderIndexOutsideTheCapacityIsRejectedByName() {
    assertThatThrownBy(() -> allocator.spiFor(1, -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("senderIndex must be in 0..4194303, was -1");
    assertThatThrownBy(() -> allocator.spiFor(1, SpiAllocator.MAX_NODE_INDEX + 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("senderIndex must be in 0..4194303, was 4194304");
  }

  @Test
  void foreignSpisAreNotOursAndDoNotDecode() {
    for (int foreign : new int[] {0, 1, 255, 256, 0x5DFFFFFF, 0x5F000000, 0xC0000001, -1}) {
      assertThat(allocator.isOurs(foreign)).as("0x%08x", foreign).isFalse();
    }
    assertThatThrownBy(() -> allocator.decode(0xC0000123))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("SPI 0xc0000123 is not a SecureOverlay SPI: high byte is not 0x5e");
  }

  @Test
  void ownerOutsideItsRangesIsRejectedByName() {
    assertThatThrownBy(() -> new SpiOwner(4, 0)).hasMessage("epochSlot must be in 0..3, was 4");
    assertThatThrownBy(() -> new SpiOwner(0, -2))
        .hasMessage("senderIndex must be in 0..4194303, was -2");
  }
}
