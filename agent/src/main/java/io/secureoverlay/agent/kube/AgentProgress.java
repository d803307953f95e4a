package io.secureoverlay.agent.kube;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where one agent stands, for the process that runs it (the sandbox, tests, a health endpoint).
 *
 * @param appliedRevision the plan revision the data plane matches, empty before the first
 * @param inSync the last pass applied the plan the agent currently sees, without failure
 * @param lastError the last problem, empty when none
 * @param statusWrites status writes made since start
 * @param fullPasses passes that read the plan and keys and reconciled the data plane, since start;
 *     plan revisions that cannot change this node are applied without one
 * @param fullPassCpuNanos CPU time the full passes took on their threads, since start (0 where the
 *     JVM cannot measure thread CPU time): what the agent costs its node, apart from waiting
 */
public record AgentProgress(
    OptionalLong appliedRevision,
    boolean inSync,
    Optional<String> lastError,
    long statusWrites,
    long fullPasses,
    long fullPassCpuNanos) {}
