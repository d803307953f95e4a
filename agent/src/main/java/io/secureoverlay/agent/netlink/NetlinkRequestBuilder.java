package io.secureoverlay.agent.netlink;

import static io.secureoverlay.agent.netlink.NetlinkConstants.NLA_F_NESTED;
import static io.secureoverlay.agent.netlink.NetlinkConstants.align4;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * Builds one {@link NetlinkRequest}: the fixed payload struct first, then attributes, each padded
 * to 4 bytes with zeros. Struct writers receive a native-order buffer positioned where their bytes
 * go and must write exactly the size they declared (padding included) — a mismatch is a bug in the
 * writer and fails loudly here rather than producing a message the kernel misreads.
 *
 * <p>When the request holds key material ({@link #sensitive()}), every intermediate array this
 * builder discards is zeroed, and so is its working array after {@link #build()}.
 */
public final class NetlinkRequestBuilder {

  private final int type;
  private final int flags;
  private final Deque<Integer> openNests = new ArrayDeque<>();
  private byte[] array = new byte[512];
  private ByteBuffer buf = ByteBuffer.wrap(array).order(ByteOrder.nativeOrder());
  private boolean payloadWritten;
  private boolean attributesStarted;
  private boolean sensitive;

  private NetlinkRequestBuilder(int type, int flags) {
    this.type = type;
    this.flags = flags;
  }

  public static NetlinkRequestBuilder create(int type, int flags) {
    return new NetlinkRequestBuilder(type, flags);
  }

  /** Marks the request as carrying key material (see class comment). */
  public NetlinkRequestBuilder sensitive() {
    this.sensitive = true;
    return this;
  }

  /** Writes the fixed payload struct of {@code size} bytes; must come before any attribute. */
  public NetlinkRequestBuilder payload(int size, Consumer<ByteBuffer> writer) {
    if (payloadWritten || attributesStarted) {
      throw new IllegalStateException("the payload struct comes first and only once");
    }
    payloadWritten = true;
    writeExactly(size, writer);
    pad();
    return this;
  }

  /** Adds attribute {@code attrType} whose value {@code writer} writes in exactly {@code size}. */
  public NetlinkRequestBuilder attribute(int attrType, int size, Consumer<ByteBuffer> writer) {
    int length = StructNlAttr.SIZE + size;
    if (length > StructNlAttr.MAX_LENGTH) {
      throw new IllegalArgumentException("attribute " + attrType + " too long: " + size);
    }
    attributesStarted = true;
    ensure(StructNlAttr.SIZE);
    new StructNlAttr(length, attrType).writeTo(buf);
    writeExactly(size, writer);
    pad();
    return this;
  }

  public NetlinkRequestBuilder attributeU32(int attrType, int value) {
    return attribute(attrType, 4, b -> b.putInt(value));
  }

  public NetlinkRequestBuilder attribute(int attrType, byte[] value) {
    return attribute(attrType, value.length, b -> b.put(value));
  }

  /** Opens a nested attribute; the attributes added until {@link #endNested()} go inside it. */
  public NetlinkRequestBuilder beginNested(int attrType) {
    attributesStarted = true;
    ensure(StructNlAttr.SIZE);
    openNests.push(buf.position());
    new StructNlAttr(0, attrType | NLA_F_NESTED).writeTo(buf);
    return this;
  }

  public NetlinkRequestBuilder endNested() {
    if (openNests.isEmpty()) {
      throw new IllegalStateException("endNested() without beginNested()");
    }
    int start = openNests.pop();
    int length = buf.position() - start;
    if (length > StructNlAttr.MAX_LENGTH) {
      throw new IllegalArgumentException("nested attribute too long: " + length);
    }
    buf.putShort(start, (short) length);
    return this;
  }

  public NetlinkRequest build() {
    if (!openNests.isEmpty()) {
      throw new IllegalStateException(openNests.size() + " nested attribute(s) left open");
    }
    byte[] body = Arrays.copyOf(array, buf.position());
    if (sensitive) {
      Arrays.fill(array, (byte) 0);
    }
    return new NetlinkRequest(type, flags, body, sensitive);
  }

  private void writeExactly(int size, Consumer<ByteBuffer> writer) {
    ensure(size);
    int start = buf.position();
    writer.accept(buf);
    int written = buf.position() - start;
    if (written != size) {
      throw new IllegalStateException(
          "struct writer declared " + size + " bytes but wrote " + written);
    }
  }

  private void pad() {
    int padding = align4(buf.position()) - buf.position();
    ensure(padding);
    for (int i = 0; i < padding; i++) {
      buf.put((byte) 0);
    }
  }

  private void ensure(int more) {
    int needed = buf.position() + more;
    if (needed <= array.length) {
      return;
    }
    byte[] bigger = Arrays.copyOf(array, Math.max(needed, array.length * 2));
    Arrays.fill(array, (byte) 0);
    int position = buf.position();
    array = bigger;
    buf = ByteBuffer.wrap(array).order(ByteOrder.nativeOrder()).position(position);
  }
}
