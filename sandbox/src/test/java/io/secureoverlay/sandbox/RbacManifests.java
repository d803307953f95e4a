package io.secureoverlay.sandbox;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The manifests in the repository's {@code deploy/} folder, each YAML document parsed by fabric8's
 * serialization into its model class (Role, ClusterRole, Deployment, ...).
 */
final class RbacManifests {

  private static final KubernetesSerialization YAML = new KubernetesSerialization();

  private final Path directory;
  private final List<HasMetadata> objects;

  private RbacManifests(Path directory, List<HasMetadata> objects) {
    this.directory = directory;
    this.objects = List.copyOf(objects);
  }

  /** The repository's {@code deploy/}, found from the module directory the tests run in. */
  static Path deployDirectory() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolve("deploy").resolve("kustomization.yaml");
      if (Files.isRegularFile(candidate)) {
        return candidate.getParent();
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException(
        "no deploy/kustomization.yaml above " + Path.of("").toAbsolutePath());
  }

  static RbacManifests load() {
    return load(deployDirectory());
  }

  /** Every {@code *.yaml} / {@code *.yml} under {@code directory}, except the kustomization. */
  static RbacManifests load(Path directory) {
    List<HasMetadata> objects = new ArrayList<>();
    for (Path file : manifestFiles(directory)) {
      objects.addAll(parse(file));
    }
    return new RbacManifests(directory, objects);
  }

  static List<Path> manifestFiles(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .filter(p -> !p.getFileName().toString().equals("kustomization.yaml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The documents of one file; a document that is not a Kubernetes object fails the parse. */
  static List<HasMetadata> parse(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<HasMetadata> out = new ArrayList<>();
    for (String document : text.split("(?m)^---\\s*$")) {
      if (document.lines().allMatch(l -> l.isBlank() || l.stripLeading().startsWith("#"))) {
        continue;
      }
      Object parsed = YAML.unmarshal(document);
      if (!(parsed instanceof HasMetadata object)) {
        throw new IllegalArgumentException(
            file + ": a document is not a Kubernetes object: " + parsed.getClass().getName());
      }
      out.add(object);
    }
    return out;
  }

  /** deploy/kustomization.yaml as a plain map. */
  Map<?, ?> kustomization() {
    try {
      return YAML.unmarshal(Files.readString(directory.resolve("kustomization.yaml")), Map.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path directory() {
    return directory;
  }

  List<HasMetadata> objects() {
    return objects;
  }

  <T extends HasMetadata> List<T> all(Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
