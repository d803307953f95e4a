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
 * One node's report, cluster-scoped and named after the node, written only by that node's agent. It
 * has no spec: everything a node is told comes from the {@link SecureOverlay} plan.
 */
@Group(SecureOverlayNode.GROUP)
@Version(SecureOverlayNode.VERSION)
@Kind(SecureOverlayNode.KIND)
@Plural(SecureOverlayNode.PLURAL)
@Singular(SecureOverlayNode.SINGULAR)
@ShortNames("sonode")
@AdditionalPrinterColumn(
    name = "Ready",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Epochs",
    jsonPath = ".status.inboundEpochs",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Out",
    jsonPath = ".status.outboundEpoch",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Plan",
    jsonPath = ".status.observedPlanRevision",
    type = AdditionalPrinterColumn.Type.INTEGER,
    priority = 1)
@AdditionalPrinterColumn(
    name = "Heartbeat",
    jsonPath = ".status.heartbeat",
    type = AdditionalPrinterColumn.Type.DATE)
public class SecureOverlayNode extends CustomResource<Void, SecureOverlayNodeStatus> {

  public static final String GROUP = SecureOverlay.GROUP;
  public static final String VERSION = SecureOverlay.VERSION;
  public static final String KIND = "SecureOverlayNode";
  public static final String PLURAL = "secureoverlaynodes";
  public static final String SINGULAR = "secureoverlaynode";

  /** The CRD's {@code metadata.name}. */
  public static final String CRD_NAME = PLURAL + "." + GROUP;
}
