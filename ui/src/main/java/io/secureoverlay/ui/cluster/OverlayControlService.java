package io.secureoverlay.ui.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.secureoverlay.protocol.SecureOverlay;
import io.secureoverlay.protocol.SecureOverlaySpec;
import io.secureoverlay.protocol.SpecProblem;
import io.secureoverlay.protocol.SpecValidator;
import io.secureoverlay.ui.base.ClusterIdentity;
import io.secureoverlay.ui.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Every change the console makes to the cluster, all through the {@code SecureOverlay} spec, the
 * same way {@code kubectl} would: the master does the rest and reports through the status. Each
 * method is for OPERATORs only (method security refuses everyone else, whatever a view shows), and
 * each validates its input against the spec's rules before writing, so a refused change writes
 * nothing.
 */
@Service
public class OverlayControlService {

  private static final Logger LOG = LoggerFactory.getLogger(OverlayControlService.class);

  private final KubernetesClient client;
  private final ClusterIdentity cluster;
  private final SpecValidator validator = new SpecValidator();

  public OverlayControlService(KubernetesClient client, ClusterIdentity cluster) {
    this.client = client;
    this.cluster = cluster;
  }

  /**
   * Switches encryption on. With {@code enforce}, every node also refuses plaintext from peers once
   * they encrypt (the last phase of enabling).
   */
  @RolesAllowed(Roles.OPERATOR)
  public void enable(boolean enforce) {
    change(
        "enable",
        spec -> {
          spec.setEnabled(true);
          spec.setEnforce(enforce);
        });
  }

  /**
   * Switches encryption off. The operator must type the cluster's name, so that nobody disables the
   * wrong cluster from a second browser tab.
   */
  @RolesAllowed(Roles.OPERATOR)
  public void disable(String typedClusterName) {
    if (typedClusterName == null || !typedClusterName.strip().equals(cluster.name())) {
      throw new OverlayChangeRefusedException(
          "Type the cluster name \"" + cluster.name() + "\" exactly to disable encryption");
    }
    change("disable", spec -> spec.setEnabled(false));
  }

  /** Asks the master for one immediate key rotation. */
  @RolesAllowed(Roles.OPERATOR)
  public void rotateNow() {
    change("rotate_now", spec -> spec.setRotateNowToken(UUID.randomUUID().toString()));
  }

  /** Sets {@code spec.rotationInterval}, e.g. {@code 24h} or {@code 1h30m}. */
  @RolesAllowed(Roles.OPERATOR)
  public void setRotationInterval(String interval) {
    String value = interval == null ? "" : interval.strip();
    change("set_rotation_interval", spec -> spec.setRotationInterval(value));
  }

  private void change(String action, Consumer<SecureOverlaySpec> edit) {
    SecureOverlay current =
        client.resources(SecureOverlay.class).withName(SecureOverlay.SINGLETON_NAME).get();
    if (current == null) {
      throw new OverlayChangeRefusedException(
          "The cluster has no SecureOverlay \""
              + SecureOverlay.SINGLETON_NAME
              + "\": install SecureOverlay first (deploy/)");
    }
    SecureOverlaySpec proposed =
        current.getSpec() == null ? new SecureOverlaySpec() : current.getSpec();
    edit.accept(proposed);
    List<SpecProblem> problems = validator.validate(proposed);
    if (!problems.isEmpty()) {
      throw new OverlayChangeRefusedException(problems.get(0).toString());
    }
    try {
      client
          .resources(SecureOverlay.class)
          .withName(SecureOverlay.SINGLETON_NAME)
          .edit(
              overlay -> {
                if (overlay.getSpec() == null) {
                  overlay.setSpec(new SecureOverlaySpec());
                }
                edit.accept(overlay.getSpec());
                return overlay;
              });
    } catch (KubernetesClientException e) {
      LOG.warn("event=operator_change_failed action={} code={}", action, e.getCode());
      String reason = e.getStatus() == null ? "no reason given" : e.getStatus().getMessage();
      throw new OverlayChangeRefusedException(
          "The API server refused the change (HTTP " + e.getCode() + "): " + reason);
    }
    LOG.info(
        "event=operator_change action={} user={} cluster={}",
        action,
        SecurityContextHolder.getContext().getAuthentication().getName(),
        cluster.name());
  }
}
