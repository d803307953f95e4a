package io.secureoverlay.agent.dataplane;

import io.secureoverlay.crypto.SecretBytes;
import io.secureoverlay.model.Cipher;
import io.secureoverlay.model.IcvLength;
import java.net.InetAddress;
import java.util.Objects;

/**
 * An SA to install ({@code XFRM_MSG_NEWSA}: {@code xfrm_usersa_info} plus {@code XFRMA_ALG_AEAD}
 * with {@value Cipher#KERNEL_ALGORITHM}). The key is the kernel's rfc4106 key blob, AES key
 * followed by the 4-byte salt; the caller owns it and closes it once the change is applied. Its
 * {@code toString} shows no key bytes.
 *
 * @param id destination, SPI and protocol: the kernel's identity of the SA
 * @param source the sender's address ({@code xfrm_usersa_info.saddr})
 * @param selector the traffic the SA may carry ({@code xfrm_usersa_info.sel})
 * @param reqid ties the SA to policy templates; must be an {@link OwnedReqids owned} reqid
 * @param replayWindow anti-replay window in packets ({@code xfrm_usersa_info.replay_window})
 */
public record SaSpec(
    SaId id,
    InetAddress source,
    TrafficSelector selector,
    IpsecMode mode,
    int reqid,
    Cipher cipher,
    IcvLength icv,
    SecretBytes key,
    int replayWindow,
    SaLifetimes lifetimes) {

  public SaSpec {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(selector, "selector");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(cipher, "cipher");
    Objects.requireNonNull(icv, "icv");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(lifetimes, "lifetimes");
    if (key.length() != cipher.keyWithSaltBytes()) {
      throw new IllegalArgumentException(
          "key of "
              + key.length()
              + " bytes does not fit "
              + cipher.id()
              + ": expected "
              + cipher.keyWithSaltBytes()
              + " (key + 4-byte salt)");
    }
    if (replayWindow < 0 || replayWindow > 255) {
      throw new IllegalArgumentException("replayWindow " + replayWindow + " not in 0..255");
    }
  }
}
