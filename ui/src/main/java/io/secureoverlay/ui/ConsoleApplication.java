package io.secureoverlay.ui;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * The SecureOverlay console: a Vaadin Flow admin console on Spring Boot. Run the production jar
 * with {@code java -jar ui/target/secureoverlay-console.jar}; it listens on port 8080.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ConsoleApplication {

  public static void main(String[] args) {
    SpringApplication.run(ConsoleApplication.class, args);
  }

  /** Wall-clock time for everything that expires (sign-in locks, later key epochs). */
  @Bean
  public Clock clock() {
    return Clock.systemUTC();
  }
}
