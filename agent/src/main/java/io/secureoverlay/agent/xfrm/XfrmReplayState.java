package io.secureoverlay.agent.xfrm;

/**
 * Replay counters the kernel reports for an SA: the last sequence number sent (outbound) and the
 * highest one received (inbound), 64-bit when ESN is on.
 */
public record XfrmReplayState(long outboundSeq, long inboundSeq, int window) {}
