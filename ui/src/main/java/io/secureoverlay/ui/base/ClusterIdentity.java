package io.secureoverlay.ui.base;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which cluster the console is connected to, so that no operator mistakes the sandbox for
 * production or the other way round. Shown in every page's header and title.
 *
 * @param name the cluster's name ({@code secureoverlay.cluster.name})
 * @param mode {@code sandbox} or {@code real} ({@code secureoverlay.cluster.mode})
 */
@Validated
@ConfigurationProperties(prefix = "secureoverlay.cluster")
public record ClusterIdentity(
    @DefaultValue("sandbox") @NotBlank String name,
    @DefaultValue("sandbox") @NotNull ClusterMode mode) {

  public boolean isSimulated() {
    return mode == ClusterMode.SANDBOX;
  }

  /** The name as people should read it: a sandbox always says that it is simulated. */
  public String displayName() {
    return isSimulated() ? name + " (simulated)" : name;
  }

  /** One line for the header banner. */
  public String bannerText() {
    return isSimulated()
        ? "Connected to " + displayName() + ": no real node is changed"
        : "Connected to cluster " + name + ": changes made here reach its real nodes";
  }
}
