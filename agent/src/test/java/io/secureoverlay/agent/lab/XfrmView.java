package io.secureoverlay.agent.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code ip xfrm} shows of a node's SAs and policies, as an operator would check it. The key
 * lines that {@code ip xfrm state} prints are dropped before anything is parsed or kept, so no key
 * can reach an assertion message or a test report.
 */
public final class XfrmView {

  private static final Pattern STATE_HEAD = Pattern.compile("^src (\\S+) dst (\\S+)");
  private static final Pattern SPI =
      Pattern.compile("proto esp spi (0x[0-9a-f]+)(?:\\(\\d+\\))? reqid (\\d+)");
  private static final Pattern COUNTERS =
      Pattern.compile("^\\s*(\\d+)\\(bytes\\), (\\d+)\\(packets\\)");
  private static final Pattern POLICY_HEAD = Pattern.compile("^src (\\S+) dst (\\S+)");
  private static final Pattern DIR = Pattern.compile("dir (in|out|fwd)");
  private static final Pattern REQID = Pattern.compile("reqid (\\d+)");

  private XfrmView() {}

  /** One SA: addresses, SPI, reqid and, where asked for, its byte and packet counters. */
  public record State(String src, String dst, long spi, long reqid, long bytes, long packets) {
    public boolean isSecureOverlays() {
      return (spi >>> 24) == 0x5E;
    }

    /** The epoch slot our SPI layout puts in bits 22-23. */
    public int epochSlot() {
      return (int) ((spi >>> 22) & 0x3);
    }
  }

  /** One policy: selector addresses, direction and its template's reqid. */
  public record Policy(String src, String dst, String dir, long reqid) {}

  public static List<State> states(LabNode node) {
    String text = redact(node.exec("ip", "-s", "xfrm", "state", "list").requireSuccess().stdout());
    List<State> states = new ArrayList<>();
    String src = null;
    String dst = null;
    long spi = -1;
    long reqid = -1;
    long bytes = 0;
    boolean inCurrent = false;
    for (String line : text.split("\n")) {
      Matcher head = STATE_HEAD.matcher(line);
      if (head.find()) {
        if (src != null) {
          states.add(new State(src, dst, spi, reqid, bytes, 0));
        }
        src = head.group(1);
        dst = head.group(2);
        spi = -1;
        reqid = -1;
        bytes = 0;
        inCurrent = false;
        continue;
      }
      Matcher m = SPI.matcher(line);
      if (m.find()) {
        spi = Long.decode(m.group(1));
        reqid = Long.parseLong(m.group(2));
      }
      if (line.contains("lifetime current:")) {
        inCurrent = true;
        continue;
      }
      Matcher c = COUNTERS.matcher(line);
      if (inCurrent && c.find()) {
        states.add(
            new State(
                src, dst, spi, reqid, Long.parseLong(c.group(1)), Long.parseLong(c.group(2))));
        src = null;
        inCurrent = false;
      }
    }
    if (src != null) {
      states.add(new State(src, dst, spi, reqid, bytes, 0));
    }
    return states;
  }

  public static List<Policy> policies(LabNode node) {
    String text = node.exec("ip", "xfrm", "policy", "list").requireSuccess().stdout();
    List<Policy> policies = new ArrayList<>();
    String src = null;
    String dst = null;
    String dir = null;
    for (String line : text.split("\n")) {
      Matcher head = POLICY_HEAD.matcher(line);
      if (head.find()) {
        src = head.group(1);
        dst = head.group(2);
        dir = null;
        continue;
      }
      Matcher d = DIR.matcher(line);
      if (d.find()) {
        dir = d.group(1);
      }
      Matcher r = REQID.matcher(line);
      if (r.find() && src != null) {
        policies.add(new Policy(src, dst, dir, Long.parseLong(r.group(1))));
        src = null;
      }
    }
    return policies;
  }

  /** Drops every line that carries key material ({@code aead}, {@code enc}, {@code auth}). */
  static String redact(String ipXfrmOutput) {
    StringBuilder kept = new StringBuilder();
    for (String line : ipXfrmOutput.split("\n")) {
      String t = line.trim();
      if (t.startsWith("aead ")
          || t.startsWith("enc ")
          || t.startsWith("auth ")
          || t.startsWith("auth-trunc ")) {
        continue;
      }
      kept.append(line).append('\n');
    }
    return kept.toString();
  }
}
