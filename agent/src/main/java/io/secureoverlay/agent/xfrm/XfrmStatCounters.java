package io.secureoverlay.agent.xfrm;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The error counters of {@code /proc/net/xfrm_stat} for one network namespace, by the kernel's
 * names (the set grows with kernel versions, so all are kept). The accessors name the ones an
 * operator of SecureOverlay looks at first; a counter the kernel does not have reads as 0.
 */
public record XfrmStatCounters(Map<String, Long> counters) {

  public XfrmStatCounters {
    counters = Collections.unmodifiableMap(new LinkedHashMap<>(counters));
  }

  public OptionalLong get(String name) {
    Long value = counters.get(name);
    return value == null ? OptionalLong.empty() : OptionalLong.of(value);
  }

  /** Sum of every counter: all of them count errors. */
  public long total() {
    return counters.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Inbound ESP packets with no SA for their SPI (a peer encrypts with a key we lack). */
  public long inNoStates() {
    return value("XfrmInNoStates");
  }

  /** Inbound packets failing the ESP integrity check (wrong key or tampering). */
  public long inStateProtoError() {
    return value("XfrmInStateProtoError");
  }

  /** Inbound replayed or out-of-window packets. */
  public long inStateSeqError() {
    return value("XfrmInStateSeqError");
  }

  /** Inbound packets an inbound policy required to be ESP that were not. */
  public long inTmplMismatch() {
    return value("XfrmInTmplMismatch");
  }

  /** Outbound packets a policy wanted encrypted but no SA was there for. */
  public long outNoStates() {
    return value("XfrmOutNoStates");
  }

  /** Outbound packets dropped because the SA's sequence number would overflow. */
  public long outStateSeqError() {
    return value("XfrmOutStateSeqError");
  }

  /** Packets dropped on an expired SA (a hard limit hit before rotation). */
  public long stateExpired() {
    return value("XfrmInStateExpired") + value("XfrmOutStateExpired");
  }

  private long value(String name) {
    return counters.getOrDefault(name, 0L);
  }
}
