package io.secureoverlay.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import java.util.ArrayList;
import java.util.List;

/**
 * What the operator (or the console) asks for. The master checks it with {@link SpecValidator}
 * before acting on it. Field initializers carry the same defaults as the CRD schema, so an object
 * built in code and one read from the API server agree.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public class SecureOverlaySpec {

  public static final String DEFAULT_CIPHER = "aes-gcm-128";
  public static final int DEFAULT_ICV_BITS = 64;
  public static final String DEFAULT_ROTATION_INTERVAL = "24h";
  public static final String DEFAULT_RETIRE_GRACE_PERIOD = "2m";
  public static final String DEFAULT_ACK_TIMEOUT = "2m";

  @JsonPropertyDescription("Encrypt pod traffic between nodes.")
  @Default("false")
  private Boolean enabled = false;

  @JsonPropertyDescription("ESP cipher: aes-gcm-128 or aes-gcm-256.")
  @Default(DEFAULT_CIPHER)
  private String cipher = DEFAULT_CIPHER;

  @JsonPropertyDescription("ESP integrity check value length in bits: 64, 96 or 128.")
  @Default("64")
  private Integer icvBits = DEFAULT_ICV_BITS;

  @JsonPropertyDescription(
      "How often keys rotate, as whole h/m/s units such as 24h, 90m or 1h30m; at least 5m.")
  @Default(DEFAULT_ROTATION_INTERVAL)
  private String rotationInterval = DEFAULT_ROTATION_INTERVAL;

  @JsonPropertyDescription(
      "Drop plaintext IPIP from a peer once that peer encrypts; until then plaintext is accepted.")
  @Default("false")
  private Boolean enforce = false;

  @JsonPropertyDescription("How the tunnel MTU is chosen.")
  private MtuSpec mtu = MtuSpec.reportOnly();

  @JsonPropertyDescription(
      "Set to a new value to request one immediate key rotation; the master records the value it"
          + " handled in status.handledRotateNowToken.")
  private String rotateNowToken;

  @JsonPropertyDescription(
      "How long a retired epoch's SAs stay installed after every node switched away from it.")
  @Default(DEFAULT_RETIRE_GRACE_PERIOD)
  private String retireGracePeriod = DEFAULT_RETIRE_GRACE_PERIOD;

  @JsonPropertyDescription(
      "How long the master waits for a node to acknowledge a plan before marking it lagging.")
  @Default(DEFAULT_ACK_TIMEOUT)
  private String ackTimeout = DEFAULT_ACK_TIMEOUT;

  @JsonPropertyDescription(
      "Node names that take no part: no SAs are installed on them or toward them.")
  private List<String> excludeNodes = new ArrayList<>();

  public Boolean getEnabled() {
    return enabled;
  }

  public void setEnabled(Boolean enabled) {
    this.enabled = enabled;
  }

  public String getCipher() {
    return cipher;
  }

  public void setCipher(String cipher) {
    this.cipher = cipher;
  }

  public Integer getIcvBits() {
    return icvBits;
  }

  public void setIcvBits(Integer icvBits) {
    this.icvBits = icvBits;
  }

  public String getRotationInterval() {
    return rotationInterval;
  }

  public void setRotationInterval(String rotationInterval) {
    this.rotationInterval = rotationInterval;
  }

  public Boolean getEnforce() {
    return enforce;
  }

  public void setEnforce(Boolean enforce) {
    this.enforce = enforce;
  }

  public MtuSpec getMtu() {
    return mtu;
  }

  public void setMtu(MtuSpec mtu) {
    this.mtu = mtu;
  }

  public String getRotateNowToken() {
    return rotateNowToken;
  }

  public void setRotateNowToken(String rotateNowToken) {
    this.rotateNowToken = rotateNowToken;
  }

  public String getRetireGracePeriod() {
    return retireGracePeriod;
  }

  public void setRetireGracePeriod(String retireGracePeriod) {
    this.retireGracePeriod = retireGracePeriod;
  }

  public String getAckTimeout() {
    return ackTimeout;
  }

  public void setAckTimeout(String ackTimeout) {
    this.ackTimeout = ackTimeout;
  }

  public List<String> getExcludeNodes() {
    return excludeNodes;
  }

  public void setExcludeNodes(List<String> excludeNodes) {
    this.excludeNodes = excludeNodes;
  }
}
