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

  /**
   * A lone SA, or a list of them (oldest first) while one replaces another: almost every template
   * resolves to one SA, and a list per SA was a fifth of the simulated data plane's memory.
   */
  private final Map<Key, Object> byTemplate = new HashMap<>();

  void add(SimulatedSa sa) {
    byTemplate.merge(keyOf(sa), sa, SaTemplateIndex::append);
  }

  void remove(SimulatedSa sa) {
    Key key = keyOf(sa);
    Object entry = byTemplate.get(key);
    if (entry == sa) {
      byTemplate.remove(key);
    } else if (entry instanceof List<?> list) {
      list.remove(sa);
      if (list.size() == 1) {
        byTemplate.put(key, list.get(0));
      }
    }
  }

  /** The SA for a packet from {@code source} to {@code destination} under {@code template}. */
  SimulatedSa resolve(InetAddress destination, InetAddress source, PolicyTemplate template) {
    Object entry =
        byTemplate.get(
            new Key(destination, source, template.protocol(), template.mode(), template.reqid()));
    if (entry instanceof List<?> list) {
      return (SimulatedSa) list.get(list.size() - 1);
    }
    return (SimulatedSa) entry;
  }

  private static Object append(Object existing, Object added) {
    List<Object> list;
    if (existing instanceof List<?> l) {
      @SuppressWarnings("unchecked")
      List<Object> known = (List<Object>) l;
      list = known;
    } else {
      list = new ArrayList<>(2);
      list.add(existing);
    }
    list.add(added);
    return list;
  }

  private static Key keyOf(SimulatedSa sa) {
    return new Key(sa.id().destination(), sa.source(), sa.id().protocol(), sa.mode(), sa.reqid());
  }
}
