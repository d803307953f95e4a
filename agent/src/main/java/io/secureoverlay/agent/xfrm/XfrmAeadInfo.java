package io.secureoverlay.agent.xfrm;

/**
 * The AEAD of an installed SA as read back from the kernel: the key itself is reduced to its
 * fingerprint (first 8 bytes of SHA-256, as {@code SecretBytes#fingerprint()}) while decoding, so
 * it can be compared with the wanted key without ever being held.
 */
public record XfrmAeadInfo(String algorithm, int keyBits, int icvBits, String keyFingerprint) {}
