package io.secureoverlay.agent.lab;

/**
 * One namespace "node" of the lab: a network namespace with an underlay interface {@code eth0} on
 * the lab bridge and a Calico-style {@code tunl0} carrying one pod address.
 *
 * @param index 1-based node number, also its stable node index
 * @param netns the network namespace's name ({@code ip netns exec NAME ...})
 * @param underlayIp the node's underlay (eth0) address
 * @param podIp the pod-block address on tunl0 that pings are sent from and to
 * @param podBlock the node's pod block in CIDR form, routed by peers via this node's underlay IP
 */
public record LabNode(int index, String netns, String underlayIp, String podIp, String podBlock) {

  /** Runs a command inside this node's namespace. */
  public Shell.Result exec(String... command) {
    String[] full = new String[command.length + 4];
    full[0] = "ip";
    full[1] = "netns";
    full[2] = "exec";
    full[3] = netns;
    System.arraycopy(command, 0, full, 4, command.length);
    return Shell.run(full);
  }
}
