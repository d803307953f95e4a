package io.secureoverlay.agent.dataplane;

/**
 * What a status report reads of an installed SA: its identity, reqid, lifetimes and counters. An
 * {@link SaState} is one; {@link SimulatedDataplane} hands out its own SAs as views, so reading a
 * thousand-peer node's counters after every pass copies nothing.
 */
public interface InstalledSaView {

  SaId id();

  int reqid();

  SaLifetimes lifetimes();

  long bytes();

  long packets();

  long integrityErrors();

  long replayErrors();
}
