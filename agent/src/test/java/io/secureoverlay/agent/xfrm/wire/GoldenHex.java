package io.secureoverlay.agent.xfrm.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The golden captures under {@code src/test/resources/xfrm/golden}: what iproute2 sent to and
 * received from a real 6.1 kernel (see capture.sh and annotate.py there).
 */
public final class GoldenHex {

  private static final String DIR = "/xfrm/golden/";

  private GoldenHex() {}

  /** The bytes of {@code NAME.hex}, comments stripped. */
  public static byte[] load(String name) {
    String text = resource(name + ".hex");
    StringBuilder hex = new StringBuilder();
    for (String line : text.split("\n")) {
      int hash = line.indexOf('#');
      hex.append((hash >= 0 ? line.substring(0, hash) : line).replaceAll("\\s", ""));
    }
    return HexFormat.of().parseHex(hex);
  }

  /** nlmsg_seq of the first message of a datagram. */
  public static int seq(byte[] datagram) {
    return ByteBuffer.wrap(datagram).order(ByteOrder.nativeOrder()).getInt(8);
  }

  /** nlmsg_pid of the first message of a datagram. */
  public static int pid(byte[] datagram) {
    return ByteBuffer.wrap(datagram).order(ByteOrder.nativeOrder()).getInt(12);
  }

  /**
   * Every non-empty datagram of capture.txt, keyed "SECTION KIND" in order (KIND: request/reply).
   */
  public static Map<String, List<byte[]>> captureDatagrams() {
    Map<String, List<byte[]>> out = new LinkedHashMap<>();
    Pattern section = Pattern.compile("^### ([a-z0-9-]+): .*");
    Pattern call = Pattern.compile("^(sendmsg|sendto|recvmsg|recvfrom) = \\d+");
    Pattern hexLine = Pattern.compile("^ \\| [0-9a-f]{5}  (.{49})");
    String name = null;
    String kind = null;
    java.io.ByteArrayOutputStream current = null;
    for (String line : resource("capture.txt").split("\n")) {
      Matcher m;
      if ((m = section.matcher(line)).matches()) {
        flush(out, name, kind, current);
        name = m.group(1);
        current = null;
      } else if ((m = call.matcher(line)).find()) {
        flush(out, name, kind, current);
        kind = m.group(1).startsWith("send") ? "request" : "reply";
        current = new java.io.ByteArrayOutputStream();
      } else if ((m = hexLine.matcher(line)).find() && current != null) {
        current.writeBytes(HexFormat.of().parseHex(m.group(1).replace(" ", "")));
      } else if (line.startsWith("### end")) {
        flush(out, name, kind, current);
        current = null;
      }
    }
    return out;
  }

  private static void flush(
      Map<String, List<byte[]>> out,
      String name,
      String kind,
      java.io.ByteArrayOutputStream current) {
    if (current != null && current.size() > 0) {
      out.computeIfAbsent(name + " " + kind, k -> new ArrayList<>()).add(current.toByteArray());
    }
  }

  public static List<String> hexFileNames() {
    String index = resource("index.txt");
    List<String> names = new ArrayList<>();
    for (String line : index.split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        names.add(line.strip());
      }
    }
    return names;
  }

  private static String resource(String file) {
    try (InputStream in = GoldenHex.class.getResourceAsStream(DIR + file)) {
      if (in == null) {
        throw new IllegalArgumentException("no golden resource " + DIR + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
