package io.secureoverlay.cli;

import io.secureoverlay.mtu.EspOverhead;
import io.secureoverlay.mtu.MtuResult;
import java.util.List;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code --output json}: the result as one JSON object. Field names are a contract for scripts, so
 * they are spelled out here rather than derived from the domain records.
 */
final class MtuJsonReport {

  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build();

  private MtuJsonReport() {}

  static String render(MtuResult result) {
    return MAPPER.writeValueAsString(Json.of(result)) + System.lineSeparator();
  }

  /** Inner packet sizes (bytes) that fit the documented figure but not the external MTU. */
  record SizeRange(int from, int to) {}

  record Overhead(
      int outerIpHeader,
      int espHeader,
      int iv,
      int padding,
      int trailer,
      int icv,
      int alignmentSlack,
      int total) {

    static Overhead of(EspOverhead o) {
      return new Overhead(
          o.outerIpHeader(),
          o.espHeader(),
          o.iv(),
          o.padding(),
          o.trailer(),
          o.icv(),
          o.alignmentSlack(),
          o.total());
    }
  }

  record Config(String ucpConfigToml, String calicoFelixConfigurationYaml) {}

  record Json(
      String family,
      String cipher,
      int icvBits,
      List<Integer> extMtus,
      int extMtu,
      int exactTunnelMtu,
      int documentedTunnelMtu,
      boolean documentedFragments,
      int documentedExcessBytes,
      SizeRange affectedInnerPacketBytes,
      int documentedWireBytes,
      Overhead overhead,
      Config config,
      List<String> notes) {

    static Json of(MtuResult r) {
      return new Json(
          r.family().id(),
          r.cipher().id(),
          r.icv().bits(),
          r.extMtus(),
          r.extMtu(),
          r.exactTunnelMtu(),
          r.documentedTunnelMtu(),
          r.documentedFragments(),
          r.documentedExcessBytes(),
          r.documentedFragments()
              ? new SizeRange(r.exactTunnelMtu() + 1, r.documentedTunnelMtu())
              : null,
          r.documentedWireBytes(),
          Overhead.of(r.overhead()),
          new Config(r.config().ucpConfigToml(), r.config().felixConfigurationYaml()),
          r.notes());
    }
  }
}
