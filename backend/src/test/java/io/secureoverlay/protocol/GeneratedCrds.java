package io.secureoverlay.protocol;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The CRD YAML the crd-generator plugin wrote into target/classes during this build. */
final class GeneratedCrds {

  static final String DIRECTORY = "META-INF/fabric8/";

  private GeneratedCrds() {}

  static String fileName(String crdName) {
    return crdName + "-v1.yml";
  }

  static CustomResourceDefinition load(String crdName) {
    String resource = DIRECTORY + fileName(crdName);
    try (InputStream in = GeneratedCrds.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            resource + " is missing: the crd-generator plugin runs in process-classes");
      }
      return new KubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
