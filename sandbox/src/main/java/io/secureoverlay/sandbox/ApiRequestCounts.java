package io.secureoverlay.sandbox;

import java.util.Map;
import java.util.TreeMap;

/**
 * Requests the sandbox's API server answered, as counted at the server.
 *
 * @param writesByKind POST/PUT/PATCH/DELETE per resource plural ({@code secureoverlaynodes}, {@code
 *     secureoverlays}, {@code secrets}, {@code leases}, {@code events}, ...)
 * @param nodeReportWrites writes to each node's {@code SecureOverlayNode} (by name; creations,
 *     whose name is in the body, under {@code (create)})
 */
public record ApiRequestCounts(
    long reads, Map<String, Long> writesByKind, Map<String, Long> nodeReportWrites) {

  public ApiRequestCounts {
    writesByKind = Map.copyOf(writesByKind);
    nodeReportWrites = Map.copyOf(nodeReportWrites);
  }

  public long writes() {
    return writesByKind.values().stream().mapToLong(Long::longValue).sum();
  }

  public long writes(String kind) {
    return writesByKind.getOrDefault(kind, 0L);
  }

  /** The most writes any one node made to its {@code SecureOverlayNode}. */
  public long maxNodeReportWrites() {
    return nodeReportWrites.entrySet().stream()
        .filter(e -> !e.getKey().equals("(create)"))
        .mapToLong(Map.Entry::getValue)
        .max()
        .orElse(0);
  }

  /** What happened between {@code earlier} and this. */
  public ApiRequestCounts since(ApiRequestCounts earlier) {
    return new ApiRequestCounts(
        reads - earlier.reads,
        minus(writesByKind, earlier.writesByKind),
        minus(nodeReportWrites, earlier.nodeReportWrites));
  }

  private static Map<String, Long> minus(Map<String, Long> now, Map<String, Long> before) {
    Map<String, Long> out = new TreeMap<>();
    now.forEach(
        (k, v) -> {
          long d = v - before.getOrDefault(k, 0L);
          if (d != 0) {
            out.put(k, d);
          }
        });
    return out;
  }
}
