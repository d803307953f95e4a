package io.secureoverlay.agent.dataplane;

import io.secureoverlay.agent.dataplane.SimulatedPacket.EspSuite;
import java.net.InetAddress;

/**
 * One SA inside {@link SimulatedDataplane}: its fixed configuration, with the key reduced to its
 * fingerprint at install time, and its running counters. Guarded by the dataplane's lock.
 */
final class SimulatedSa {

  private final SaState config;
  private final EspSuite suite;
  private SaLifetimes lifetimes;
  private long bytes;
  private long packets;
  private long integrityErrors;

  SimulatedSa(SaSpec spec) {
    String fingerprint = spec.key().fingerprint();
    this.config =
        new SaState(
            spec.id(),
            spec.source(),
            spec.selector(),
            spec.mode(),
            spec.reqid(),
            spec.cipher(),
            spec.icv(),
            fingerprint,
            spec.replayWindow(),
            spec.lifetimes(),
            SaCounters.ZERO);
    this.suite = new EspSuite(spec.cipher(), spec.icv(), fingerprint);
    this.lifetimes = spec.lifetimes();
  }

  SaId id() {
    return config.id();
  }

  int spi() {
    return config.id().spi();
  }

  InetAddress source() {
    return config.source();
  }

  int reqid() {
    return config.reqid();
  }

  IpsecMode mode() {
    return config.mode();
  }

  EspSuite cipherSuite() {
    return suite;
  }

  boolean owned() {
    return OwnedReqids.isOwned(config.reqid());
  }

  SaState snapshot() {
    return new SaState(
        config.id(),
        config.source(),
        config.selector(),
        config.mode(),
        config.reqid(),
        config.cipher(),
        config.icv(),
        config.keyFingerprint(),
        config.replayWindow(),
        lifetimes,
        new SaCounters(bytes, packets, 0, integrityErrors));
  }

  /** The kernel keeps a live SA's addresses, reqid, algorithm and key; only lifetimes change. */
  boolean sameImmutableFields(SaSpec spec) {
    return config.source().equals(spec.source())
        && config.selector().equals(spec.selector())
        && config.mode() == spec.mode()
        && config.reqid() == spec.reqid()
        && config.cipher() == spec.cipher()
        && config.icv() == spec.icv()
        && config.replayWindow() == spec.replayWindow()
        && config.keyFingerprint().equals(spec.key().fingerprint());
  }

  void setLifetimes(SaLifetimes lifetimes) {
    this.lifetimes = lifetimes;
  }

  boolean hardExpired() {
    return lifetimes.hardExpired(bytes, packets);
  }

  boolean selectorMatches(InetAddress src, InetAddress dst) {
    return config.selector().matches(src, dst, TrafficSelector.IPPROTO_IPIP);
  }

  /** The kernel's {@code xfrm_state_ok} for a transport-mode template. */
  boolean satisfies(PolicyTemplate template) {
    return template.protocol() == config.id().protocol()
        && template.mode() == config.mode()
        && (template.reqid() == 0 || template.reqid() == config.reqid());
  }

  void countTraffic(int packetBytes) {
    bytes += packetBytes;
    packets++;
  }

  void countIntegrityError() {
    integrityErrors++;
  }
}
