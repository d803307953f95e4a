package io.secureoverlay.protocol;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Traffic and error counters of one node's SAs for one epoch, summed over its peers, as the kernel
 * reports them per SA.
 *
 * @param integrityFailures inbound packets whose ICV did not verify: tampering or a key mismatch
 * @param replayErrors inbound packets refused by the replay window
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record EpochCounters(
    long epoch,
    long bytesIn,
    long packetsIn,
    long bytesOut,
    long packetsOut,
    long integrityFailures,
    long replayErrors) {}
