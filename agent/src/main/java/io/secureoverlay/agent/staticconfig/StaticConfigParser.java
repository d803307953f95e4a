package io.secureoverlay.agent.staticconfig;

import io.secureoverlay.agent.dataplane.SaLifetimes;
import io.secureoverlay.agent.reconcile.NodeDesiredState;
import io.secureoverlay.agent.reconcile.NodeRef;
import io.secureoverlay.crypto.EpochSecretGenerator;
import io.secureoverlay.crypto.SecretBytes;
import io.secureoverlay.model.Cipher;
import io.secureoverlay.model.IcvLength;
import io.secureoverlay.spi.SpiAllocator;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the static configuration: one JSON file for labs and hosts outside Kubernetes, usually the
 * same file on every node. Strict: unknown, duplicate, missing or ill-typed fields are refused with
 * a message naming the field; a secret's value is never echoed.
 *
 * <pre>{@code
 * {
 *   "version": 1,                       // required, must be 1
 *   "node": "node-a",                   // optional: this node's name; --node overrides it
 *   "nodes": [                          // required: every node, this one included
 *     { "name": "node-a", "underlayIp": "192.168.56.11", "index": 1 },
 *     { "name": "node-b", "underlayIp": "192.168.56.12", "index": 2 }
 *   ],
 *   "cipher": "aes-gcm-128",            // optional: aes-gcm-128 (default) or aes-gcm-256
 *   "icvBits": 64,                      // optional: 64 (default), 96 or 128
 *   "epochs": [                         // inbound SAs are installed for every listed epoch
 *     { "epoch": 1, "secret": "<base64 of 32 random bytes>" }
 *   ],
 *   "outboundEpoch": 1,                 // optional: the epoch to encrypt with; absent/null = plaintext
 *   "enforce": false,                   // optional: drop plaintext IPIP from peers (needs outboundEpoch)
 *   "lifetimes": {                      // optional: SA limits; absent fields keep the defaults
 *     "softPackets": 3000000000, "hardPackets": 4000000000, "softBytes": null, "hardBytes": null
 *   }
 * }
 * }</pre>
 *
 * (Comments above are for this page only: the file is plain JSON.) Underlay addresses are IPv4
 * literals, indices are stable per node and unique (0..4194303, they go into SPIs), epoch numbers
 * are unique and at most {@value SpiAllocator#LIVE_EPOCH_SLOTS} consecutive ones may be listed at
 * once. Generate a secret with {@code head -c 32 /dev/urandom | base64}. The file holds keys: keep
 * it {@code 0600}, owned by root.
 *
 * <p>Changing the file is how a lab walks through the phases, each after every node has loaded the
 * previous one. Enable: list the epoch; then set {@code outboundEpoch}; then {@code enforce}.
 * Rotate: add epoch k+1; then set {@code outboundEpoch} to k+1; then remove epoch k. Disable: the
 * reverse of enable. Skipping a step drops packets between nodes that are a step apart.
 */
public final class StaticConfigParser {

  private static final Set<String> TOP =
      Set.of(
          "version",
          "node",
          "nodes",
          "cipher",
          "icvBits",
          "epochs",
          "outboundEpoch",
          "enforce",
          "lifetimes");
  private static final Set<String> NODE = Set.of("name", "underlayIp", "index");
  private static final Set<String> EPOCH = Set.of("epoch", "secret");
  private static final Set<String> LIFETIMES =
      Set.of("softBytes", "hardBytes", "softPackets", "hardPackets");

  private final JsonMapper mapper =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  /** Parses the file's bytes; the caller zeroes them afterwards. */
  public StaticConfig parse(byte[] json) throws StaticConfigException {
    JsonNode root;
    try {
      root = mapper.readTree(json);
    } catch (JacksonException e) {
      // Jackson's own message can quote the offending token, which may be part of a secret.
      TokenStreamLocation at = e.getLocation();
      throw new StaticConfigException(
          "not valid JSON (syntax error or duplicate key)"
              + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()));
    }
    if (root == null || !root.isObject()) {
      throw new StaticConfigException("the file must hold one JSON object");
    }
    JsonFields.onlyKnown(root, TOP, "");
    JsonFields.integer(
        JsonFields.required(root, "version", ""), "version", 1, 1); // only version 1 exists
    Optional<JsonNode> nodeField = JsonFields.optional(root, "node");
    Optional<String> node =
        nodeField.isEmpty()
            ? Optional.empty()
            : Optional.of(JsonFields.text(nodeField.get(), "node"));
    List<NodeRef> nodes = nodes(JsonFields.required(root, "nodes", ""));
    Cipher cipher = cipher(JsonFields.optional(root, "cipher"));
    IcvLength icv = icv(JsonFields.optional(root, "icvBits"));
    SaLifetimes lifetimes = lifetimes(JsonFields.optional(root, "lifetimes"));
    Optional<JsonNode> enforceField = JsonFields.optional(root, "enforce");
    boolean enforce = enforceField.isPresent() && JsonFields.bool(enforceField.get(), "enforce");
    Optional<JsonNode> out = JsonFields.optional(root, "outboundEpoch");
    OptionalLong outbound =
        out.isEmpty()
            ? OptionalLong.empty()
            : OptionalLong.of(JsonFields.integer(out.get(), "outboundEpoch", 0, Long.MAX_VALUE));
    SortedMap<Long, SecretBytes> secrets = epochs(JsonFields.required(root, "epochs", ""));
    try {
      if (outbound.isPresent() && !secrets.containsKey(outbound.getAsLong())) {
        throw new StaticConfigException(
            "outboundEpoch: " + outbound.getAsLong() + " is not one of the listed epochs");
      }
      if (enforce && outbound.isEmpty()) {
        throw new StaticConfigException(
            "enforce: true needs outboundEpoch (enforcing while nobody encrypts drops all traffic)");
      }
      return new StaticConfig(node, nodes, cipher, icv, secrets, outbound, enforce, lifetimes);
    } catch (StaticConfigException | RuntimeException e) {
      secrets.values().forEach(SecretBytes::close);
      throw e;
    }
  }

  private List<NodeRef> nodes(JsonNode array) throws StaticConfigException {
    if (!array.isArray() || array.isEmpty()) {
      throw new StaticConfigException("nodes: must be a non-empty array");
    }
    List<NodeRef> nodes = new ArrayList<>();
    Map<Object, String> seen = new HashMap<>();
    for (int i = 0; i < array.size(); i++) {
      String at = "nodes[" + i + "]";
      JsonNode n = array.get(i);
      if (!n.isObject()) {
        throw new StaticConfigException(at + ": must be an object");
      }
      JsonFields.onlyKnown(n, NODE, at + ".");
      String name = JsonFields.text(JsonFields.required(n, "name", at + "."), at + ".name");
      InetAddress ip =
          JsonFields.ipv4(JsonFields.required(n, "underlayIp", at + "."), at + ".underlayIp");
      int index =
          (int)
              JsonFields.integer(
                  JsonFields.required(n, "index", at + "."),
                  at + ".index",
                  0,
                  SpiAllocator.MAX_NODE_INDEX);
      JsonFields.unique(seen, "name:" + name, at + ".name", "'" + name + "'");
      JsonFields.unique(seen, ip, at + ".underlayIp", ip.getHostAddress());
      JsonFields.unique(seen, "index:" + index, at + ".index", Integer.toString(index));
      nodes.add(new NodeRef(name, ip, index));
    }
    return nodes;
  }

  private SortedMap<Long, SecretBytes> epochs(JsonNode array) throws StaticConfigException {
    if (!array.isArray()) {
      throw new StaticConfigException("epochs: must be an array");
    }
    SortedMap<Long, SecretBytes> secrets = new TreeMap<>();
    try {
      for (int i = 0; i < array.size(); i++) {
        String at = "epochs[" + i + "]";
        JsonNode e = array.get(i);
        if (!e.isObject()) {
          throw new StaticConfigException(at + ": must be an object");
        }
        JsonFields.onlyKnown(e, EPOCH, at + ".");
        long epoch =
            JsonFields.integer(
                JsonFields.required(e, "epoch", at + "."), at + ".epoch", 0, Long.MAX_VALUE);
        if (secrets.containsKey(epoch)) {
          throw new StaticConfigException(at + ".epoch: " + epoch + " is listed twice");
        }
        secrets.put(epoch, secret(JsonFields.required(e, "secret", at + "."), at + ".secret"));
      }
      if (!secrets.isEmpty()
          && secrets.lastKey() - secrets.firstKey() >= SpiAllocator.LIVE_EPOCH_SLOTS) {
        throw new StaticConfigException(
            "epochs: at most "
                + SpiAllocator.LIVE_EPOCH_SLOTS
                + " consecutive epochs may be listed");
      }
      return secrets;
    } catch (StaticConfigException | RuntimeException e) {
      secrets.values().forEach(SecretBytes::close);
      throw e;
    }
  }

  private static SecretBytes secret(JsonNode node, String field) throws StaticConfigException {
    if (!node.isString()) {
      throw new StaticConfigException(field + ": must be a base64 string");
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(node.stringValue().trim());
    } catch (IllegalArgumentException e) {
      throw new StaticConfigException(field + ": not valid base64 (value not shown)");
    }
    if (bytes.length != EpochSecretGenerator.EPOCH_SECRET_BYTES) {
      int length = bytes.length;
      Arrays.fill(bytes, (byte) 0);
      throw new StaticConfigException(
          field
              + ": decodes to "
              + length
              + " bytes, expected "
              + EpochSecretGenerator.EPOCH_SECRET_BYTES);
    }
    return SecretBytes.wrap(bytes);
  }

  private static SaLifetimes lifetimes(Optional<JsonNode> node) throws StaticConfigException {
    SaLifetimes d = NodeDesiredState.DEFAULT_LIFETIMES;
    if (node.isEmpty()) {
      return d;
    }
    JsonNode n = node.get();
    if (!n.isObject()) {
      throw new StaticConfigException("lifetimes: must be an object");
    }
    JsonFields.onlyKnown(n, LIFETIMES, "lifetimes.");
    long softBytes = limit(n, "softBytes", d.softBytes());
    long hardBytes = limit(n, "hardBytes", d.hardBytes());
    long softPackets = limit(n, "softPackets", d.softPackets());
    long hardPackets = limit(n, "hardPackets", d.hardPackets());
    try {
      return new SaLifetimes(softBytes, hardBytes, softPackets, hardPackets);
    } catch (IllegalArgumentException e) {
      throw new StaticConfigException("lifetimes: " + e.getMessage().replace("lifetime ", ""));
    }
  }

  /** A limit; JSON {@code null} means unlimited, absent means the default. */
  private static long limit(JsonNode parent, String key, long defaultValue)
      throws StaticConfigException {
    JsonNode n = parent.get(key);
    if (n == null) {
      return defaultValue;
    }
    return n.isNull()
        ? SaLifetimes.UNLIMITED
        : JsonFields.integer(n, "lifetimes." + key, 1, Long.MAX_VALUE);
  }

  private static Cipher cipher(Optional<JsonNode> node) throws StaticConfigException {
    if (node.isEmpty()) {
      return Cipher.AES_GCM_128;
    }
    try {
      return Cipher.fromId(JsonFields.text(node.get(), "cipher"));
    } catch (IllegalArgumentException e) {
      throw new StaticConfigException("cipher: " + e.getMessage());
    }
  }

  private static IcvLength icv(Optional<JsonNode> node) throws StaticConfigException {
    if (node.isEmpty()) {
      return IcvLength.ICV_64;
    }
    try {
      return IcvLength.fromBits((int) JsonFields.integer(node.get(), "icvBits", 0, 1024));
    } catch (IllegalArgumentException e) {
      throw new StaticConfigException("icvBits: " + e.getMessage());
    }
  }
}
