package io.secureoverlay.master;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.secureoverlay.crypto.EpochSecretGenerator;
import io.secureoverlay.crypto.KeyFingerprints;
import io.secureoverlay.crypto.SecretBytes;
import io.secureoverlay.model.Cipher;
import io.secureoverlay.model.IcvLength;
import io.secureoverlay.protocol.KeyRing;
import io.secureoverlay.protocol.KeysSecretCodec;
import io.secureoverlay.protocol.KeysSecretFormatException;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys Secret, read and written through {@link KeysSecretCodec}. Reading yields a {@link
 * KeysView} (numbers and fingerprints, never bytes); writing applies {@link KeyChange}s with a
 * fresh read and the Secret's resourceVersion, so a concurrent writer makes it fail, not overwrite.
 * Key material lives only inside {@link KeyRing}s that are closed before a method returns.
 */
final class KeysSecretStore {

  private static final Logger LOG = LoggerFactory.getLogger(KeysSecretStore.class);

  private final KubernetesClient client;
  private final String namespace;
  private final KeysSecretCodec codec = new KeysSecretCodec();
  private final EpochSecretGenerator generator;

  KeysSecretStore(KubernetesClient client, String namespace, EpochSecretGenerator generator) {
    this.client = client;
    this.namespace = namespace;
    this.generator = generator;
  }

  KeysView read() {
    return view(fetch());
  }

  KeysView view(Secret secret) {
    if (secret == null) {
      return new KeysView.Absent();
    }
    try (KeyRing ring = codec.decode(secret)) {
      SortedMap<Long, String> fingerprints = new TreeMap<>();
      for (long epoch : ring.epochs()) {
        fingerprints.put(epoch, KeyFingerprints.ofEpochSecret(ring.secret(epoch)));
      }
      return new KeysView.Present(ring.cipher(), ring.icv(), fingerprints);
    } catch (KeysSecretFormatException e) {
      return new KeysView.Malformed(e.field(), problem(e));
    }
  }

  /** Applies the changes in one write: created if absent, else replaced at its resourceVersion. */
  void apply(List<KeyChange> changes) {
    if (changes.isEmpty()) {
      return;
    }
    Secret current = fetch();
    try (KeyRing next = next(current, changes)) {
      Secret written = inNamespace(codec.encode(next));
      try {
        if (current == null) {
          client.secrets().inNamespace(namespace).resource(written).create();
        } else {
          written.getMetadata().setResourceVersion(current.getMetadata().getResourceVersion());
          client.secrets().inNamespace(namespace).resource(written).update();
        }
      } catch (KubernetesClientException e) {
        throw new GatewayException(
            "writing Secret " + namespace + "/" + KeysSecretCodec.SECRET_NAME, e);
      }
      LOG.info(
          "event=keys_secret_written namespace={} name={} epochs={} changes={}",
          namespace,
          KeysSecretCodec.SECRET_NAME,
          next.epochs(),
          describe(changes));
    }
  }

  private KeyRing next(Secret current, List<KeyChange> changes) {
    Cipher cipher = null;
    IcvLength icv = null;
    SortedMap<Long, SecretBytes> secrets = new TreeMap<>();
    if (current != null) {
      try (KeyRing ring = codec.decode(current)) {
        cipher = ring.cipher();
        icv = ring.icv();
        for (long epoch : ring.epochs()) {
          secrets.put(epoch, SecretBytes.wrap(ring.secret(epoch).copy()));
        }
      }
    }
    try {
      for (KeyChange change : changes) {
        if (change instanceof KeyChange.DropEpochs drop) {
          drop.epochs().forEach(e -> close(secrets.remove(e)));
        } else if (change instanceof KeyChange.CreateEpoch create) {
          if (secrets.containsKey(create.epoch())) {
            continue; // created by an earlier attempt whose plan write did not happen
          }
          if (secrets.isEmpty()) {
            cipher = create.cipher();
            icv = create.icv();
          } else if (cipher != create.cipher() || icv != create.icv()) {
            throw new IllegalStateException(
                "epoch "
                    + create.epoch()
                    + " asked with "
                    + create.cipher().id()
                    + "/"
                    + create.icv().bits()
                    + " while the Secret holds "
                    + cipher.id()
                    + "/"
                    + icv.bits());
          }
          secrets.put(create.epoch(), generator.newEpochSecret());
        }
      }
      return new KeyRing(cipher, icv, secrets);
    } catch (RuntimeException e) {
      secrets.values().forEach(SecretBytes::close);
      throw e;
    }
  }

  private Secret fetch() {
    try {
      return client.secrets().inNamespace(namespace).withName(KeysSecretCodec.SECRET_NAME).get();
    } catch (KubernetesClientException e) {
      throw new GatewayException(
          "reading Secret " + namespace + "/" + KeysSecretCodec.SECRET_NAME, e);
    }
  }

  private Secret inNamespace(Secret secret) {
    secret.getMetadata().setNamespace(namespace);
    return secret;
  }

  /** The codec's message without the field prefix, which KeysView keeps apart. */
  private static String problem(KeysSecretFormatException e) {
    String prefix = e.field() + ": ";
    String message = e.getMessage();
    return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
  }

  private static String describe(List<KeyChange> changes) {
    StringBuilder out = new StringBuilder();
    for (KeyChange c : changes) {
      if (!out.isEmpty()) {
        out.append(',');
      }
      if (c instanceof KeyChange.CreateEpoch create) {
        out.append("create:").append(create.epoch());
      } else if (c instanceof KeyChange.DropEpochs drop) {
        out.append("drop:").append(drop.epochs());
      }
    }
    return out.toString();
  }

  private static void close(SecretBytes secret) {
    if (secret != null) {
      secret.close();
    }
  }
}
