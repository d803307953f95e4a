package io.secureoverlay.agent.dataplane;

import io.secureoverlay.model.Cipher;
import io.secureoverlay.model.IcvLength;
import java.net.InetAddress;
import java.util.Objects;

/**
 * An installed SA as the dataplane reports it. The key never leaves the dataplane: {@code
 * keyFingerprint} is {@link io.secureoverlay.crypto.SecretBytes#fingerprint()} of the key blob (AES
 * key followed by the 4-byte salt), so it equals the fingerprint of the {@link SaSpec#key()} the SA
 * was installed with.
 */
public record SaState(
    SaId id,
    InetAddress source,
    TrafficSelector selector,
    IpsecMode mode,
    int reqid,
    Cipher cipher,
    IcvLength icv,
    String keyFingerprint,
    int replayWindow,
    SaLifetimes lifetimes,
    SaCounters counters)
    implements InstalledSaView {

  public SaState {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(selector, "selector");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(cipher, "cipher");
    Objects.requireNonNull(icv, "icv");
    Objects.requireNonNull(keyFingerprint, "keyFingerprint");
    Objects.requireNonNull(lifetimes, "lifetimes");
    Objects.requireNonNull(counters, "counters");
  }

  @Override
  public long bytes() {
    return counters.bytes();
  }

  @Override
  public long packets() {
    return counters.packets();
  }

  @Override
  public long integrityErrors() {
    return counters.integrityErrors();
  }

  @Override
  public long replayErrors() {
    return counters.replayErrors();
  }
}
