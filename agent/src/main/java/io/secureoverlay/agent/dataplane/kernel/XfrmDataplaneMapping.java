package io.secureoverlay.agent.dataplane.kernel;

import io.secureoverlay.agent.dataplane.IpsecMode;
import io.secureoverlay.agent.dataplane.IpsecProtocol;
import io.secureoverlay.agent.dataplane.Policy;
import io.secureoverlay.agent.dataplane.PolicyDirection;
import io.secureoverlay.agent.dataplane.PolicyId;
import io.secureoverlay.agent.dataplane.PolicyTemplate;
import io.secureoverlay.agent.dataplane.SaCounters;
import io.secureoverlay.agent.dataplane.SaId;
import io.secureoverlay.agent.dataplane.SaLifetimes;
import io.secureoverlay.agent.dataplane.SaSpec;
import io.secureoverlay.agent.dataplane.SaState;
import io.secureoverlay.agent.dataplane.TrafficSelector;
import io.secureoverlay.agent.xfrm.XfrmAead;
import io.secureoverlay.agent.xfrm.XfrmAeadInfo;
import io.secureoverlay.agent.xfrm.XfrmDirection;
import io.secureoverlay.agent.xfrm.XfrmId;
import io.secureoverlay.agent.xfrm.XfrmLifetimeConfig;
import io.secureoverlay.agent.xfrm.XfrmMark;
import io.secureoverlay.agent.xfrm.XfrmMode;
import io.secureoverlay.agent.xfrm.XfrmPolicy;
import io.secureoverlay.agent.xfrm.XfrmPolicyAction;
import io.secureoverlay.agent.xfrm.XfrmPolicyEntry;
import io.secureoverlay.agent.xfrm.XfrmPolicyId;
import io.secureoverlay.agent.xfrm.XfrmProto;
import io.secureoverlay.agent.xfrm.XfrmReplayConfig;
import io.secureoverlay.agent.xfrm.XfrmSelector;
import io.secureoverlay.agent.xfrm.XfrmState;
import io.secureoverlay.agent.xfrm.XfrmStateEntry;
import io.secureoverlay.agent.xfrm.XfrmStateKey;
import io.secureoverlay.agent.xfrm.XfrmTemplate;
import io.secureoverlay.model.Cipher;
import io.secureoverlay.model.IcvLength;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Between the dataplane's records and the XFRM model. What SecureOverlay installs maps exactly; an
 * installed entry that the dataplane records cannot express (a mark, ports, several templates,
 * another algorithm) is not one of ours in shape, so it is left out of reports with a warning.
 */
final class XfrmDataplaneMapping {

  private static final Logger log = LoggerFactory.getLogger(XfrmDataplaneMapping.class);

  private XfrmDataplaneMapping() {}

  static XfrmState toState(SaSpec sa) {
    XfrmId id = new XfrmId(sa.id().destination(), sa.id().spi(), XfrmProto.ESP);
    SaLifetimes l = sa.lifetimes();
    return new XfrmState(
        id,
        sa.source(),
        toSelector(sa.selector()),
        sa.reqid(),
        XfrmMode.TRANSPORT,
        XfrmAead.of(sa.cipher(), sa.key(), sa.icv()),
        XfrmLifetimeConfig.limits(l.softBytes(), l.hardBytes(), l.softPackets(), l.hardPackets()),
        new XfrmReplayConfig(sa.replayWindow(), false),
        Optional.empty(),
        0);
  }

  static XfrmStateKey toKey(SaId id) {
    return XfrmStateKey.of(new XfrmId(id.destination(), id.spi(), XfrmProto.ESP));
  }

  static XfrmPolicy toPolicy(Policy p) {
    PolicyTemplate t = p.template();
    XfrmTemplate tmpl =
        new XfrmTemplate(
            new XfrmId(t.destination(), 0, XfrmProto.ESP),
            t.source(),
            t.reqid(),
            XfrmMode.TRANSPORT,
            false,
            0,
            XfrmTemplate.ALL_ALGORITHMS,
            XfrmTemplate.ALL_ALGORITHMS,
            XfrmTemplate.ALL_ALGORITHMS);
    return XfrmPolicy.allow(
        toSelector(p.selector()), direction(p.direction()), p.priority(), List.of(tmpl));
  }

  static XfrmPolicyId toPolicyId(PolicyId id) {
    return XfrmPolicyId.of(toSelector(id.selector()), direction(id.direction()));
  }

  static XfrmSelector toSelector(TrafficSelector s) {
    return new XfrmSelector(
        s.destination(),
        s.destPrefix(),
        s.source(),
        s.sourcePrefix(),
        s.protocol(),
        0,
        0,
        0,
        0,
        0,
        0);
  }

