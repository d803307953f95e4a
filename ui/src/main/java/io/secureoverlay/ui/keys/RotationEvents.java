package io.secureoverlay.ui.keys;

import io.fabric8.kubernetes.api.model.Event;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rebuilds completed rotations from the master's Events, for rotations that ended before this
 * console started watching: a {@code RotationStarted} event ("epoch 3 to 4: ...") paired by epoch
 * with its {@code RotationCompleted} event ("epoch 4 (fingerprint ...) in use on 6 nodes; ...").
 * Event times are what the API server kept: to the second on a real cluster. Per-node times and
 * lagging nodes are not in the Events, so those rows have none.
 */
public final class RotationEvents {

  static final String STARTED = "RotationStarted";
  static final String COMPLETED = "RotationCompleted";

  private static final Pattern STARTED_EPOCHS = Pattern.compile("^epoch (\\d+) to (\\d+)\\b");
  private static final Pattern COMPLETED_EPOCH = Pattern.compile("^epoch (\\d+) \\(fingerprint");
  private static final Pattern NODES = Pattern.compile("in use on (\\d+) nodes?\\b");

  private RotationEvents() {}

  /** Every rotation both of whose Events are present, in any order of the input. */
  public static List<RotationRecord> reconstruct(List<Event> events) {
    Map<Long, Started> started = new HashMap<>();
    Map<Long, Completed> completed = new HashMap<>();
    for (Event event : events) {
      Optional<Instant> at = time(event);
      if (at.isEmpty() || event.getMessage() == null) {
        continue;
      }
      if (STARTED.equals(event.getReason())) {
        Matcher m = STARTED_EPOCHS.matcher(event.getMessage());
        if (m.find()) {
          long to = Long.parseLong(m.group(2));
          started.put(to, new Started(Long.parseLong(m.group(1)), at.get()));
        }
      } else if (COMPLETED.equals(event.getReason())) {
        Matcher m = COMPLETED_EPOCH.matcher(event.getMessage());
        if (m.find()) {
          Matcher nodes = NODES.matcher(event.getMessage());
          int count = nodes.find() ? Integer.parseInt(nodes.group(1)) : 0;
          completed.put(Long.parseLong(m.group(1)), new Completed(at.get(), count));
        }
      }
    }
    List<RotationRecord> rotations = new ArrayList<>();
    started.forEach(
        (to, start) -> {
          Completed end = completed.get(to);
          if (end != null && !end.at().isBefore(start.at())) {
            rotations.add(
                new RotationRecord(
                    start.from(),
                    to,
                    start.at(),
                    end.at(),
                    end.nodes(),
                    List.of(),
                    List.of(),
                    RotationRecord.Outcome.COMPLETED,
                    RotationRecord.Source.EVENTS));
          }
        });
    return rotations;
  }

  private static Optional<Instant> time(Event event) {
    for (String text :
        new String[] {
          event.getFirstTimestamp(),
          event.getLastTimestamp(),
          event.getMetadata() == null ? null : event.getMetadata().getCreationTimestamp()
        }) {
      if (text != null && !text.isBlank()) {
        try {
          return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
          // A malformed time on one Event must not hide the others; try the next field.
        }
      }
    }
    return Optional.empty();
  }

  private record Started(long from, Instant at) {}

  private record Completed(Instant at, int nodes) {}
}
