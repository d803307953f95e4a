package io.secureoverlay.agent.xfrm.wire;

import static io.secureoverlay.agent.netlink.NetlinkConstants.NLM_F_ACK;
import static io.secureoverlay.agent.netlink.NetlinkConstants.NLM_F_DUMP;
import static io.secureoverlay.agent.netlink.NetlinkConstants.NLM_F_REQUEST;
import static io.secureoverlay.agent.xfrm.wire.XfrmAttr.XFRMA_MARK;
import static io.secureoverlay.agent.xfrm.wire.XfrmAttr.XFRMA_TMPL;
import static io.secureoverlay.agent.xfrm.wire.XfrmMsgType.XFRM_MSG_DELPOLICY;
import static io.secureoverlay.agent.xfrm.wire.XfrmMsgType.XFRM_MSG_GETPOLICY;
import static io.secureoverlay.agent.xfrm.wire.XfrmMsgType.XFRM_MSG_NEWPOLICY;
import static io.secureoverlay.agent.xfrm.wire.XfrmMsgType.XFRM_MSG_UPDPOLICY;

import io.secureoverlay.agent.netlink.NetlinkAttributes;
import io.secureoverlay.agent.netlink.NetlinkMessage;
import io.secureoverlay.agent.netlink.NetlinkParseException;
import io.secureoverlay.agent.netlink.NetlinkRequest;
import io.secureoverlay.agent.netlink.NetlinkRequestBuilder;
import io.secureoverlay.agent.xfrm.XfrmDirection;
import io.secureoverlay.agent.xfrm.XfrmLifetimeCurrent;
import io.secureoverlay.agent.xfrm.XfrmMark;
import io.secureoverlay.agent.xfrm.XfrmPolicy;
import io.secureoverlay.agent.xfrm.XfrmPolicyAction;
import io.secureoverlay.agent.xfrm.XfrmPolicyEntry;
import io.secureoverlay.agent.xfrm.XfrmPolicyId;
import io.secureoverlay.agent.xfrm.XfrmTemplate;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Converts between the policy model and XFRM_MSG_*POLICY messages: requests from {@link XfrmPolicy}
 * and {@link XfrmPolicyId}, {@link XfrmPolicyEntry} from XFRM_MSG_NEWPOLICY replies.
 */
public final class XfrmPolicyCodec {

  /** Directions beyond FWD are per-socket policies (index encodes 3 + dir); not ours to read. */
  private static final int XFRM_POLICY_MAX = 3;

  private XfrmPolicyCodec() {}

  public static NetlinkRequest newPolicy(XfrmPolicy policy) {
    return encode(XFRM_MSG_NEWPOLICY, policy);
  }

  /** XFRM_MSG_UPDPOLICY: replaces the policy with the same selector and direction in place. */
  public static NetlinkRequest updatePolicy(XfrmPolicy policy) {
    return encode(XFRM_MSG_UPDPOLICY, policy);
  }

  public static NetlinkRequest deletePolicy(XfrmPolicyId id) {
    return byId(XFRM_MSG_DELPOLICY, NLM_F_REQUEST | NLM_F_ACK, id);
  }

  /** XFRM_MSG_GETPOLICY for one policy: answered by one XFRM_MSG_NEWPOLICY or an error. */
  public static NetlinkRequest getPolicy(XfrmPolicyId id) {
    return byId(XFRM_MSG_GETPOLICY, NLM_F_REQUEST, id);
  }

  public static NetlinkRequest dumpPolicies() {
    return NetlinkRequestBuilder.create(XFRM_MSG_GETPOLICY, NLM_F_REQUEST | NLM_F_DUMP).build();
  }

  private static NetlinkRequest encode(int type, XfrmPolicy p) {
    StructXfrmUserpolicyInfo info =
        new StructXfrmUserpolicyInfo(
            p.selector(),
            p.lifetime(),
            XfrmLifetimeCurrent.ZERO,
            p.priority(),
            p.index(),
            p.direction().number(),
            p.action().number(),
            p.flags(),
            0);
    NetlinkRequestBuilder b =
        NetlinkRequestBuilder.create(type, NLM_F_REQUEST | NLM_F_ACK)
            .payload(StructXfrmUserpolicyInfo.SIZE, info::writeTo);
    if (!p.templates().isEmpty()) {
      b.attribute(
          XFRMA_TMPL,
          StructXfrmUserTmpl.SIZE * p.templates().size(),
          buf -> {
            for (XfrmTemplate t : p.templates()) {
              StructXfrmUserTmpl.write(buf, t);
            }
          });
    }
    p.mark()
        .ifPresent(
            m -> b.attribute(XFRMA_MARK, StructXfrmMark.SIZE, buf -> StructXfrmMark.write(buf, m)));
    return b.build();
  }

  private static NetlinkRequest byId(int type, int flags, XfrmPolicyId id) {
    StructXfrmUserpolicyId payload =
        new StructXfrmUserpolicyId(id.selector(), 0, id.direction().number());
    NetlinkRequestBuilder b =
        NetlinkRequestBuilder.create(type, flags)
            .payload(StructXfrmUserpolicyId.SIZE, payload::writeTo);
    id.mark()
        .ifPresent(
            m -> b.attribute(XFRMA_MARK, StructXfrmMark.SIZE, buf -> StructXfrmMark.write(buf, m)));
    return b.build();
  }

  /**
   * Decodes an XFRM_MSG_NEWPOLICY reply; returns null for a per-socket policy (direction beyond
   * FWD), which a dump may include and which is never SecureOverlay's.
   */
  public static XfrmPolicyEntry decode(NetlinkMessage message) {
    if (message.type() != XFRM_MSG_NEWPOLICY && message.type() != XFRM_MSG_UPDPOLICY) {
      throw new NetlinkParseException(
          "expected a policy (XFRM_MSG_NEWPOLICY), got " + XfrmMsgType.name(message.type()));
    }
    ByteBuffer payload = message.payload();
    StructXfrmUserpolicyInfo info = StructXfrmUserpolicyInfo.readFrom(payload);
    if (info.dir() >= XFRM_POLICY_MAX) {
      return null;
    }
    NetlinkAttributes attrs = NetlinkAttributes.parse(payload, StructXfrmUserpolicyInfo.SIZE);
    List<XfrmTemplate> templates = new ArrayList<>();
    attrs
        .first(XFRMA_TMPL)
        .ifPresent(
            a -> {
              if (a.valueLength() % StructXfrmUserTmpl.SIZE != 0) {
                throw new NetlinkParseException(
                    "XFRMA_TMPL of "
                        + a.valueLength()
                        + " bytes is not a whole number of "
                        + StructXfrmUserTmpl.SIZE
                        + "-byte templates");
              }
              ByteBuffer value = attrs.value(a);
              while (value.hasRemaining()) {
                templates.add(StructXfrmUserTmpl.read(value, info.sel().family()));
              }
            });
    Optional<XfrmMark> mark = attrs.first(XFRMA_MARK).map(a -> StructXfrmMark.read(attrs.value(a)));
    try {
      XfrmPolicy policy =
          new XfrmPolicy(
              info.sel(),
              XfrmDirection.fromNumber(info.dir()),
              XfrmPolicyAction.fromNumber(info.action()),
              info.priority(),
              info.index(),
              templates,
              info.lft(),
              mark,
              info.flags());
      return new XfrmPolicyEntry(policy, info.curlft());
    } catch (IllegalArgumentException e) {
      throw new NetlinkParseException("xfrm_userpolicy_info: " + e.getMessage());
    }
  }
}
