package io.secureoverlay.ui.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
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
 * The production console in a real browser: sign-in (wrong password, then the sandbox operator),
 * the MTU calculator at 1450, and the screenshots in docs/screenshots that show both pages.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {

  private ConsoleProcess console;
  private HeadlessChromium chromium;
  private ChromeDriver driver;
  private Path screenshots;

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
  void theSandboxOperatorSeesTheFiguresAndTheWarningFor1450() throws IOException {
    driver.get(console.url("/login"));
    waitUntil("the login form rendered", BrowserScripts.LOGIN_FORM_RENDERED);
    signIn("operator", "operator");
    new WebDriverWait(driver, Duration.ofSeconds(60))
        .until(d -> !d.getCurrentUrl().contains("/login"));

    driver.get(console.url("/mtu"));
    waitUntil("the MTU view rendered", BrowserScripts.MTU_VIEW_RENDERED);
    String firstChart = driver.findElement(By.id("overhead-chart")).getAttribute("src");
    WebElement extMtus = driver.findElement(By.cssSelector("#ext-mtus input"));
    extMtus.sendKeys(Keys.chord(Keys.CONTROL, "a"), "1450", Keys.TAB);

    new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(d -> text("exact-mtu").contains("1402"));
    assertThat(text("exact-mtu")).contains("1402");
    assertThat(text("documented-mtu")).contains("1404").contains("too big, fragments");
    assertThat(text("mtu-verdict"))
        .contains("The documented rule's 1404 is 2 bytes too big")
        .contains("1452 bytes on the wire")
        .contains("Configure 1402 instead.");
    assertThat(text("configured-mtu")).contains("Not reported yet");
    assertThat(text("ucp-config")).contains("calico_mtu = \"1402\"");
    assertThat(driver.getTitle()).contains("sandbox (simulated)");

    new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(d -> !firstChart.equals(d.findElement(By.id("overhead-chart")).getAttribute("src")));
    waitUntil("the new chart image loaded", BrowserScripts.CHART_LOADED);
    assertThat(((Number) js(BrowserScripts.CHART_NATURAL_WIDTH)).intValue()).isEqualTo(1440);
    js("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
    screenshot("mtu.png");
  }

  private void signIn(String name, String password) {
    driver.findElement(By.cssSelector("#vaadinLoginUsername input")).sendKeys(name);
    driver.findElement(By.cssSelector("#vaadinLoginPassword input")).sendKeys(password, Keys.ENTER);
  }

  private String text(String id) {
    return driver.findElement(By.id(id)).getText();
  }

  private String pageText() {
    return (String) js(BrowserScripts.DEEP_TEXT);
  }

  private Object js(String script) {
    return ((JavascriptExecutor) driver).executeScript(script);
  }

  private void waitUntil(String what, String script) {
    new WebDriverWait(driver, Duration.ofSeconds(60))
        .withMessage(what)
        .until(
            (WebDriver d) -> {
              Object result = ((JavascriptExecutor) d).executeScript(script);
              return result != null && !Boolean.FALSE.equals(result) ? result : null;
            });
  }

  private void screenshot(String name) throws IOException {
    waitUntil("fonts loaded", "return document.fonts.status === 'loaded';");
    byte[] png = driver.getScreenshotAs(OutputType.BYTES);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image.getWidth()).as("screenshot width").isEqualTo(HeadlessChromium.WIDTH);
    assertThat(image.getHeight()).as("screenshot height").isEqualTo(HeadlessChromium.HEIGHT);
    Files.write(screenshots.resolve(name), png);
  }
}
