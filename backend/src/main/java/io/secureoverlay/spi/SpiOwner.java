package io.secureoverlay.spi;

/**
 * Who an SPI of ours belongs to: the epoch slot ({@code epoch mod} {@link
 * SpiAllocator#LIVE_EPOCH_SLOTS}) and the sending node's stable index.
 */
public record SpiOwner(int epochSlot, int senderIndex) {

  public SpiOwner {
    if (epochSlot < 0 || epochSlot >= SpiAllocator.LIVE_EPOCH_SLOTS) {
      throw new IllegalArgumentException(
          "epochSlot must be in 0.." + (SpiAllocator.LIVE_EPOCH_SLOTS - 1) + ", was " + epochSlot);
    }
    if (senderIndex < 0 || senderIndex > SpiAllocator.MAX_NODE_INDEX) {
      throw new IllegalArgumentException(
          "senderIndex must be in 0.." + SpiAllocator.MAX_NODE_INDEX + ", was " + senderIndex);
    }
  }
}