  /** The dataplane identity of an installed SA, if it is an unmarked ESP SA. */
  static Optional<SaId> saIdOf(XfrmStateEntry e) {
    if (e.id().proto() != XfrmProto.ESP || marked(e.mark())) {
      return Optional.empty();
    }
    return Optional.of(SaId.esp(e.id().destination(), e.id().spi()));
  }

  /** The dataplane identity of an installed policy, if its selector and mark allow one. */
  static Optional<PolicyId> policyIdOf(XfrmPolicyEntry e) {
    XfrmPolicy p = e.policy();
    if (marked(p.mark())) {
      return Optional.empty();
    }
    return fromSelector(p.selector()).map(sel -> new PolicyId(sel, direction(p.direction())));
  }

  static Optional<SaState> toSaState(XfrmStateEntry e) {
    Optional<SaId> id = saIdOf(e);
    Optional<TrafficSelector> sel = fromSelector(e.selector());
    Optional<XfrmAeadInfo> aead = e.aead().filter(a -> a.algorithm().equals(XfrmAead.ALGORITHM));
    Optional<Cipher> cipher = aead.flatMap(a -> cipherOf(a.keyBits()));
    Optional<IcvLength> icv = aead.flatMap(a -> icvOf(a.icvBits()));
    if (id.isEmpty()
        || sel.isEmpty()
        || e.mode() != XfrmMode.TRANSPORT
        || cipher.isEmpty()
        || icv.isEmpty()) {
      log.warn(
          "xfrm sa not reportable id={} reqid=0x{} reason=shape",
          e.id(),
          Integer.toHexString(e.reqid()));
      return Optional.empty();
    }
    XfrmLifetimeConfig l = e.lifetime();
    SaCounters counters =
        new SaCounters(
            e.current().bytes(),
            e.current().packets(),
            e.stats().replayWindow() + e.stats().replay(),
            e.stats().integrityFailed());
    return Optional.of(
        new SaState(
            id.get(),
            e.source(),
            sel.get(),
            IpsecMode.TRANSPORT,
            e.reqid(),
            cipher.get(),
            icv.get(),
            aead.get().keyFingerprint(),
            e.replay().window(),
            new SaLifetimes(
                l.softByteLimit(), l.hardByteLimit(), l.softPacketLimit(), l.hardPacketLimit()),
            counters));
  }

  static Optional<Policy> toPolicy(XfrmPolicyEntry e) {
    XfrmPolicy p = e.policy();
    Optional<PolicyId> id = policyIdOf(e);
    if (id.isEmpty()
        || p.action() != XfrmPolicyAction.ALLOW
        || p.templates().size() != 1
        || p.templates().get(0).id().proto() != XfrmProto.ESP
        || p.templates().get(0).mode() != XfrmMode.TRANSPORT) {
      log.warn(
          "xfrm policy not reportable selector={} dir={} reason=shape",
          p.selector(),
          p.direction());
      return Optional.empty();
    }
    XfrmTemplate t = p.templates().get(0);
    return Optional.of(
        new Policy(
            id.get(),
            p.priority(),
            new PolicyTemplate(
                t.source(),
                t.id().destination(),
                IpsecProtocol.ESP,
                IpsecMode.TRANSPORT,
                t.reqid())));
  }

  static Optional<Cipher> cipherOf(int keyBits) {
    for (Cipher c : Cipher.values()) {
      if (c.keyWithSaltBytes() * 8 == keyBits) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  private static Optional<IcvLength> icvOf(int bits) {
    for (IcvLength icv : IcvLength.values()) {
      if (icv.bits() == bits) {
        return Optional.of(icv);
      }
    }
    return Optional.empty();
  }

  private static Optional<TrafficSelector> fromSelector(XfrmSelector s) {
    if (s.destinationPort() != 0
        || s.destinationPortMask() != 0
        || s.sourcePort() != 0
        || s.sourcePortMask() != 0
        || s.ifindex() != 0
        || s.user() != 0) {
      return Optional.empty();
    }
    return Optional.of(
        new TrafficSelector(
            s.source(),
            s.sourcePrefixLength(),
            s.destination(),
            s.destinationPrefixLength(),
            s.proto()));
  }

  private static boolean marked(Optional<XfrmMark> mark) {
    return mark.isPresent() && (mark.get().value() != 0 || mark.get().mask() != 0);
  }

  private static XfrmDirection direction(PolicyDirection d) {
    return switch (d) {
      case IN -> XfrmDirection.IN;
      case OUT -> XfrmDirection.OUT;
      case FWD -> XfrmDirection.FWD;
    };
  }

  private static PolicyDirection direction(XfrmDirection d) {
    return switch (d) {
      case IN -> PolicyDirection.IN;
      case OUT -> PolicyDirection.OUT;
      case FWD -> PolicyDirection.FWD;
    };
  }
}
