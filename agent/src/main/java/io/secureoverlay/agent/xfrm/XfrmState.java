package io.secureoverlay.agent.xfrm;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * An SA to install: ESP with rfc4106(gcm(aes)). {@code reqid} ties it to the policy templates that
 * use it and marks it as SecureOverlay's own (see {@link XfrmOwnership}).
 *
 * @param extraFlags XFRM_SA_XFLAG_* bits, sent as XFRMA_SA_EXTRA_FLAGS when not 0
 */
public record XfrmState(
    XfrmId id,
    InetAddress source,
    XfrmSelector selector,
    int reqid,
    XfrmMode mode,
    XfrmAead aead,
    XfrmLifetimeConfig lifetime,
    XfrmReplayConfig replay,
    Optional<XfrmMark> mark,
    int extraFlags) {

  public XfrmState {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(selector, "selector");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(aead, "aead");
    Objects.requireNonNull(lifetime, "lifetime");
    Objects.requireNonNull(replay, "replay");
    Objects.requireNonNull(mark, "mark");
    if (AddressFamily.of(source) != id.family()) {
      throw new IllegalArgumentException(
          "SA source "
              + source.getHostAddress()
              + " and destination "
              + id.destination().getHostAddress()
              + " are of different families");
    }
    if (id.proto() != XfrmProto.ESP) {
      throw new IllegalArgumentException("an AEAD SA must be ESP, not " + id.proto());
    }
  }

  /** A transport-mode SA without limits, replay protection, mark or extra flags. */
  public static XfrmState transport(
      XfrmId id, InetAddress source, XfrmSelector selector, int reqid, XfrmAead aead) {
    return new XfrmState(
        id,
        source,
        selector,
        reqid,
        XfrmMode.TRANSPORT,
        aead,
        XfrmLifetimeConfig.UNLIMITED,
        XfrmReplayConfig.NONE,
        Optional.empty(),
        0);
  }

  public XfrmState withLifetime(XfrmLifetimeConfig newLifetime) {
    return new XfrmState(
        id, source, selector, reqid, mode, aead, newLifetime, replay, mark, extraFlags);
  }

  public XfrmState withReplay(XfrmReplayConfig newReplay) {
    return new XfrmState(
        id, source, selector, reqid, mode, aead, lifetime, newReplay, mark, extraFlags);
  }

  public XfrmState withMark(XfrmMark newMark) {
    return new XfrmState(
        id,
        source,
        selector,
        reqid,
        mode,
        aead,
        lifetime,
        replay,
        Optional.of(newMark),
        extraFlags);
  }

  public XfrmState withExtraFlags(int newExtraFlags) {
    return new XfrmState(
        id, source, selector, reqid, mode, aead, lifetime, replay, mark, newExtraFlags);
  }

  public XfrmState withAead(XfrmAead newAead) {
    return new XfrmState(
        id, source, selector, reqid, mode, newAead, lifetime, replay, mark, extraFlags);
  }

  /** What GET and DELETE need to find this SA again. */
  public XfrmStateKey key() {
    return new XfrmStateKey(id, Optional.of(source), mark);
  }
}
