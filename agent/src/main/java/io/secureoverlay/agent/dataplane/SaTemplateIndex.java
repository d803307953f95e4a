package io.secureoverlay.agent.dataplane;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the SA an outbound template resolves to, as the kernel's {@code xfrm_state_find} does for
 * transport mode: same destination, source, protocol, mode and reqid. Several may match (an SA
 * being replaced); the newest wins. One hash lookup per packet.
 */
final class SaTemplateIndex {

  private record Key(
      InetAddress destination,
      InetAddress source,
      IpsecProtocol protocol,
      IpsecMode mode,
      int reqid) {
    @Override
    public int hashCode() {
      int shape = reqid * 16 + protocol.ordinal() * 4 + mode.ordinal();
      return HashMix.of(HashMix.of(destination.hashCode(), source.hashCode()), shape);
    }
  }

  private final Map<Key, List<SimulatedSa>> byTemplate = new HashMap<>();

  void add(SimulatedSa sa) {
    byTemplate.computeIfAbsent(keyOf(sa), k -> new ArrayList<>(1)).add(sa);
  }

  void remove(SimulatedSa sa) {
    Key key = keyOf(sa);
    List<SimulatedSa> list = byTemplate.get(key);
    if (list != null) {
      list.remove(sa);
      if (list.isEmpty()) {
        byTemplate.remove(key);
      }
    }
  }

  /** The SA for a packet from {@code source} to {@code destination} under {@code template}. */
  SimulatedSa resolve(InetAddress destination, InetAddress source, PolicyTemplate template) {
    List<SimulatedSa> list =
        byTemplate.get(
            new Key(destination, source, template.protocol(), template.mode(), template.reqid()));
    return list == null || list.isEmpty() ? null : list.get(list.size() - 1);
  }

  private static Key keyOf(SimulatedSa sa) {
    return new Key(sa.id().destination(), sa.source(), sa.id().protocol(), sa.mode(), sa.reqid());
  }
}
