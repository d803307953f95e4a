package io.secureoverlay.agent.kube;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The agent's version as Maven recorded it in the packaged jar; a class directory has none. */
public final class AgentVersion {

  private static final String POM_PROPERTIES =
      "/META-INF/maven/io.secureoverlay/secureoverlay-agent/pom.properties";

  private AgentVersion() {}

  public static String current() {
    try (InputStream in = AgentVersion.class.getResourceAsStream(POM_PROPERTIES)) {
      if (in != null) {
        Properties properties = new Properties();
        properties.load(in);
        String version = properties.getProperty("version");
        if (version != null && !version.isBlank()) {
          return version;
        }
      }
    } catch (IOException e) {
      // Unreadable metadata: fall through to the development marker.
    }
    return "development";
  }
}
