package io.secureoverlay.agent.xfrm.wire;

import static io.secureoverlay.agent.netlink.NetlinkConstants.NLM_F_ACK;
import static io.secureoverlay.agent.netlink.NetlinkConstants.NLM_F_DUMP;
import static io.secureoverlay.agent.netlink.NetlinkConstants.NLM_F_REQUEST;
import static io.secureoverlay.agent.xfrm.wire.XfrmAttr.XFRMA_ALG_AEAD;
import static io.secureoverlay.agent.xfrm.wire.XfrmAttr.XFRMA_MARK;
import static io.secureoverlay.agent.xfrm.wire.XfrmAttr.XFRMA_REPLAY_ESN_VAL;
import static io.secureoverlay.agent.xfrm.wire.XfrmAttr.XFRMA_REPLAY_VAL;
import static io.secureoverlay.agent.xfrm.wire.XfrmAttr.XFRMA_SA_EXTRA_FLAGS;
import static io.secureoverlay.agent.xfrm.wire.XfrmAttr.XFRMA_SRCADDR;
import static io.secureoverlay.agent.xfrm.wire.XfrmConstants.XFRM_STATE_ESN;
import static io.secureoverlay.agent.xfrm.wire.XfrmMsgType.XFRM_MSG_DELSA;
import static io.secureoverlay.agent.xfrm.wire.XfrmMsgType.XFRM_MSG_GETSA;
import static io.secureoverlay.agent.xfrm.wire.XfrmMsgType.XFRM_MSG_NEWSA;
import static io.secureoverlay.agent.xfrm.wire.XfrmMsgType.XFRM_MSG_UPDSA;

import io.secureoverlay.agent.netlink.NetlinkAttributes;
import io.secureoverlay.agent.netlink.NetlinkAttributes.Attribute;
import io.secureoverlay.agent.netlink.NetlinkMessage;
import io.secureoverlay.agent.netlink.NetlinkParseException;
import io.secureoverlay.agent.netlink.NetlinkRequest;
import io.secureoverlay.agent.netlink.NetlinkRequestBuilder;
import io.secureoverlay.agent.xfrm.XfrmAeadInfo;
import io.secureoverlay.agent.xfrm.XfrmLifetimeCurrent;
import io.secureoverlay.agent.xfrm.XfrmMark;
import io.secureoverlay.agent.xfrm.XfrmMode;
import io.secureoverlay.agent.xfrm.XfrmReplayConfig;
import io.secureoverlay.agent.xfrm.XfrmReplayState;
import io.secureoverlay.agent.xfrm.XfrmState;
import io.secureoverlay.agent.xfrm.XfrmStateEntry;
import io.secureoverlay.agent.xfrm.XfrmStateKey;
import io.secureoverlay.agent.xfrm.XfrmStats;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Converts between the SA model and XFRM_MSG_*SA messages: requests from {@link XfrmState} and
 * {@link XfrmStateKey}, {@link XfrmStateEntry} from the kernel's XFRM_MSG_NEWSA replies. Attributes
 * are added in the order {@code ip xfrm} uses (AEAD, ESN replay, extra flags, mark).
 */
public final class XfrmStateCodec {

  private static final int ACKED = NLM_F_REQUEST | NLM_F_ACK;

  private XfrmStateCodec() {}

  /** XFRM_MSG_NEWSA. Sensitive: the body holds the key. */
  public static NetlinkRequest newState(XfrmState state) {
    return encode(XFRM_MSG_NEWSA, state);
  }

  /** XFRM_MSG_UPDSA. Sensitive: the body holds the key. */
  public static NetlinkRequest updateState(XfrmState state) {
    return encode(XFRM_MSG_UPDSA, state);
  }

  public static NetlinkRequest deleteState(XfrmStateKey key) {
    return byKey(XFRM_MSG_DELSA, ACKED, key);
  }

  /** XFRM_MSG_GETSA for one SA: answered by one XFRM_MSG_NEWSA or an error. */
  public static NetlinkRequest getState(XfrmStateKey key) {
    return byKey(XFRM_MSG_GETSA, NLM_F_REQUEST, key);
  }

  /** XFRM_MSG_GETSA dump of every SA of the namespace (no filter attributes). */
  public static NetlinkRequest dumpStates() {
    return NetlinkRequestBuilder.create(XFRM_MSG_GETSA, NLM_F_REQUEST | NLM_F_DUMP).build();
  }

