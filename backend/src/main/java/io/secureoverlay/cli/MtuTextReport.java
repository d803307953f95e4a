package io.secureoverlay.cli;

import io.secureoverlay.mtu.EspMtuCalculator;
import io.secureoverlay.mtu.EspOverhead;
import io.secureoverlay.mtu.MtuResult;
import java.util.stream.Collectors;

/** {@code --output text}: the figures, a WARNING when the documented rule fails, config lines. */
final class MtuTextReport {

  private MtuTextReport() {}

  static String render(MtuResult r) {
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            "Tunnel MTU for Calico IPIP under ESP transport mode (%s, %d-bit ICV, %s underlay)%n%n",
            r.cipher().id(), r.icv().bits(), r.family().displayName()));
    s.append(String.format("  External MTU      %5d  %s", r.extMtu(), governing(r)).stripTrailing())
        .append(System.lineSeparator());
    s.append(
        String.format(
            "  Exact tunnel MTU  %5d  floor4(%d - %d - 16 - %d) - 2, as the kernel's ESP code"
                + " computes it%n",
            r.exactTunnelMtu(), r.extMtu(), r.overhead().outerIpHeader(), r.overhead().icv()));
    s.append(
        String.format(
            "  Documented rule   %5d  %d - 46 - ((%d - 46) mod 4), from the UCP/MKE guide: %s%n",
            r.documentedTunnelMtu(), r.extMtu(), r.extMtu(), verdict(r)));
    if (r.documentedFragments()) {
      s.append(String.format("%n%s%n", warning(r)));
    }
    s.append(String.format("%nOverhead at %d bytes%n", r.exactTunnelMtu()));
    appendOverhead(s, r);
    s.append(String.format("%nUCP / MKE configuration file (ucp-config.toml):%n"));
    s.append(indent(r.config().ucpConfigToml()));
    s.append(String.format("%nCalico FelixConfiguration (calicoctl apply -f <file>):%n"));
    s.append(indent(r.config().felixConfigurationYaml()));
    s.append(String.format("%nNotes:%n"));
    r.notes().forEach(note -> s.append(String.format("  - %s%n", note)));
    return s.toString();
  }

  private static String governing(MtuResult r) {
    if (r.extMtus().size() == 1) {
      return "";
    }
    return "the smallest of "
        + r.extMtus().stream().map(String::valueOf).collect(Collectors.joining(", "));
  }

  private static String verdict(MtuResult r) {
    int excess = r.documentedExcessBytes();
    if (excess > 0) {
      return excess + (excess == 1 ? " byte" : " bytes") + " too big";
    }
    return "safe, " + (-excess) + (excess == -1 ? " byte" : " bytes") + " below the exact figure";
  }

  private static String warning(MtuResult r) {
    int first = r.exactTunnelMtu() + 1;
    int last = r.documentedTunnelMtu();
    String sizes = first == last ? first + " bytes" : first + " to " + last + " bytes";
    return String.format(
        "WARNING: the documented rule gives %d, %d bytes above the exact %d: inner packets of %s"
            + " grow to as much as %d bytes on the wire, %d over the %d-byte external MTU, and are"
            + " fragmented (or dropped when DF is set). Use %d.",
        r.documentedTunnelMtu(),
        r.documentedExcessBytes(),
        r.exactTunnelMtu(),
        sizes,
        r.documentedWireBytes(),
        r.documentedWireOverflowBytes(),
        r.extMtu(),
        r.exactTunnelMtu());
  }

  private static void appendOverhead(StringBuilder s, MtuResult r) {
    EspOverhead o = r.overhead();
    row(s, "outer " + r.family().displayName() + " header", o.outerIpHeader(), "kept outermost");
    row(s, "ESP header", o.espHeader(), "SPI + sequence number");
    row(s, "IV", o.iv(), "RFC 4106, the same for 128- and 256-bit keys");
    row(s, "padding", o.padding(), "none needed at the exact figure");
    row(s, "ESP trailer", o.trailer(), "pad length + next header");
    row(s, "ICV", o.icv(), r.icv().bits() + " bits");
    row(
        s,
        "alignment slack",
        o.alignmentSlack(),
        "unusable: one more byte would need " + EspMtuCalculator.ALIGNMENT + " bytes of padding");
    row(s, "total", o.total(), "= " + r.extMtu() + " - " + r.exactTunnelMtu());
  }

  private static void row(StringBuilder s, String label, int bytes, String why) {
    s.append(String.format("  %-20s %4d  %s%n", label, bytes, why));
  }

  private static String indent(String block) {
    return block
        .lines()
        .map(line -> "  " + line + System.lineSeparator())
        .collect(Collectors.joining());
  }
}
