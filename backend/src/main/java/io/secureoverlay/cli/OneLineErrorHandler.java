package io.secureoverlay.cli;

import java.io.PrintWriter;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every error into one line on stderr, {@code secureoverlay: <what is wrong>}: no usage dump,
 * no stack trace. Bad input exits with 2, an unexpected failure with 1.
 */
final class OneLineErrorHandler implements IParameterExceptionHandler, IExecutionExceptionHandler {

  static final String PREFIX = "secureoverlay: ";

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    print(ex.getCommandLine(), describe(ex));
    return ExitCode.USAGE;
  }

  @Override
  public int handleExecutionException(
      Exception ex, CommandLine commandLine, ParseResult parseResult) {
    print(commandLine, "internal error: " + ex);
    return ExitCode.SOFTWARE;
  }

  static String describe(ParameterException ex) {
    ArgSpec arg = ex.getArgSpec();
    if (ex.getCause() instanceof TypeConversionException conversion
        && arg instanceof OptionSpec option) {
      // Converters phrase only the problem ("is not a number"); the option and value come first.
      return option.longestName() + " " + ex.getValue() + " " + conversion.getMessage();
    }
    if (ex instanceof MissingParameterException missing) {
      String names =
          missing.getMissing().stream()
              .map(OneLineErrorHandler::name)
              .collect(Collectors.joining(", "));
      // picocli uses this exception both for an absent required option and a value-less option.
      boolean valueMissing = String.valueOf(ex.getMessage()).startsWith("Missing required param");
      return names
          + (valueMissing ? " needs a value" : " is required")
          + " (see '"
          + qualifiedName(ex)
          + " --help')";
    }
    if (ex instanceof UnmatchedArgumentException unmatched) {
      // Only the first: what follows it may be its value, not a second mistake.
      return "unknown option or argument '"
          + unmatched.getUnmatched().get(0)
          + "' (see '"
          + qualifiedName(ex)
          + " --help')";
    }
    return ex.getMessage();
  }

  private static String name(ArgSpec arg) {
    return arg instanceof OptionSpec option ? option.longestName() : arg.paramLabel();
  }

  private static String qualifiedName(ParameterException ex) {
    return ex.getCommandLine().getCommandSpec().qualifiedName();
  }

  private static void print(CommandLine commandLine, String message) {
    PrintWriter err = commandLine.getErr();
    err.println(PREFIX + message);
    err.flush();
  }
}