  private static NetlinkRequest encode(int type, XfrmState s) {
    XfrmReplayConfig replay = s.replay();
    boolean esnAttribute = replay.needsEsnAttribute();
    StructXfrmUsersaInfo info =
        new StructXfrmUsersaInfo(
            s.selector(),
            s.id(),
            s.source(),
            s.lifetime(),
            XfrmLifetimeCurrent.ZERO,
            XfrmStats.ZERO,
            0,
            s.reqid(),
            s.id().family(),
            s.mode().number(),
            esnAttribute ? 0 : replay.window(),
            replay.esn() ? XFRM_STATE_ESN : 0);
    NetlinkRequestBuilder b =
        NetlinkRequestBuilder.create(type, ACKED)
            .sensitive()
            .payload(StructXfrmUsersaInfo.SIZE, info::writeTo)
            .attribute(
                XFRMA_ALG_AEAD,
                StructXfrmAlgoAead.size(s.aead()),
                buf -> StructXfrmAlgoAead.write(buf, s.aead()));
    if (esnAttribute) {
      StructXfrmReplayStateEsn esn = StructXfrmReplayStateEsn.forNewState(replay.window());
      b.attribute(XFRMA_REPLAY_ESN_VAL, StructXfrmReplayStateEsn.SIZE, esn::writeTo);
    }
    if (s.extraFlags() != 0) {
      b.attributeU32(XFRMA_SA_EXTRA_FLAGS, s.extraFlags());
    }
    s.mark()
        .ifPresent(
            m -> b.attribute(XFRMA_MARK, StructXfrmMark.SIZE, buf -> StructXfrmMark.write(buf, m)));
    return b.build();
  }

  private static NetlinkRequest byKey(int type, int flags, XfrmStateKey key) {
    StructXfrmUsersaId id = new StructXfrmUsersaId(key.id());
    NetlinkRequestBuilder b =
        NetlinkRequestBuilder.create(type, flags).payload(StructXfrmUsersaId.SIZE, id::writeTo);
    key.source()
        .ifPresent(
            src ->
                b.attribute(
                    XFRMA_SRCADDR,
                    NetworkOrder.XFRM_ADDRESS_SIZE,
                    buf -> NetworkOrder.putAddress(buf, src)));
    key.mark()
        .ifPresent(
            m -> b.attribute(XFRMA_MARK, StructXfrmMark.SIZE, buf -> StructXfrmMark.write(buf, m)));
    return b.build();
  }

  /** Decodes an XFRM_MSG_NEWSA reply (GETSA answer or dump element). */
  public static XfrmStateEntry decode(NetlinkMessage message) {
    if (message.type() != XFRM_MSG_NEWSA && message.type() != XFRM_MSG_UPDSA) {
      throw new NetlinkParseException(
          "expected an SA (XFRM_MSG_NEWSA), got " + XfrmMsgType.name(message.type()));
    }
    ByteBuffer payload = message.payload();
    StructXfrmUsersaInfo info = StructXfrmUsersaInfo.readFrom(payload);
    NetlinkAttributes attrs = NetlinkAttributes.parse(payload, StructXfrmUsersaInfo.SIZE);
    Optional<XfrmAeadInfo> aead =
        attrs.first(XFRMA_ALG_AEAD).map(a -> StructXfrmAlgoAead.read(attrs.value(a)));
    Optional<XfrmMark> mark = attrs.first(XFRMA_MARK).map(a -> StructXfrmMark.read(attrs.value(a)));
    int extraFlags = attrs.first(XFRMA_SA_EXTRA_FLAGS).map(attrs::u32).orElse(0);
    boolean esn = (info.flags() & XFRM_STATE_ESN) != 0;
    XfrmReplayConfig replay;
    Optional<XfrmReplayState> replayState;
    Optional<Attribute> esnAttr = attrs.first(XFRMA_REPLAY_ESN_VAL);
    if (esnAttr.isPresent()) {
      StructXfrmReplayStateEsn r = StructXfrmReplayStateEsn.readFrom(attrs.value(esnAttr.get()));
      replay = replayConfig(r.replayWindow(), esn);
      replayState =
          Optional.of(new XfrmReplayState(r.outboundSeq(), r.inboundSeq(), r.replayWindow()));
    } else {
      replay = replayConfig(info.replayWindow(), esn);
      replayState =
          attrs
              .first(XFRMA_REPLAY_VAL)
              .map(
                  a -> {
                    StructXfrmReplayState r = StructXfrmReplayState.readFrom(attrs.value(a));
                    return new XfrmReplayState(
                        Integer.toUnsignedLong(r.oseq()),
                        Integer.toUnsignedLong(r.seq()),
                        info.replayWindow());
                  });
    }
    XfrmMode mode;
    try {
      mode = XfrmMode.fromNumber(info.mode());
    } catch (IllegalArgumentException e) {
      throw new NetlinkParseException("xfrm_usersa_info: " + e.getMessage());
    }
    return new XfrmStateEntry(
        info.id(),
        info.saddr(),
        info.sel(),
        info.reqid(),
        mode,
        aead,
        info.lft(),
        info.curlft(),
        info.stats(),
        replay,
        replayState,
        mark,
        info.flags(),
        extraFlags);
  }

  private static XfrmReplayConfig replayConfig(long window, boolean esn) {
    if (window < 0 || window > XfrmReplayConfig.MAX_WINDOW || (esn && window == 0)) {
      throw new NetlinkParseException(
          "replay window " + window + (esn ? " with ESN" : "") + " is out of range");
    }
    return new XfrmReplayConfig((int) window, esn);
  }
}
