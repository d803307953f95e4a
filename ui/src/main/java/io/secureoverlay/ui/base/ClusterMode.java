package io.secureoverlay.ui.base;

/** What the console is connected to. */
public enum ClusterMode {
  /** The embedded cluster on this machine: simulated nodes, nothing real is touched. */
  SANDBOX,
  /** A real Kubernetes cluster: every change reaches real nodes. */
  REAL
}
