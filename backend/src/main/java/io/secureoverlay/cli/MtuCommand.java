package io.secureoverlay.cli;

import io.secureoverlay.model.Cipher;
import io.secureoverlay.model.IcvLength;
import io.secureoverlay.mtu.EspMtuCalculator;
import io.secureoverlay.mtu.InvalidMtuInputException;
import io.secureoverlay.mtu.MtuRequest;
import io.secureoverlay.mtu.MtuResult;
import io.secureoverlay.mtu.UnderlayFamily;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code secureoverlay mtu}: the largest tunnel MTU and the config lines that apply it. */
@Command(
    name = "mtu",
    mixinStandardHelpOptions = true,
    versionProvider = SecureOverlayVersion.class,
    sortOptions = false,
    description = {
      "Computes the largest Calico IPIP tunnel MTU under ESP transport mode with AES-GCM, as the"
          + " kernel computes it, compares it with the rule UCP/MKE documented, and prints the"
          + " configuration that applies it."
    })
public final class MtuCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--ext-mtu",
      required = true,
      split = ",",
      paramLabel = "BYTES",
      converter = OptionConverters.ByteCount.class,
      description =
          "External (underlay) MTU of the nodes' interfaces. Repeat it or separate values with"
              + " commas; the smallest governs.")
  List<Integer> extMtus;

  @Option(
      names = "--icv",
      paramLabel = "BITS",
      defaultValue = "64",
      converter = OptionConverters.Icv.class,
      description = "ESP integrity check value length: 64, 96 or 128 (default: ${DEFAULT-VALUE}).")
  IcvLength icv;

  @Option(
      names = "--cipher",
      paramLabel = "CIPHER",
      defaultValue = "aes-gcm-128",
      converter = OptionConverters.CipherId.class,
      description =
          "aes-gcm-128 or aes-gcm-256 (default: ${DEFAULT-VALUE}); both add the same overhead.")
  Cipher cipher;

  @Option(
      names = "--family",
      paramLabel = "FAMILY",
      defaultValue = "ipv4",
      converter = OptionConverters.Family.class,
      description = "Underlay IP family: ipv4 or ipv6 (default: ${DEFAULT-VALUE}).")
  UnderlayFamily family;

  @Option(
      names = "--output",
      paramLabel = "FORMAT",
      defaultValue = "text",
      converter = OptionConverters.Output.class,
      description = "text or json (default: ${DEFAULT-VALUE}).")
  OutputFormat output;

  private final EspMtuCalculator calculator;

  public MtuCommand() {
    this(new EspMtuCalculator());
  }

  MtuCommand(EspMtuCalculator calculator) {
    this.calculator = calculator;
  }

  @Override
  public Integer call() {
    MtuResult result;
    try {
      result = calculator.calculate(new MtuRequest(extMtus, family, icv, cipher));
    } catch (InvalidMtuInputException e) {
      String message =
          e.extMtu().isPresent()
              ? "--ext-mtu " + e.extMtu().getAsInt() + " " + e.problem()
              : "--ext-mtu: " + e.problem();
      throw new ParameterException(spec.commandLine(), message);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(
        output == OutputFormat.JSON ? MtuJsonReport.render(result) : MtuTextReport.render(result));
    out.flush();
    return 0;
  }
}
