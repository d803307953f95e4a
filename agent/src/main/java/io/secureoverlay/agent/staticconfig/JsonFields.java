package io.secureoverlay.agent.staticconfig;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Typed, strict reads of JSON fields, each failure naming the field. Never shows secrets. */
final class JsonFields {

  private static final Pattern IPV4 =
      Pattern.compile(
          "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

  private JsonFields() {}

  static InetAddress ipv4(JsonNode node, String field) throws StaticConfigException {
    String text = text(node, field);
    if (!IPV4.matcher(text).matches()) {
      throw new StaticConfigException(field + ": '" + text + "' is not an IPv4 address");
    }
    try {
      return InetAddress.getByName(text); // a literal: no name lookup happens
    } catch (UnknownHostException e) {
      throw new StaticConfigException(field + ": '" + text + "' is not an IPv4 address");
    }
  }

  static void unique(Map<Object, String> seen, Object key, String field, String shown)
      throws StaticConfigException {
    String first = seen.putIfAbsent(key, field);
    if (first != null) {
      throw new StaticConfigException(field + ": " + shown + " is already used by " + first);
    }
  }

  static void onlyKnown(JsonNode object, Set<String> known, String prefix)
      throws StaticConfigException {
    for (String key : object.propertyNames()) {
      if (!known.contains(key)) {
        throw new StaticConfigException(
            prefix + key + ": unknown field (expected one of " + new TreeSet<>(known) + ")");
      }
    }
  }

  static JsonNode required(JsonNode parent, String key, String prefix)
      throws StaticConfigException {
    JsonNode n = parent.get(key);
    if (n == null || n.isNull()) {
      throw new StaticConfigException(prefix + key + ": missing");
    }
    return n;
  }

  static Optional<JsonNode> optional(JsonNode parent, String key) {
    JsonNode n = parent.get(key);
    return n == null || n.isNull() ? Optional.empty() : Optional.of(n);
  }

  static String text(JsonNode node, String field) throws StaticConfigException {
    if (!node.isString() || node.stringValue().isBlank()) {
      throw new StaticConfigException(field + ": must be a non-empty string");
    }
    return node.stringValue();
  }

  static boolean bool(JsonNode node, String field) throws StaticConfigException {
    if (!node.isBoolean()) {
      throw new StaticConfigException(field + ": must be true or false");
    }
    return node.booleanValue();
  }

  static long integer(JsonNode node, String field, long min, long max)
      throws StaticConfigException {
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      throw new StaticConfigException(field + ": must be a whole number");
    }
    long v = node.longValue();
    if (v < min || v > max) {
      throw new StaticConfigException(field + ": " + v + " is not in " + min + ".." + max);
    }
    return v;
  }
}
