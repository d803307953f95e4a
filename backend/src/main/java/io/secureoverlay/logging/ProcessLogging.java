package io.secureoverlay.logging;

/**
 * Logging set-up for SecureOverlay's own processes (CLI, master, agent). The configuration has a
 * name of its own rather than {@code logback.xml}, because these jars also sit on the console's
 * classpath, where Spring Boot owns logging.
 */
public final class ProcessLogging {

  static final String CONFIGURATION = "io/secureoverlay/logging/logback-process.xml";

  private ProcessLogging() {}

  /** Call first in {@code main}, before any logger exists; an operator's own choice wins. */
  public static void useProcessDefaults() {
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", CONFIGURATION);
    }
  }
}
