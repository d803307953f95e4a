package io.secureoverlay.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * Reads the version Maven records in the packaged jar, so the version lives only in the pom. Run
 * from a class directory (tests, IDE) there is none, and the output says so.
 */
final class SecureOverlayVersion implements IVersionProvider {

  private static final String POM_PROPERTIES =
      "/META-INF/maven/io.secureoverlay/secureoverlay-backend/pom.properties";

  @Override
  public String[] getVersion() {
    return new String[] {
      "secureoverlay " + version(), "Java " + Runtime.version() + " (" + javaVendor() + ")"
    };
  }

  static String version() {
    try (InputStream in = SecureOverlayVersion.class.getResourceAsStream(POM_PROPERTIES)) {
      if (in != null) {
        Properties properties = new Properties();
        properties.load(in);
        String version = properties.getProperty("version");
        if (version != null && !version.isBlank()) {
          return version;
        }
      }
    } catch (IOException e) {
      // Unreadable metadata is no reason to fail --version; fall through to the next source.
    }
    String implementation = SecureOverlayVersion.class.getPackage().getImplementationVersion();
    return implementation != null ? implementation : "development build (not a packaged jar)";
  }

  private static String javaVendor() {
    return System.getProperty("java.vendor", "unknown vendor");
  }
}
