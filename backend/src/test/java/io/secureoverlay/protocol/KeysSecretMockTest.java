package io.secureoverlay.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.secureoverlay.model.Cipher;
import io.secureoverlay.model.IcvLength;
import org.junit.jupiter.api.Test;

/** The keys Secret written to and read from the fabric8 mock API server (CRUD mode). */
@EnableKubernetesMockClient(crud = true)
class KeysSecretMockTest {

  private KubernetesClient client;

  private final KeysSecretCodec codec = new KeysSecretCodec();

  @Test
  void keysSurviveTheApiServerAndARotation() {
    try (KeyRing first = KeyMaterial.ring(Cipher.AES_GCM_256, IcvLength.ICV_128, 41, 42)) {
      client.secrets().resource(codec.encode(first)).create();

      try (KeyRing read = codec.decode(fetch())) {
        assertThat(read.cipher()).isEqualTo(Cipher.AES_GCM_256);
        assertThat(read.icv()).isEqualTo(IcvLength.ICV_128);
        assertThat(read.epochs()).containsExactly(41L, 42L);
        assertThat(read.secret(41).sameBytesAs(first.secret(41))).isTrue();
        assertThat(read.secret(42).sameBytesAs(first.secret(42))).isTrue();
      }
    }

    try (KeyRing rotated = KeyMaterial.ring(Cipher.AES_GCM_256, IcvLength.ICV_128, 42, 43)) {
      client.secrets().resource(codec.encode(rotated)).update();

      try (KeyRing read = codec.decode(fetch())) {
        assertThat(read.epochs()).containsExactly(42L, 43L);
        assertThat(read.secret(43).sameBytesAs(rotated.secret(43))).isTrue();
      }
    }
  }

  private Secret fetch() {
    Secret secret =
        client
            .secrets()
            .inNamespace(KeysSecretCodec.NAMESPACE)
            .withName(KeysSecretCodec.SECRET_NAME)
            .get();
    assertThat(secret).as("the keys Secret").isNotNull();
    return secret;
  }
}
