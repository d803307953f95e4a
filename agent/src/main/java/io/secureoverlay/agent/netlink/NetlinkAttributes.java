package io.secureoverlay.agent.netlink;

import static io.secureoverlay.agent.netlink.NetlinkConstants.NLA_F_NESTED;
import static io.secureoverlay.agent.netlink.NetlinkConstants.NLA_TYPE_MASK;
import static io.secureoverlay.agent.netlink.NetlinkConstants.align4;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The attributes of one message (or of one nested attribute), parsed with every length checked
 * against the space that is really there. A length that points past the end or below the header
 * size is a {@link NetlinkParseException}, never an index error or a silent cut.
 */
public final class NetlinkAttributes {

  /** One attribute: its type (flags masked off) and where its value lies in the parsed buffer. */
  public record Attribute(int type, boolean nested, int valueOffset, int valueLength) {}

  private final ByteBuffer buf;
  private final List<Attribute> attributes;

  private NetlinkAttributes(ByteBuffer buf, List<Attribute> attributes) {
    this.buf = buf;
    this.attributes = attributes;
  }

  /** Parses the attributes between {@code start} and the buffer's limit. */
  public static NetlinkAttributes parse(ByteBuffer buffer, int start) {
    ByteBuffer buf = buffer.duplicate().order(ByteOrder.nativeOrder());
    int end = buf.limit();
    if (start > end) {
      throw new NetlinkParseException(
          "attributes would start at " + start + " but the message ends at " + end);
    }
    List<Attribute> list = new ArrayList<>();
    int pos = start;
    while (pos < end) {
      int remaining = end - pos;
      if (remaining < StructNlAttr.SIZE) {
        throw new NetlinkParseException(
            remaining + " trailing bytes at offset " + pos + " are too short for an attribute");
      }
      StructNlAttr header = StructNlAttr.readFrom(buf.position(pos));
      if (header.length() < StructNlAttr.SIZE || header.length() > remaining) {
        throw new NetlinkParseException(
            "attribute type "
                + (header.type() & NLA_TYPE_MASK)
                + " at offset "
                + pos
                + " has nla_len "
                + header.length()
                + " but "
                + remaining
                + " bytes remain");
      }
      list.add(
          new Attribute(
              header.type() & NLA_TYPE_MASK,
              (header.type() & NLA_F_NESTED) != 0,
              pos + StructNlAttr.SIZE,
              header.length() - StructNlAttr.SIZE));
      pos = Math.min(end, pos + align4(header.length()));
    }
    return new NetlinkAttributes(buf, List.copyOf(list));
  }

  public List<Attribute> all() {
    return attributes;
  }

  public Optional<Attribute> first(int type) {
    return attributes.stream().filter(a -> a.type() == type).findFirst();
  }

  /** A native-order view of the attribute's value, position 0 at its first byte. */
  public ByteBuffer value(Attribute attribute) {
    return buf.duplicate()
        .position(attribute.valueOffset())
        .limit(attribute.valueOffset() + attribute.valueLength())
        .slice()
        .order(ByteOrder.nativeOrder());
  }

  /** The value as a __u32; a value of another size is a parse error. */
  public int u32(Attribute attribute) {
    if (attribute.valueLength() != 4) {
      throw new NetlinkParseException(
          "attribute type "
              + attribute.type()
              + " should hold 4 bytes, holds "
              + attribute.valueLength());
    }
    return value(attribute).getInt();
  }

  /** Attributes nested in {@code attribute}. */
  public NetlinkAttributes nested(Attribute attribute) {
    return parse(value(attribute), 0);
  }
}
