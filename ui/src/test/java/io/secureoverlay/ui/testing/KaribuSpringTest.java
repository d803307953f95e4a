package io.secureoverlay.ui.testing;

import static org.awaitility.Awaitility.await;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.Location;
import io.secureoverlay.ui.security.ConsoleRole;
import java.time.Duration;
import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Base for view tests: the whole Spring context of the console (one per test run, shared by every
 * subclass), a mocked Vaadin UI on top of it, and sign-in as a given role. Subclasses call {@link
 * #openAs} or {@link #openAnonymously} at the start of each test.
 */
@ConsoleSpringTest
public abstract class KaribuSpringTest {

  private static Routes routes;

  @Autowired private ApplicationContext context;

  @BeforeAll
  static void discoverRoutes() {
    if (routes == null) {
      routes = new Routes().autoDiscoverViews("io.secureoverlay.ui");
    }
  }

  /** Signs in with the roles, starts a UI and navigates to the location (e.g. "mtu"). */
  protected void openAs(String location, String name, ConsoleRole... roles) {
    SignIn.as(name, roles);
    startUi();
    navigate(location);
  }

  /** Starts a UI nobody is signed in to and navigates to the location (may have a query). */
  protected void openAnonymously(String location) {
    SignIn.signOut();
    startUi();
    navigate(location);
  }

  private static void navigate(String location) {
    Location parsed = new Location(location);
    UI.getCurrent().navigate(parsed.getPath(), parsed.getQueryParameters());
  }

  /**
   * Waits until {@code assertion} passes, polling in this thread (Karibu's mocked UI lives here)
   * with a client round trip before each try, so that snapshots the console pushed reach the UI.
   */
  protected static void eventually(Duration atMost, ThrowingRunnable assertion) {
    await()
        .pollInSameThread()
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(
            () -> {
              MockVaadin.clientRoundtrip();
              assertion.run();
            });
  }

  protected static Routes routes() {
    return routes;
  }

  private void startUi() {
    MockVaadin.setup(UI::new, new MockSpringServlet(routes, context, UI::new));
  }

  @AfterEach
  protected void tearDownUi() {
    MockVaadin.tearDown();
    SignIn.signOut();
  }
}
