package io.secureoverlay.ui.browser;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.secureoverlay.crypto.PairKeyDeriver;
import io.secureoverlay.crypto.SecretBytes;
import io.secureoverlay.protocol.IndexedNode;
import io.secureoverlay.protocol.KeyRing;
import io.secureoverlay.protocol.KeysSecretCodec;
import io.secureoverlay.protocol.SecureOverlay;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads, as an attacker with API access would, the key material the console's sandbox cluster holds
 * right now (every epoch secret in the keys Secret and every pair key derived from it) and adds it
 * to a {@link KeyByteScan}. The console must never show any of it.
 */
final class SandboxKeyMaterial {

  private SandboxKeyMaterial() {}

  /** Adds the current key material; returns how many epochs it held. */
  static int addTo(KeyByteScan scan, String apiUrl) throws UnknownHostException {
    try (KubernetesClient client =
        new KubernetesClientBuilder()
            .withConfig(new ConfigBuilder().withMasterUrl(apiUrl).build())
            .build()) {
      Secret secret =
          client
              .secrets()
              .inNamespace(KeysSecretCodec.NAMESPACE)
              .withName(KeysSecretCodec.SECRET_NAME)
              .get();
      if (secret == null) {
        return 0;
      }
      List<InetAddress> nodes = new ArrayList<>();
      SecureOverlay overlay =
          client.resources(SecureOverlay.class).withName(SecureOverlay.SINGLETON_NAME).get();
      for (IndexedNode row : overlay.getStatus().getNodes()) {
        nodes.add(InetAddress.getByName(row.underlayIp()));
      }
      PairKeyDeriver deriver = new PairKeyDeriver();
      try (KeyRing ring = new KeysSecretCodec().decode(secret)) {
        for (long epoch : ring.epochs()) {
          add(scan, "epoch " + epoch + " secret", ring.secret(epoch));
          for (InetAddress src : nodes) {
            for (InetAddress dst : nodes) {
              if (!src.equals(dst)) {
                try (SecretBytes key =
                    deriver.derive(ring.secret(epoch), epoch, src, dst, ring.cipher())) {
                  add(
                      scan,
                      "epoch "
                          + epoch
                          + " key "
                          + src.getHostAddress()
                          + "->"
                          + dst.getHostAddress(),
                      key);
                }
              }
            }
          }
        }
        return ring.epochs().size();
      }
    }
  }

  private static void add(KeyByteScan scan, String label, SecretBytes secret) {
    byte[] bytes = secret.copy();
    try {
      scan.add(label, bytes);
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }
}
