package io.secureoverlay.mtu;

/**
 * The configuration that applies a tunnel MTU, ready to paste.
 *
 * <p>UCP / Mirantis MKE: the secure-overlay guide tells operators to set both {@code calico_mtu}
 * (the workload interfaces) and {@code ipip_mtu} (Calico's IPIP tunnel interface) in the {@code
 * [cluster_config]} table of the UCP configuration file, as quoted strings. Plain Calico: {@code
 * spec.ipipMTU} of the {@code default} FelixConfiguration.
 *
 * @param ucpConfigToml the {@code [cluster_config]} lines of the UCP/MKE configuration file
 * @param felixConfigurationYaml a FelixConfiguration for {@code calicoctl apply -f}
 */
public record TunnelMtuConfig(String ucpConfigToml, String felixConfigurationYaml) {

  public static TunnelMtuConfig forTunnelMtu(int tunnelMtu) {
    String toml =
        "[cluster_config]\n"
            + "  calico_mtu = \""
            + tunnelMtu
            + "\"\n"
            + "  ipip_mtu = \""
            + tunnelMtu
            + "\"\n";
    String yaml =
        "apiVersion: projectcalico.org/v3\n"
            + "kind: FelixConfiguration\n"
            + "metadata:\n"
            + "  name: default\n"
            + "spec:\n"
            + "  ipipMTU: "
            + tunnelMtu
            + "\n";
    return new TunnelMtuConfig(toml, yaml);
  }
}
