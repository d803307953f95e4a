package io.secureoverlay.agent.xfrm.wire;

/** XFRM netlink message types ({@code linux/xfrm.h}), in the kernel's spelling. */
public final class XfrmMsgType {

  private XfrmMsgType() {}

  public static final int XFRM_MSG_NEWSA = 0x10;
  public static final int XFRM_MSG_DELSA = 0x11;
  public static final int XFRM_MSG_GETSA = 0x12;
  public static final int XFRM_MSG_NEWPOLICY = 0x13;
  public static final int XFRM_MSG_DELPOLICY = 0x14;
  public static final int XFRM_MSG_GETPOLICY = 0x15;
  public static final int XFRM_MSG_ALLOCSPI = 0x16;
  public static final int XFRM_MSG_ACQUIRE = 0x17;
  public static final int XFRM_MSG_EXPIRE = 0x18;
  public static final int XFRM_MSG_UPDPOLICY = 0x19;
  public static final int XFRM_MSG_UPDSA = 0x1a;
  public static final int XFRM_MSG_POLEXPIRE = 0x1b;
  public static final int XFRM_MSG_FLUSHSA = 0x1c;
  public static final int XFRM_MSG_FLUSHPOLICY = 0x1d;

  public static String name(int type) {
    return switch (type) {
      case XFRM_MSG_NEWSA -> "XFRM_MSG_NEWSA";
      case XFRM_MSG_DELSA -> "XFRM_MSG_DELSA";
      case XFRM_MSG_GETSA -> "XFRM_MSG_GETSA";
      case XFRM_MSG_NEWPOLICY -> "XFRM_MSG_NEWPOLICY";
      case XFRM_MSG_DELPOLICY -> "XFRM_MSG_DELPOLICY";
      case XFRM_MSG_GETPOLICY -> "XFRM_MSG_GETPOLICY";
      case XFRM_MSG_ALLOCSPI -> "XFRM_MSG_ALLOCSPI";
      case XFRM_MSG_ACQUIRE -> "XFRM_MSG_ACQUIRE";
      case XFRM_MSG_EXPIRE -> "XFRM_MSG_EXPIRE";
      case XFRM_MSG_UPDPOLICY -> "XFRM_MSG_UPDPOLICY";
      case XFRM_MSG_UPDSA -> "XFRM_MSG_UPDSA";
      case XFRM_MSG_POLEXPIRE -> "XFRM_MSG_POLEXPIRE";
      case XFRM_MSG_FLUSHSA -> "XFRM_MSG_FLUSHSA";
      case XFRM_MSG_FLUSHPOLICY -> "XFRM_MSG_FLUSHPOLICY";
      default -> "type " + type;
    };
  }
}
