package io.secureoverlay.mtu;

import io.secureoverlay.model.IcvLength;
import java.util.ArrayList;
import java.util.List;

/**
 * A tiny model of an ESP transport-mode packet carrying an IPIP payload, laid out field by field
 * (RFC 4303 section 2, RFC 4106 section 3), with its own constants so it does not share a formula
 * with {@link EspMtuCalculator}. Padding is added one byte at a time until inner packet + trailer
 * ends on a 4-byte boundary, the way RFC 4303 describes it.
 */
final class EspPacketModel {

  record Field(String name, int bytes) {}

  record Packet(List<Field> fields) {
    int bytes() {
      return fields.stream().mapToInt(Field::bytes).sum();
    }

    int field(String name) {
      return fields.stream()
          .filter(f -> f.name().equals(name))
          .mapToInt(Field::bytes)
          .findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no field " + name));
    }
  }

  private EspPacketModel() {}

  static Packet build(UnderlayFamily family, IcvLength icv, int innerBytes) {
    List<Field> fields = new ArrayList<>();
    fields.add(new Field("outer header", family == UnderlayFamily.IPV4 ? 20 : 40));
    fields.add(new Field("SPI", 4));
    fields.add(new Field("sequence number", 4));
    fields.add(new Field("IV", 8));
    fields.add(new Field("inner packet", innerBytes));
    int padding = 0;
    while ((innerBytes + padding + 1 + 1) % 4 != 0) {
      padding++;
    }
    fields.add(new Field("padding", padding));
    fields.add(new Field("pad length", 1));
    fields.add(new Field("next header", 1));
    fields.add(new Field("ICV", icv.bits() / 8));
    return new Packet(fields);
  }

  /**
   * Brute force: the largest inner packet whose ESP packet fits {@code extMtu}, trying every size
   * from {@code extMtu} down (the inner packet alone can never be larger than that).
   */
  static int largestFittingInner(UnderlayFamily family, IcvLength icv, int extMtu) {
    for (int inner = extMtu; inner >= 0; inner--) {
      if (build(family, icv, inner).bytes() <= extMtu) {
        return inner;
      }
    }
    return -1;
  }
}
