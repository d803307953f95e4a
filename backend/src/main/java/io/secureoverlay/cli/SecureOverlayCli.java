package io.secureoverlay.cli;

import io.secureoverlay.logging.ProcessLogging;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code secureoverlay} command. Each subcommand is its own class listed in {@code
 * subcommands}; a new one (e.g. {@code master}) is added there and gets the same one-line error
 * handling, because {@link #newCommandLine()} configures the whole hierarchy.
 */
@Command(
    name = "secureoverlay",
    mixinStandardHelpOptions = true,
    versionProvider = SecureOverlayVersion.class,
    description = "Transparent IPsec (ESP, AES-GCM) for Calico IPIP pod traffic.",
    subcommands = {MtuCommand.class, MasterCommand.class})
public final class SecureOverlayCli implements Callable<Integer> {

  @Spec CommandSpec spec;

  public static void main(String[] args) {
    ProcessLogging.useProcessDefaults();
    System.exit(newCommandLine().execute(args));
  }

  /**
   * The command line with its error handling: bad input gives exit status 2 and one line on stderr.
   * Tests set their own out/err writers on the result and call {@code execute}.
   */
  public static CommandLine newCommandLine() {
    return newCommandLine(CommandLine.defaultFactory());
  }

  /** With a factory of the test's own for the subcommands (e.g. a master on a mock server). */
  static CommandLine newCommandLine(CommandLine.IFactory factory) {
    CommandLine commandLine = new CommandLine(new SecureOverlayCli(), factory);
    OneLineErrorHandler errors = new OneLineErrorHandler();
    commandLine.setParameterExceptionHandler(errors);
    commandLine.setExecutionExceptionHandler(errors);
    return commandLine;
  }

  @Override
  public Integer call() {
    throw new ParameterException(
        spec.commandLine(),
        "a subcommand is required: "
            + String.join(", ", spec.subcommands().keySet())
            + " (see 'secureoverlay --help')");
  }
}
