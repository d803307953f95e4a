package io.secureoverlay.agent.netlink;

import java.nio.ByteBuffer;

/** A family for generic-layer tests: payloads are always withheld. */
final class TestFamily implements NetlinkFamily {

  static final TestFamily INSTANCE = new TestFamily();

  @Override
  public int protocol() {
    return 99;
  }

  @Override
  public String messageTypeName(int type) {
    return "TEST_" + type;
  }

  @Override
  public void appendRedactedPayload(StringBuilder out, StructNlMsgHdr header, ByteBuffer payload) {
    out.append('<').append(payload.remaining()).append(" withheld>");
  }
}
