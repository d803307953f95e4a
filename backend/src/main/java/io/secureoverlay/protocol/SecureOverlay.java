package io.secureoverlay.protocol;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * The cluster-wide switch and plan: one cluster-scoped object named {@value #SINGLETON_NAME}. The
 * operator writes the spec; the master writes the status (the plan agents follow).
 */
@Group(SecureOverlay.GROUP)
@Version(SecureOverlay.VERSION)
@Kind(SecureOverlay.KIND)
@Plural(SecureOverlay.PLURAL)
@Singular(SecureOverlay.SINGULAR)
@ShortNames("sovl")
@AdditionalPrinterColumn(
    name = "Phase",
    jsonPath = ".status.phase",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Epoch",
    jsonPath = ".status.outboundEpoch",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Ready",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Nodes",
    jsonPath = ".status.readyNodes",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class SecureOverlay extends CustomResource<SecureOverlaySpec, SecureOverlayStatus> {

  public static final String GROUP = "secureoverlay.io";
  public static final String VERSION = "v1alpha1";
  public static final String KIND = "SecureOverlay";
  public static final String PLURAL = "secureoverlays";
  public static final String SINGULAR = "secureoverlay";

  /** The CRD's {@code metadata.name}. */
  public static final String CRD_NAME = PLURAL + "." + GROUP;

  /** The only object the master acts on; others are reported and ignored. */
  public static final String SINGLETON_NAME = "default";

  @Override
  protected SecureOverlaySpec initSpec() {
    return new SecureOverlaySpec();
  }
}
