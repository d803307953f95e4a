package io.secureoverlay.agent.xfrm;

import java.net.InetAddress;
import java.util.Optional;

/**
 * An SA as the kernel reports it (GETSA, dump): its configuration, what has gone through it, and
 * its error counters. The key is never held: {@link #aead()} carries only its fingerprint. An SA
 * without AEAD (a foreign one with separate cipher and auth algorithms) has an empty {@code aead}.
 *
 * @param flags XFRM_STATE_* bits as the kernel reports them
 */
public record XfrmStateEntry(
    XfrmId id,
    InetAddress source,
    XfrmSelector selector,
    int reqid,
    XfrmMode mode,
    Optional<XfrmAeadInfo> aead,
    XfrmLifetimeConfig lifetime,
    XfrmLifetimeCurrent current,
    XfrmStats stats,
    XfrmReplayConfig replay,
    Optional<XfrmReplayState> replayState,
    Optional<XfrmMark> mark,
    int flags,
    int extraFlags) {

  public XfrmStateKey key() {
    return new XfrmStateKey(id, Optional.of(source), mark);
  }

  /**
   * Whether this installed SA is configured as {@code wanted}: same identity, selector, reqid,
   * mode, algorithm, key (by fingerprint), ICV, limits, replay setup, mark and extra flags.
   */
  public boolean matches(XfrmState wanted) {
    return id.equals(wanted.id())
        && source.equals(wanted.source())
        && selector.equals(wanted.selector())
        && reqid == wanted.reqid()
        && mode == wanted.mode()
        && aead.isPresent()
        && aead.get().algorithm().equals(XfrmAead.ALGORITHM)
        && aead.get().keyBits() == wanted.aead().keyBits()
        && aead.get().icvBits() == wanted.aead().icv().bits()
        && aead.get().keyFingerprint().equals(wanted.aead().key().fingerprint())
        && lifetime.equals(wanted.lifetime())
        && replay.equals(wanted.replay())
        && mark.equals(wanted.mark())
        && extraFlags == wanted.extraFlags();
  }
}
