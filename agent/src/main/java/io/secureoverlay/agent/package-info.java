/**
 * The node agent: programs the kernel's XFRM tables (SAs and policies) over NETLINK_XFRM and
 * reconciles them against the desired state derived from the master's plan.
 */
package io.secureoverlay.agent;
