package io.secureoverlay.ui.mtu;

import io.secureoverlay.mtu.EspMtuCalculator;
import io.secureoverlay.mtu.InvalidMtuInputException;
import io.secureoverlay.mtu.MtuRequest;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The MTU view's read-only service: runs the backend calculator on what the operator typed and
 * offers what the cluster reports (underlay MTUs to start from, the tunnel MTU in use). It changes
 * nothing, so every role may call it.
 */
@Service
public class MtuService {

  /** Used when no agent has reported an underlay MTU yet: the usual Ethernet MTU. */
  public static final String DEFAULT_EXT_MTUS = "1500";

  private final EspMtuCalculator calculator;
  private final UnderlayMtuSource underlayMtus;
  private final ConfiguredTunnelMtuSource configuredTunnelMtu;

  public MtuService(
      EspMtuCalculator calculator,
      UnderlayMtuSource underlayMtus,
      ConfiguredTunnelMtuSource configuredTunnelMtu) {
    this.calculator = calculator;
    this.underlayMtus = underlayMtus;
    this.configuredTunnelMtu = configuredTunnelMtu;
  }

  public MtuOutcome evaluate(MtuInputs inputs) {
    try {
      List<Integer> extMtus = MtuInputParser.parse(inputs.extMtus());
      return new MtuOutcome.Calculated(
          calculator.calculate(
              new MtuRequest(extMtus, inputs.family(), inputs.icv(), inputs.cipher())));
    } catch (InvalidMtuInputException e) {
      return new MtuOutcome.Rejected(fieldMessage(e));
    }
  }

  /**
   * The distinct reported underlay MTUs, ascending, as field text, or {@link #DEFAULT_EXT_MTUS}
   * when none is.
   */
  public String initialExtMtus() {
    List<ReportedUnderlayMtu> reports = underlayMtus.reportedUnderlayMtus();
    if (reports.isEmpty()) {
      return DEFAULT_EXT_MTUS;
    }
    // Distinct values only: a thousand nodes on the same 1500-byte underlay is one input, not a
    // thousand; the calculator takes the smallest anyway.
    return reports.stream()
        .mapToInt(ReportedUnderlayMtu::mtu)
        .distinct()
        .sorted()
        .mapToObj(Integer::toString)
        .collect(Collectors.joining(", "));
  }

  /** How many nodes the initial MTUs came from (0: none reported, the default was used). */
  public int reportingNodes() {
    return underlayMtus.reportedUnderlayMtus().size();
  }

  public OptionalInt configuredTunnelMtu() {
    return configuredTunnelMtu.configuredTunnelMtu();
  }

  static String fieldMessage(InvalidMtuInputException e) {
    if (e.extMtu().isPresent()) {
      return e.extMtu().getAsInt() + " " + e.problem();
    }
    String problem = e.problem();
    return problem.isEmpty()
        ? problem
        : Character.toUpperCase(problem.charAt(0)) + problem.substring(1);
  }
}
