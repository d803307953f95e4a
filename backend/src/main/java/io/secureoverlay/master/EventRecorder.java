package io.secureoverlay.master;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.secureoverlay.protocol.SecureOverlay;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * core/v1 Events on the {@code SecureOverlay} object, in the master's namespace (kubectl describe
 * finds events of a cluster-scoped object in any namespace). Every event is also one log line. An
 * event that cannot be written is logged and dropped: events inform, they never block the plan.
 */
final class EventRecorder {

  static final String COMPONENT = "secureoverlay-master";

  /** The API server refuses longer messages. */
  static final int MAX_MESSAGE = 1024;

  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);

  private final KubernetesClient client;
  private final String namespace;
  private final String identity;
  private final Clock clock;
  private final AtomicLong sequence = new AtomicLong();

  EventRecorder(KubernetesClient client, String namespace, String identity, Clock clock) {
    this.client = client;
    this.namespace = namespace;
    this.identity = identity;
    this.clock = clock;
  }

  void record(SecureOverlay about, PlanEvent event) {
    String message =
        event.message().length() <= MAX_MESSAGE
            ? event.message()
            : event.message().substring(0, MAX_MESSAGE - 3) + "...";
    LOG.info(
        "event=plan_event type={} reason={} message=\"{}\"",
        event.type().kubernetesName(),
        event.reason(),
        message);
    String now = DateTimeFormatter.ISO_INSTANT.format(clock.instant());
    Event e =
        new EventBuilder()
            .withNewMetadata()
            .withNamespace(namespace)
            .withName(name(about, clock.instant()))
            .endMetadata()
            .withInvolvedObject(
                new ObjectReferenceBuilder()
                    .withApiVersion(about.getApiVersion())
                    .withKind(about.getKind())
                    .withName(about.getMetadata().getName())
                    .withUid(about.getMetadata().getUid())
                    .withResourceVersion(about.getMetadata().getResourceVersion())
                    .build())
            .withType(event.type().kubernetesName())
            .withReason(event.reason())
            .withMessage(message)
            .withFirstTimestamp(now)
            .withLastTimestamp(now)
            .withCount(1)
            .withNewSource()
            .withComponent(COMPONENT)
            .endSource()
            .withReportingComponent(COMPONENT)
            .withReportingInstance(identity)
            .build();
    try {
      client.v1().events().inNamespace(namespace).resource(e).create();
    } catch (KubernetesClientException ex) {
      LOG.warn(
          "event=event_not_recorded reason={} cause=\"{}\"",
          event.reason(),
          new GatewayException("creating an Event", ex).getMessage());
    }
  }

  /** Unique per replica and event, readable in kubectl: default.18f3a2c4b5d.7 */
  private String name(SecureOverlay about, Instant at) {
    return about.getMetadata().getName()
        + "."
        + Long.toHexString(at.toEpochMilli())
        + "."
        + Integer.toHexString(identity.hashCode() & 0xffff)
        + "."
        + sequence.incrementAndGet();
  }
}
