package io.secureoverlay.agent.dataplane;

import io.secureoverlay.agent.dataplane.SimulatedPacket.EspSuite;
import io.secureoverlay.crypto.KeyFingerprints;
import io.secureoverlay.model.Cipher;
import io.secureoverlay.model.IcvLength;
import java.net.InetAddress;

/**
 * One SA inside {@link SimulatedDataplane}: its fixed configuration, with the key reduced to its
 * fingerprint at install time, and its running counters. Guarded by the dataplane's lock.
 */
final class SimulatedSa implements InstalledSaView {

  // Fields, not an SaState: a thousand-node sandbox holds millions of these.
  private final SaId id;
  private final InetAddress source;
  private final TrafficSelector selector;
  private final IpsecMode mode;
  private final int reqid;
  private final int replayWindow;
  // Not an EspSuite per SA: a packet makes its own, the SA only compares against one.
  private final Cipher cipher;
  private final IcvLength icv;
  // The number, not its hex digits: two objects fewer per SA, millions of them in a sandbox.
  private final long keyFingerprint;
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
    this.cipher = spec.cipher();
    this.icv = spec.icv();
    this.keyFingerprint = spec.key().fingerprintBits();
    this.lifetimes = spec.lifetimes();
  }

  @Override
  public SaId id() {
    return id;
  }

  int spi() {
    return id.spi();
  }

  InetAddress source() {
    return source;
  }

  @Override
  public int reqid() {
    return reqid;
  }

  @Override
  public SaLifetimes lifetimes() {
    return lifetimes;
  }

  @Override
  public long bytes() {
    return bytes;
  }

  @Override
  public long packets() {
    return packets;
  }

  @Override
  public long integrityErrors() {
    return integrityErrors;
  }

  /** The simulation does not model replay. */
  @Override
  public long replayErrors() {
    return 0;
  }

  IpsecMode mode() {
    return mode;
  }

  /** Algorithm, ICV length and key identity, as a packet this SA encrypts carries them. */
  EspSuite cipherSuite() {
    return new EspSuite(cipher, icv, keyFingerprint);
  }

  /** Whether this SA decrypts a packet sent with {@code suite}: the same algorithm and key. */
  boolean decrypts(EspSuite suite) {
    return suite.cipher() == cipher
        && suite.icv() == icv
        && suite.keyFingerprint() == keyFingerprint;
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
        cipher,
        icv,
        KeyFingerprints.hex(keyFingerprint),
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
        && cipher == spec.cipher()
        && icv == spec.icv()
        && replayWindow == spec.replayWindow()
        && keyFingerprint == spec.key().fingerprintBits();
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
