package io.secureoverlay.agent.dataplane;

/** XFRM policy direction ({@code XFRM_POLICY_IN = 0, OUT = 1, FWD = 2}). */
public enum PolicyDirection {
  IN,
  OUT,
  FWD
}
