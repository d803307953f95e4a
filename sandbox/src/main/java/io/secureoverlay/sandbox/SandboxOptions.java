package io.secureoverlay.sandbox;

import java.time.Duration;

/**
 * How a {@link SandboxCluster} is built.
 *
 * @param nodes how many nodes to start with
 * @param sharedWatches true: all in-process agents share one fabric8 client and one set of
 *     informers (the plan, the keys Secret, all Nodes), while each still writes its own {@code
 *     SecureOverlayNode} over HTTP. False: each agent has its own client and informers, exactly as
 *     on a real node. At a thousand nodes a client per agent means thousands of threads and a
 *     thousand copies of every plan update through one mock server, which measures the sandbox
 *     rather than SecureOverlay; {@link #of} shares above {@value #SHARED_WATCHES_ABOVE} nodes.
 * @param agentThreads threads that run all agents' passes and status writes
 * @param pairsPerRound most ordered node pairs the traffic driver sends to per round
 * @param trafficPause the least pause between traffic rounds (a round is followed by a pause at
 *     least as long as itself)
 * @param fastForwardGrace move the clock over a rotation's retire grace period instead of waiting
 *     it out (the spec's minimum is 10 s)
 * @param lease the masters' leader-election lease; a standby takes over after it expires
 */
public record SandboxOptions(
    int nodes,
    boolean sharedWatches,
    int agentThreads,
    int pairsPerRound,
    Duration trafficPause,
    boolean fastForwardGrace,
    Duration lease) {

  public static final int SHARED_WATCHES_ABOVE = 64;

  public SandboxOptions {
    if (nodes < 0) {
      throw new IllegalArgumentException("nodes must be >= 0, was " + nodes);
    }
    if (agentThreads < 1) {
      throw new IllegalArgumentException("agentThreads must be >= 1, was " + agentThreads);
    }
    if (pairsPerRound < 1) {
      throw new IllegalArgumentException("pairsPerRound must be >= 1, was " + pairsPerRound);
    }
  }

  /** Defaults for {@code nodes} nodes. */
  public static SandboxOptions of(int nodes) {
    return new SandboxOptions(
        nodes,
        nodes > SHARED_WATCHES_ABOVE,
        Math.max(2, Math.min(8, Runtime.getRuntime().availableProcessors() * 2)),
        // A small cluster gets every pair every round; a large one a slice of 10,000 pairs per
        // round, leaving the agents and the master most of the CPU.
        nodes > SHARED_WATCHES_ABOVE ? 10_000 : 20_000,
        Duration.ofMillis(nodes > SHARED_WATCHES_ABOVE ? 50 : 2),
        true,
        Duration.ofSeconds(3));
  }

  public SandboxOptions withSharedWatches(boolean value) {
    return new SandboxOptions(
        nodes, value, agentThreads, pairsPerRound, trafficPause, fastForwardGrace, lease);
  }

  public SandboxOptions withPairsPerRound(int value) {
    return new SandboxOptions(
        nodes, sharedWatches, agentThreads, value, trafficPause, fastForwardGrace, lease);
  }

  public SandboxOptions withTrafficPause(Duration value) {
    return new SandboxOptions(
        nodes, sharedWatches, agentThreads, pairsPerRound, value, fastForwardGrace, lease);
  }
}
