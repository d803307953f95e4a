package io.secureoverlay.agent.dataplane;

import io.secureoverlay.agent.dataplane.SimulatedPacket.EspSuite;
import java.net.InetAddress;

/**
 * One SA inside {@link SimulatedDataplane}: its fixed configuration, with the key reduced to its
 * fingerprint at install time, and its running counters. Guarded by the dataplane's lock.
 */
final class SimulatedSa {

  // Fields, not an SaState: a thousand-node sandbox holds millions of these.
  private final SaId id;
  private final InetAddress source;
  private final TrafficSelector selector;
  private final IpsecMode mode;
  private final int reqid;
  private final int replayWindow;
  private final EspSuite suite;
  private SaLifetimes lifetimes;
  private long bytes;
  private long packets;
  private long integrityErrors;

  SimulatedSa(SaSpec spec) {
    this.id = spec.id();
    this.source = spec.source();
    this.selector = spec.selector();
    this.mode = spec.mode();
    this.reqid = spec.reqid();
    this.replayWindow = spec.replayWindow();
    this.suite = new EspSuite(spec.cipher(), spec.icv(), spec.key().fingerprint());
    this.lifetimes = spec.lifetimes();
  }

  SaId id() {
    return id;
  }

  int spi() {
    return id.spi();
  }

  InetAddress source() {
    return source;
  }

  int reqid() {
    return reqid;
  }

  IpsecMode mode() {
    return mode;
  }

  EspSuite cipherSuite() {
    return suite;
  }

  boolean owned() {
    return OwnedReqids.isOwned(reqid);
  }

  SaState snapshot() {
    return new SaState(
        id,
        source,
        selector,
        mode,
        reqid,
        suite.cipher(),
        suite.icv(),
        suite.keyFingerprint(),
        replayWindow,
        lifetimes,
        new SaCounters(bytes, packets, 0, integrityErrors));
  }

  /** The kernel keeps a live SA's addresses, reqid, algorithm and key; only lifetimes change. */
  boolean sameImmutableFields(SaSpec spec) {
    return source.equals(spec.source())
        && selector.equals(spec.selector())
        && mode == spec.mode()
        && reqid == spec.reqid()
        && suite.cipher() == spec.cipher()
        && suite.icv() == spec.icv()
        && replayWindow == spec.replayWindow()
        && suite.keyFingerprint().equals(spec.key().fingerprint());
  }

  void setLifetimes(SaLifetimes lifetimes) {
    this.lifetimes = lifetimes;
  }

  boolean hardExpired() {
    return lifetimes.hardExpired(bytes, packets);
  }

  boolean selectorMatches(InetAddress src, InetAddress dst) {
    return selector.matches(src, dst, TrafficSelector.IPPROTO_IPIP);
  }

  /** The kernel's {@code xfrm_state_ok} for a transport-mode template. */
  boolean satisfies(PolicyTemplate template) {
    return template.protocol() == id.protocol()
        && template.mode() == mode
        && (template.reqid() == 0 || template.reqid() == reqid);
  }

  void countTraffic(int packetBytes) {
    bytes += packetBytes;
    packets++;
  }

  void countIntegrityError() {
    integrityErrors++;
  }
}
