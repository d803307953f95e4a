package io.secureoverlay.agent.reconcile;

import io.secureoverlay.agent.dataplane.IpsecMode;
import io.secureoverlay.agent.dataplane.SaId;
import io.secureoverlay.agent.dataplane.SaLifetimes;
import io.secureoverlay.agent.dataplane.SaSpec;
import io.secureoverlay.agent.dataplane.SaState;
import io.secureoverlay.agent.dataplane.TrafficSelector;
import io.secureoverlay.crypto.KeyFingerprints;
import io.secureoverlay.crypto.SecretBytes;
import io.secureoverlay.model.Cipher;
import io.secureoverlay.model.IcvLength;
import java.net.InetAddress;

/**
 * A desired SA before its key is derived: everything an installed SA is compared against, including
 * the fingerprint its key will have (as the number {@link SecretBytes#fingerprintBits()} gives: an
 * agent keeps one per peer and epoch), plus the epoch the key comes from. Deriving the key only for
 * SAs that must be (re)installed keeps a steady-state pass free of key material.
 */
public record DesiredSa(
    SaId id,
    InetAddress source,
    TrafficSelector selector,
    IpsecMode mode,
    int reqid,
    Cipher cipher,
    IcvLength icv,
    int replayWindow,
    SaLifetimes lifetimes,
    long epoch,
    long keyFingerprint) {

  /** Whether an installed SA already has this key and these parameters (lifetimes aside). */
  public boolean sameFixedFields(SaState have) {
    return have.source().equals(source)
        && have.selector().equals(selector)
        && have.mode() == mode
        && have.reqid() == reqid
        && have.cipher() == cipher
        && have.icv() == icv
        && have.replayWindow() == replayWindow
        && KeyFingerprints.bits(have.keyFingerprint()) == keyFingerprint;
  }

  /** Whether {@code other} (installed, or wanted last pass) has this key and these parameters. */
  public boolean sameFixedFields(DesiredSa other) {
    return other == this
        || (other.source.equals(source)
            && other.selector.equals(selector)
            && other.mode == mode
            && other.reqid == reqid
            && other.cipher == cipher
            && other.icv == icv
            && other.replayWindow == replayWindow
            && other.keyFingerprint == keyFingerprint);
  }

  /** An installed SA in desired terms, for comparing against; epoch -1 (the SA does not say). */
  public static DesiredSa installed(SaState sa) {
    return new DesiredSa(
        sa.id(),
        sa.source(),
        sa.selector(),
        sa.mode(),
        sa.reqid(),
        sa.cipher(),
        sa.icv(),
        sa.replayWindow(),
        sa.lifetimes(),
        -1,
        KeyFingerprints.bits(sa.keyFingerprint()));
  }

  /** The installable SA with {@code key}, which the caller derived and will close. */
  public SaSpec withKey(SecretBytes key) {
    return new SaSpec(id, source, selector, mode, reqid, cipher, icv, key, replayWindow, lifetimes);
  }

  /** A desired SA from a complete spec (its key's fingerprint is taken now). */
  public static DesiredSa of(SaSpec spec, long epoch) {
    return new DesiredSa(
        spec.id(),
        spec.source(),
        spec.selector(),
        spec.mode(),
        spec.reqid(),
        spec.cipher(),
        spec.icv(),
        spec.replayWindow(),
        spec.lifetimes(),
        epoch,
        spec.key().fingerprintBits());
  }

  /** With the key's fingerprint in the hex digits every other place shows. */
  @Override
  public String toString() {
    return "DesiredSa[id="
        + id
        + ", source="
        + source.getHostAddress()
        + ", reqid="
        + reqid
        + ", cipher="
        + cipher
        + ", icv="
        + icv
        + ", epoch="
        + epoch
        + ", keyFingerprint="
        + KeyFingerprints.hex(keyFingerprint)
        + "]";
  }
}
