package io.secureoverlay.sandbox;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.crud.AttributeSet;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * fabric8's CRUD dispatcher with two costs removed that grow with the cluster, so that the sandbox
 * measures SecureOverlay rather than the mock server (a real API server has neither):
 *
 * <ul>
 *   <li>On every update the mock server decides whether the object changed (and needs a new
 *       resourceVersion) through a JSON Patch diff whose array part is quadratic; the plan's node
 *       table is an array of one row per node. Deep equality answers the same question in linear
 *       time.
 *   <li>Every write looks its object up by scanning all stored objects: two thousand of them at a
 *       thousand nodes, for each of the thousands of node-report writes of a transition. The key
 *       each query last resolved to is remembered and checked against the store before use, so an
 *       object that was replaced or deleted falls back to the scan.
 * </ul>
 */
final class SandboxCrudDispatcher extends KubernetesCrudDispatcher {

  private final Map<AttributeSet, AttributeSet> resolved = new ConcurrentHashMap<>();

  @Override
  public void touchResourceVersion(JsonNode existing, JsonNode updated) {
    if (!Objects.equals(existing, updated)) {
      ((ObjectNode) updated.get(METADATA))
          .put(RESOURCE_VERSION, String.valueOf(requestResourceVersion()));
    }
  }

  @Override
  public Map.Entry<AttributeSet, String> findResource(AttributeSet query) {
    AttributeSet known = resolved.get(query);
    if (known != null) {
      String stored = map.get(known);
      if (stored != null && known.matches(query)) {
        return Map.entry(known, stored);
      }
    }
    Map.Entry<AttributeSet, String> found = super.findResource(query);
    if (found == null) {
      resolved.remove(query);
    } else {
      resolved.put(query, found.getKey());
    }
    return found;
  }
}
