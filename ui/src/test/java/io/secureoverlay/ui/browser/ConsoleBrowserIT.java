package io.secureoverlay.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The production console in a real browser, on its embedded 6-node sandbox, walked through as an
 * operator would: sign-in (a wrong password first), enable encryption and wait for Enabled, the
 * topology and a node's details, a key rotation, the MTU calculator at 1450, the nodes grid, and
 * disabling with the typed cluster name. Every view is captured to docs/screenshots. Finally, no
 * page, push message or log line of the run may contain key bytes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {

  private static final Duration TRANSITION = Duration.ofSeconds(120);
  private static final String[] NODES = {
    "node-0001", "node-0002", "node-0003", "node-0004", "node-0005", "node-0006"
  };

  private ConsoleProcess console;
  private HeadlessChromium chromium;
  private ChromeDriver driver;
  private Path screenshots;
  private final KeyByteScan keyScan = new KeyByteScan();
  private final BrowserTraffic traffic = new BrowserTraffic();
  private final StringBuilder pagesSeen = new StringBuilder();
  private int epochsCollected;

  @BeforeAll
  void start() throws IOException {
    Path target = Path.of(System.getProperty("console.jar", "target/secureoverlay-console.jar"));
    screenshots = Path.of(System.getProperty("screenshots.dir", "../docs/screenshots"));
    Files.createDirectories(screenshots);
    console =
        ConsoleProcess.start(target, target.toAbsolutePath().getParent().resolve("console-it.log"));
    chromium = HeadlessChromium.start();
    driver = chromium.driver();
  }

  @AfterAll
  void stop() throws Exception {
    try {
      if (chromium != null) {
        chromium.close();
      }
    } finally {
      if (console != null) {
        console.close();
      }
    }
  }

  @Test
  @Order(1)
  void theLoginPageNamesTheSimulatedClusterAndIsCaptured() throws IOException {
    driver.get(console.url("/login"));
    waitUntil("the login form rendered", BrowserScripts.LOGIN_FORM_RENDERED);

    assertThat(driver.getTitle())
        .isEqualTo("Sign in \u00b7 sandbox (simulated) \u00b7 SecureOverlay");
    assertThat(pageText()).contains("SIMULATED").contains("Connected to sandbox (simulated)");
    screenshot("login.png");
  }

  @Test
  @Order(2)
  void aWrongPasswordShowsTheErrorOnTheForm() {
    driver.get(console.url("/login"));
    waitUntil("the login form rendered", BrowserScripts.LOGIN_FORM_RENDERED);

    signIn("viewer", "not-the-password");

    waitUntil("the error message shown", BrowserScripts.LOGIN_ERROR_SHOWN);
    assertThat(driver.getCurrentUrl()).endsWith("/login?error");
    assertThat((String) js(BrowserScripts.LOGIN_ERROR_SHOWN))
        .contains("Wrong user name or password");
  }

  @Test
  @Order(3)
  void theOperatorEnablesEncryptionAndTheOverviewFollowsItToEnabled() throws IOException {
    driver.get(console.url("/login"));
    waitUntil("the login form rendered", BrowserScripts.LOGIN_FORM_RENDERED);
    signIn("operator", "operator");
    new WebDriverWait(driver, Duration.ofSeconds(60))
        .until(d -> !d.getCurrentUrl().contains("/login"));
    waitForText("overview-phase", "Disabled", Duration.ofSeconds(60));
    assertThat(driver.getTitle()).contains("sandbox (simulated)");

    click("encryption-toggle");
    waitUntil("the confirmation dialog", BrowserScripts.visible("confirm-transition"));
    String dialog = dialogText();
    assertThat(dialog).contains("6").contains("Enforce");
    assertThat(specEnabled()).as("nothing changes before the operator confirms").isFalse();
    screenshot("enable-confirmation.png");

    click("confirm-transition");
    waitForText("overview-phase", "Enabled", TRANSITION);
    assertThat(text("nodes-encrypting")).contains("6");
    assertThat(text("current-epoch")).containsPattern("\\d");
    collectKeys();
    waitUntil(
        "the reason EnableCompleted shown unclipped in the recent events",
        BrowserScripts.cellShownInFull("recent-events", "EnableCompleted"),
        Duration.ofSeconds(15));
    settle();
    screenshot("overview.png");
  }

  @Test
  @Order(4)
  void theTopologyShowsEveryNodeAndOpensANodesDetails() throws IOException {
    driver.get(console.url("/topology"));
    waitUntil(
        "the topology with 6 nodes",
        "return document.querySelectorAll('#topology-svg [data-node]').length === 6;");
    assertThat(deepText("topology-legend")).isNotBlank();
    settle();
    screenshot("topology.png");

    js(
        "document.querySelector('#topology-svg [data-node=\"node-0002\"]')"
            + ".dispatchEvent(new MouseEvent('click', {bubbles: true}));");
    // The details may be a dialog (rendered in an overlay) or a panel on the page.
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .withMessage("the details of node-0002")
        .until(d -> (dialogText() + deepText("node-details")).contains("node-0002"));
    assertThat(dialogText() + deepText("node-details")).contains("node-0002").contains("1500");
    settle();
    screenshot("node-details.png");
  }

  @Test
  @Order(5)
  void aRotationStartedFromTheKeysViewBringsTheNextEpoch() throws IOException {
    driver.get(console.url("/keys"));
    waitUntil(
        "the current epoch",
        "const e = document.getElementById('current-epoch-number');"
            + " return !!(e && /\\d/.test(e.textContent));");
    long before = Long.parseLong(text("current-epoch-number").replaceAll("\\D", ""));

    click("rotate-now");
    waitUntil("the rotation dialog", BrowserScripts.visible("confirm-rotate"));
    assertThat(dialogText()).contains(Long.toString(before + 1));
    screenshot("rotate-confirmation.png");
    click("confirm-rotate");

    new WebDriverWait(driver, TRANSITION)
        .withMessage("epoch " + (before + 1) + " in use")
        .until(
            d ->
                text("current-epoch-number")
                    .replaceAll("\\D", "")
                    .equals(Long.toString(before + 1)));
    collectKeys();
    // The rotation ends after the retire grace period: Rotate now becomes usable again, and the
    // history and its charts show it.
    waitUntil("the rotation finished", BrowserScripts.enabled("rotate-now"), TRANSITION);
    new WebDriverWait(driver, TRANSITION)
        .withMessage("the rotation recorded in the history")
        .until(d -> deepText("rotation-history").contains("\u2192 " + (before + 1)));
    waitUntil("the charts", BrowserScripts.imageLoaded("rotation-convergence-chart"));
    settle();
    screenshot("keys.png");
    js("document.getElementById('rotation-history').scrollIntoView();");
    screenshot("keys-history.png");
  }

  @Test
  @Order(6)
  void theMtuCalculatorWarnsThatTheDocumentedRuleFragmentsAt1450() throws IOException {
    driver.get(console.url("/mtu"));
    waitUntil("the MTU view rendered", BrowserScripts.MTU_VIEW_RENDERED);
    String firstChart = driver.findElement(By.id("overhead-chart")).getAttribute("src");
    WebElement extMtus = driver.findElement(By.cssSelector("#ext-mtus input"));
    extMtus.sendKeys(Keys.chord(Keys.CONTROL, "a"), "1450", Keys.TAB);

    new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(d -> text("exact-mtu").contains("1402"));
    assertThat(text("documented-mtu")).contains("1404").contains("too big, fragments");
    assertThat(text("mtu-verdict"))
        .contains("The documented rule's 1404 is 2 bytes too big")
        .contains("1452 bytes on the wire")
        .contains("Configure 1402 instead.");
    // The sandbox agents run 1500-byte underlays and report 1454: too big for a 1450 underlay.
    assertThat(text("configured-mtu")).contains("1454");
    assertThat(text("ucp-config")).contains("calico_mtu = \"1402\"");

    new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(d -> !firstChart.equals(d.findElement(By.id("overhead-chart")).getAttribute("src")));
    waitUntil("the new chart image loaded", BrowserScripts.CHART_LOADED);
    assertThat(((Number) js(BrowserScripts.CHART_NATURAL_WIDTH)).intValue()).isEqualTo(1440);
    settle();
    screenshot("mtu.png");
  }

  @Test
  @Order(7)
  void theNodesGridListsEveryNode() throws IOException {
    driver.get(console.url("/nodes"));
    waitUntil("the nodes grid", BrowserScripts.visible("nodes-grid"));
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .withMessage("all six nodes in the grid")
        .until(d -> containsAll(deepText("nodes-grid"), NODES));
    settle();
    screenshot("nodes.png");
  }

  @Test
  @Order(8)
  void disablingAsksForTheClusterNameAndReturnsToDisabled() throws IOException {
    driver.get(console.url("/"));
    waitForText("overview-phase", "Enabled", TRANSITION);
    waitUntil("the toggle usable", BrowserScripts.enabled("encryption-toggle"));

    click("encryption-toggle");
    waitUntil("the confirmation dialog", BrowserScripts.visible("confirm-cluster-name"));
    assertThat((Boolean) js(BrowserScripts.enabled("confirm-transition")))
        .as("confirm stays disabled until the cluster name is typed")
        .isFalse();
    driver.findElement(By.cssSelector("#confirm-cluster-name input")).sendKeys("sandbox");
    waitUntil("confirm enabled by the typed name", BrowserScripts.enabled("confirm-transition"));
    screenshot("disable-confirmation.png");

    click("confirm-transition");
    waitForText("overview-phase", "Disabled", TRANSITION);
    assertThat(specEnabled()).isFalse();
  }

  @Test
  @Order(9)
  void noPagePushMessageOrLogLineContainsKeyBytes() throws IOException {
    assertThat(epochsCollected)
        .as("epochs whose key material was collected")
        .isGreaterThanOrEqualTo(2);
    assertThat(keyScan.size()).as("key material to look for").isGreaterThan(100);
    traffic.drain(driver);
    assertThat(traffic.frames() + traffic.responses())
        .as("push frames and UIDL responses captured")
        .isGreaterThan(20);
    String log = Files.readString(console.log());

    assertThat(keyScan.firstFound(pagesSeen.toString())).as("key bytes on a page").isEmpty();
    assertThat(keyScan.firstFound(traffic.text())).as("key bytes in push messages").isEmpty();
    assertThat(keyScan.firstFound(log)).as("key bytes in the console's log").isEmpty();
  }

  private void collectKeys() throws IOException {
    epochsCollected += SandboxKeyMaterial.addTo(keyScan, console.sandboxApiUrl());
  }

  private boolean specEnabled() {
    // What the overview says the cluster asks for: read the API, not the page.
    return SandboxSpec.enabled(sandboxApi());
  }

  private String sandboxApi() {
    try {
      return console.sandboxApiUrl();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean containsAll(String text, String... parts) {
    for (String part : parts) {
      if (!text.contains(part)) {
        return false;
      }
    }
    return true;
  }

  private void signIn(String name, String password) {
    driver.findElement(By.cssSelector("#vaadinLoginUsername input")).sendKeys(name);
    driver.findElement(By.cssSelector("#vaadinLoginPassword input")).sendKeys(password, Keys.ENTER);
  }

  private void click(String id) {
    driver.findElement(By.id(id)).click();
  }

  private String text(String id) {
    return driver.findElement(By.id(id)).getText();
  }

  private String deepText(String id) {
    return (String) js(BrowserScripts.deepTextOf(id));
  }

  private String dialogText() {
    return (String) js(BrowserScripts.OPEN_DIALOG_TEXT);
  }

  private String pageText() {
    return (String) js(BrowserScripts.DEEP_TEXT);
  }

  private Object js(String script) {
    return ((JavascriptExecutor) driver).executeScript(script);
  }

  private void waitForText(String id, String expected, Duration timeout) {
    new WebDriverWait(driver, timeout)
        .withMessage(id + " to read " + expected)
        .ignoring(org.openqa.selenium.NoSuchElementException.class)
        .until(d -> text(id).strip().equals(expected));
  }

  private void waitUntil(String what, String script) {
    waitUntil(what, script, Duration.ofSeconds(60));
  }

  private void waitUntil(String what, String script, Duration timeout) {
    new WebDriverWait(driver, timeout)
        .withMessage(what)
        .until(
            (WebDriver d) -> {
              Object result = ((JavascriptExecutor) d).executeScript(script);
              return result != null && !Boolean.FALSE.equals(result) ? result : null;
            });
  }

  /** Lets pushed updates and fonts land, and takes the caret and scroll out of the picture. */
  private void settle() {
    waitUntil("fonts loaded", "return document.fonts.status === 'loaded';");
    js("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
  }

  private void screenshot(String name) throws IOException {
    waitUntil("fonts loaded", "return document.fonts.status === 'loaded';");
    pagesSeen.append(pageText()).append('\n').append(driver.getPageSource()).append('\n');
    traffic.drain(driver);
    byte[] png = driver.getScreenshotAs(OutputType.BYTES);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image.getWidth()).as("screenshot width").isEqualTo(HeadlessChromium.WIDTH);
    assertThat(image.getHeight()).as("screenshot height").isEqualTo(HeadlessChromium.HEIGHT);
    Files.write(screenshots.resolve(name), png);
  }
}
