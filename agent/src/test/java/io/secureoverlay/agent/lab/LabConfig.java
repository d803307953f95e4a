package io.secureoverlay.agent.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Writes the static configuration files the lab agents read: one file per node, so that a test can
 * move nodes through a transition one at a time, as a careless rollout would. Secrets are test data
 * from a fixed seed; files are replaced atomically so an agent never reads half a file.
 */
public final class LabConfig {

  private final List<LabNode> nodes;
  private final Path dir;
  private final SplittableRandom random = new SplittableRandom(0x1AB);
  private final Map<Long, String> secrets = new TreeMap<>();
  private int icvBits = 64;

  public LabConfig(List<LabNode> nodes, Path dir) {
    this.nodes = List.copyOf(nodes);
    this.dir = dir;
  }

  static String nodeName(LabNode node) {
    return "node-" + node.index();
  }

  public Path fileOf(LabNode node) {
    return dir.resolve(nodeName(node) + ".json");
  }

  public LabConfig icvBits(int bits) {
    this.icvBits = bits;
    return this;
  }

  /** The cluster secret of an epoch (32 bytes, base64), made on first use. */
  public String secret(long epoch) {
    return secrets.computeIfAbsent(epoch, e -> randomSecret());
  }

  public String randomSecret() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** Writes {@code node}'s file: these epochs inbound, this one outbound (or none), enforce. */
  public void write(LabNode node, List<Long> epochs, OptionalLong outbound, boolean enforce) {
    Map<Long, String> own = new TreeMap<>();
    epochs.forEach(e -> own.put(e, secret(e)));
    writeWithSecrets(node, own, outbound, enforce);
  }

  /** The same for every node. */
  public void writeAll(List<Long> epochs, OptionalLong outbound, boolean enforce) {
    nodes.forEach(n -> write(n, epochs, outbound, enforce));
  }

  /** Writes a file with explicit secrets, e.g. a wrong one for one node. */
  public void writeWithSecrets(
      LabNode node, Map<Long, String> epochSecrets, OptionalLong outbound, boolean enforce) {
    List<String> nodeLines = new ArrayList<>();
    for (LabNode n : nodes) {
      nodeLines.add(
          String.format(
              "    { \"name\": \"%s\", \"underlayIp\": \"%s\", \"index\": %d }",
              nodeName(n), n.underlayIp(), n.index()));
    }
    List<String> epochLines = new ArrayList<>();
    epochSecrets.forEach(
        (e, s) -> epochLines.add(String.format("    { \"epoch\": %d, \"secret\": \"%s\" }", e, s)));
    String json =
        "{\n  \"version\": 1,\n  \"nodes\": [\n"
            + String.join(",\n", nodeLines)
            + "\n  ],\n  \"cipher\": \"aes-gcm-128\",\n  \"icvBits\": "
            + icvBits
            + ",\n  \"epochs\": [\n"
            + String.join(",\n", epochLines)
            + "\n  ],\n  \"outboundEpoch\": "
            + (outbound.isPresent() ? Long.toString(outbound.getAsLong()) : "null")
            + ",\n  \"enforce\": "
            + enforce
            + "\n}\n";
    try {
      Path tmp = Files.createTempFile(dir, nodeName(node), ".tmp");
      Files.writeString(tmp, json, StandardCharsets.UTF_8);
      Files.move(
          tmp, fileOf(node), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the lab config of " + nodeName(node), e);
    }
  }
}
