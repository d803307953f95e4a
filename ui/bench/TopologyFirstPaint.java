import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Topology benchmark (not a test): starts the production console jar on an N-node sandbox, signs in
 * with headless Chromium and measures, for N and for the 6-node baseline,
 *
 * <ul>
 *   <li>time to first paint of /topology: navigation start (performance.now() = 0) to the SVG
 *       being in the DOM or the pair matrix PNG loaded, read in the page on an animation frame;
 *   <li>server heap per session: used heap after a full GC, before and after S extra signed-in
 *       sessions each showing /topology, divided by S (jcmd GC.run + GC.heap_info);
 *   <li>plan change to screen: enable written to the API server (wall clock) to the first change of
 *       the pair counts on screen, and to the screen showing every pair encrypted both ways with
 *       its picture loaded (wall clock in the page).
 * </ul>
 *
 * Run through topology-first-paint.sh, which builds the jar and the classpath.
 */
public class TopologyFirstPaint {

  static final String BROWSER = "/usr/bin/chromium";
  static final String DRIVER = "/usr/bin/chromedriver";
  static final int SESSIONS = Integer.getInteger("bench.sessions", 4);
  static final int WARM_LOADS = Integer.getInteger("bench.loads", 3);
  /** With -Dbench.trace=true, where each timed load's time went, from the page's own timings. */
  static final boolean TRACE = Boolean.getBoolean("bench.trace");

  /**
   * Read after a paint is stamped, so it changes nothing measured: the document request, every
   * request the page made before the picture showed (server time = request start to first byte),
   * and the first contentful paint.
   */
  static final String TRACE_PROBE =
      """
      const f = x => Math.round(x);
      const paint = window.__topologyPaint;
      const nav = performance.getEntriesByType('navigation')[0];
      const out = ['doc ' + f(nav.requestStart) + '>' + f(nav.responseStart) + '>' + f(nav.responseEnd)
          + ' dcl ' + f(nav.domContentLoadedEventEnd)];
      for (const r of performance.getEntriesByType('resource')) {
        if (r.startTime > paint) { continue; }
        const name = r.name.replace(/^https?:\\/\\/[^/]+/, '').slice(0, 48);
        out.push(name + ' ' + f(r.startTime) + '>' + f(r.requestStart) + '>' + f(r.responseStart)
            + '>' + f(r.responseEnd) + (r.transferSize === 0 ? ' cached' : ' ' + r.transferSize + 'B'));
      }
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      out.push('fcp ' + (fcp ? f(fcp.startTime) : '-') + ' picture ' + f(paint));
      return out.join(' | ');
      """;

  /** Installed before any page script: records when the topology first shows. */
  static final String PAINT_PROBE =
      """
      (function () {
        const done = () => window.__topologyPaint !== undefined;
        const check = () => {
          try {
            if (done()) { return; }
            const svg = document.querySelector('#topology-svg');
            const img = document.querySelector('#topology-heatmap');
            const matrixShown = img && img.getAttribute('src') && img.complete && img.naturalWidth > 0;
            if (svg || matrixShown) {
              window.__topologyPaint = performance.now();
              window.__topologyKind = svg ? 'svg' : 'png';
            }
          } catch (e) {
            window.__topologyProbeError = String(e);
          }
        };
        // DOM changes (the SVG arriving), image loads (the PNG arriving), and a 10 ms tick as a
        // backstop: whichever sees the picture first stamps the time since navigation start.
        new MutationObserver(check).observe(document, {childList: true, subtree: true, attributes: true});
        document.addEventListener('load', check, true);
        const tick = () => { check(); if (!done()) { setTimeout(tick, 10); } };
        tick();
      })();
      """;

  /** Watches the counts line and picture after a plan change. */
  static final String CHANGE_PROBE =
      """
      window.__change = {first: null, done: null};
      const counts = document.querySelector('#topology-counts');
      const initial = counts.textContent;
      const allEncrypted = /^[1-9][0-9,]* pairs encrypted both ways, 0 encrypted one way only, 0 plaintext, 0 broken/;
      const loop = () => {
        const text = counts.textContent;
        if (window.__change.first === null && text !== initial) { window.__change.first = Date.now(); }
        if (allEncrypted.test(text)) {
          const img = document.querySelector('#topology-heatmap');
          const svg = document.querySelector('#topology-svg');
          const pictureReady = svg ? true : (img && img.complete && img.naturalWidth > 0);
          if (pictureReady) { window.__change.done = Date.now(); return; }
        }
        requestAnimationFrame(loop);
      };
      requestAnimationFrame(loop);
      """;

  record Result(
      int nodes,
      double coldPaintMs,
      double warmPaintMs,
      String kind,
      double heapPerSessionMiB,
      double firstChangeMs,
      double allEncryptedMs,
      double startupS,
      double objectChangeMs,
      double uiObjectsPerSessionMiB) {}

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args.length > 0 ? args[0] : "ui/target/secureoverlay-console.jar");
    int large = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    List<Result> results = new ArrayList<>();
    for (int nodes : new int[] {6, large}) {
      results.add(run(jar, nodes));
    }
    print(results);
  }

  static Result run(Path jar, int nodes) throws Exception {
    int port = freePort();
    Path log = Files.createTempFile("topology-bench-" + nodes + "-", ".log");
    long started = System.nanoTime();
    Process console =
        new ProcessBuilder(
                List.of(
                    ProcessHandle.current().info().command().orElse("java"),
                    "-jar",
                    jar.toString(),
                    "--server.port=" + port,
                    "--secureoverlay.cluster.mode=sandbox",
                    "--secureoverlay.sandbox.nodes=" + nodes))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    System.err.printf("[bench] %d nodes: console pid %d port %d log %s%n", nodes, console.pid(), port, log);
    try (Browser browser = Browser.start()) {
      awaitHttp("http://localhost:" + port + "/login", console, Duration.ofMinutes(6));
      String base = "http://localhost:" + port;
      ChromeDriver d = browser.driver;
      signIn(d, base);
      // Let the sandbox settle: every node reported and shown.
      String expectNodes = String.format(Locale.ENGLISH, "%,d node", nodes); // as the view formats it
      d.get(base + "/topology");
      waitFor(d, Duration.ofMinutes(10), "all " + nodes + " nodes on screen",
          "const c = document.querySelector('#topology-counts');"
              + " const t = c ? c.textContent.replace(/,/g, '') : '';"
              + " return !!(c && t.includes('" + expectNodes.replace(",", "") + "') && t.includes(' healthy')"
              + " && t.includes(' 0 missing'));");
      double startup = (System.nanoTime() - started) / 1e9;
      if (TRACE) {
        // The page that waited for the cluster: the console's very first /topology after start.
        System.err.println("[trace] " + nodes + " settle load: " + js(d, TRACE_PROBE));
      }
      double cold = paint(d, base, nodes + " first load");
      List<Double> warm = new ArrayList<>();
      for (int i = 0; i < WARM_LOADS; i++) {
        warm.add(paint(d, base, nodes + " warm load"));
      }
      warm.sort(Comparator.naturalOrder());
      String kind = (String) js(d, "return window.__topologyKind;");

      long before = usedHeapAfterGc(console.pid());
      long uiBefore = uiObjectBytes(console.pid());
      String mainWindow = d.getWindowHandle();
      for (int s = 0; s < SESSIONS; s++) {
        d.switchTo().newWindow(WindowType.TAB);
        Browser.installProbe(d); // the probe is per tab
        d.manage().deleteAllCookies(); // a new HTTP session per tab
        signIn(d, base);
        paint(d, base, nodes + " new session");
      }
      long after = usedHeapAfterGc(console.pid());
      double perSession = (after - before) / 1024.0 / SESSIONS;
      double uiPerSession = (uiObjectBytes(console.pid()) - uiBefore) / 1024.0 / 1024.0 / SESSIONS;
      d.switchTo().window(mainWindow);

      // The console's own path, with no master or agent work in it: change the SecureOverlay
      // object through the API server (spec.rotationInterval, as kubectl would) and time it to the
      // Keys view's text. Median of 5.
      String api = apiUrl(log);
      d.get(base + "/keys");
      waitFor(d, Duration.ofMinutes(1), "keys view", "return !!document.querySelector('#rotation-interval-value');");
      List<Double> objectChanges = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        String value = (i % 2 == 0) ? "36h" : "24h";
        js(d, "window.__seen = null; const el = document.querySelector('#rotation-interval-value');"
            + " const loop = () => { if (el.textContent.startsWith('" + value + " ')) { window.__seen = Date.now(); }"
            + " else { requestAnimationFrame(loop); } }; requestAnimationFrame(loop);");
        long patched = System.currentTimeMillis();
        patchSpec(api, "{\"spec\":{\"rotationInterval\":\"" + value + "\"}}");
        waitFor(d, Duration.ofMinutes(1), "interval " + value + " on screen", "return window.__seen !== null;");
        objectChanges.add((double) (((Number) js(d, "return window.__seen;")).longValue() - patched));
      }
      objectChanges.sort(Comparator.naturalOrder());
      double objectChange = objectChanges.get(objectChanges.size() / 2);
      d.get(base + "/topology");
      waitFor(d, Duration.ofMinutes(2), "topology again", "return !!document.querySelector('#topology-counts');");

      // Plan change: enable through the API server, as kubectl would.
      js(d, CHANGE_PROBE);
      long written = System.currentTimeMillis();
      enable(api);
      waitFor(d, Duration.ofMinutes(10), "every pair encrypted on screen",
          "return window.__change && window.__change.done !== null;");
      double first = ((Number) js(d, "return window.__change.first;")).longValue() - written;
      double done = ((Number) js(d, "return window.__change.done;")).longValue() - written;
      return new Result(
          nodes,
          cold,
          warm.get(warm.size() / 2),
          kind,
          perSession,
          first,
          done,
          startup,
          objectChange,
          uiPerSession);
    } finally {
      console.destroy();
      if (!console.waitFor(30, TimeUnit.SECONDS)) {
        console.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  static double paint(ChromeDriver d, String base, String label) {
    d.get(base + "/topology");
    try {
      waitFor(d, Duration.ofMinutes(2), "topology painted", "return window.__topologyPaint !== undefined;");
    } catch (RuntimeException e) {
      System.err.println("[bench] page state: " + js(d, "return [location.href, window.__topologyProbeError,"
          + " !!document.querySelector('#topology-svg'), !!document.querySelector('#topology-heatmap'),"
          + " document.body && document.body.innerText.slice(0, 300)];"));
      throw e;
    }
    if (TRACE) {
      System.err.println("[trace] " + label + ": " + js(d, TRACE_PROBE));
    }
    return ((Number) js(d, "return window.__topologyPaint;")).doubleValue();
  }

  static void signIn(ChromeDriver d, String base) {
    d.get(base + "/login");
    waitFor(d, Duration.ofMinutes(1), "login form",
        "const u = document.querySelector('#vaadinLoginUsername');"
            + " return !!(u && u.shadowRoot && document.querySelector('#vaadinLoginUsername input'));");
    d.findElement(By.cssSelector("#vaadinLoginUsername input")).sendKeys("viewer");
    d.findElement(By.cssSelector("#vaadinLoginPassword input")).sendKeys("viewer", Keys.ENTER);
    new WebDriverWait(d, Duration.ofSeconds(60)).until(x -> !x.getCurrentUrl().contains("/login"));
  }

  static String apiUrl(Path log) throws IOException {
    Matcher m = Pattern.compile("event=cluster_connection mode=sandbox api=(\\S+)").matcher(Files.readString(log));
    if (!m.find()) {
      throw new IllegalStateException("no sandbox API URL in " + log);
    }
    return m.group(1);
  }

  static void enable(String api) throws Exception {
    patchSpec(api, "{\"spec\":{\"enabled\":true}}");
  }

  static void patchSpec(String api, String patch) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String url = api.replaceAll("/$", "") + "/apis/secureoverlay.io/v1alpha1/secureoverlays/default";
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(patch))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException("enable refused: HTTP " + response.statusCode() + " " + response.body());
    }
  }

  /**
   * Bytes held by the console's own and Vaadin's objects (component trees, state nodes, sessions)
   * after a full GC, from the class histogram: unlike the whole heap, it does not move with the
   * in-process sandbox's churn, so per-session differences are readable at 1,000 nodes.
   */
  static long uiObjectBytes(long pid) throws Exception {
    String histogram = jcmd(pid, "GC.class_histogram");
    Matcher m =
        Pattern.compile("^\\s*\\d+:\\s+\\d+\\s+(\\d+)\\s+(\\S+)", Pattern.MULTILINE).matcher(histogram);
    long bytes = 0;
    while (m.find()) {
      String type = m.group(2);
      if (type.startsWith("com.vaadin.") || type.startsWith("io.secureoverlay.ui.")) {
        bytes += Long.parseLong(m.group(1));
      }
    }
    return bytes;
  }

  static long usedHeapAfterGc(long pid) throws Exception {
    jcmd(pid, "GC.run");
    jcmd(pid, "GC.run");
    String info = jcmd(pid, "GC.heap_info");
    Matcher m = Pattern.compile("used (\\d+)K").matcher(info);
    if (!m.find()) {
      throw new IllegalStateException("cannot read heap use from: " + info);
    }
    return Long.parseLong(m.group(1));
  }

  static String jcmd(long pid, String command) throws Exception {
    String javaHome = System.getProperty("java.home");
    Process p = new ProcessBuilder(javaHome + "/bin/jcmd", String.valueOf(pid), command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    p.waitFor(60, TimeUnit.SECONDS);
    return out;
  }

  static Object js(ChromeDriver d, String script) {
    return ((JavascriptExecutor) d).executeScript(script);
  }

  static void waitFor(ChromeDriver d, Duration atMost, String what, String script) {
    new WebDriverWait(d, atMost)
        .pollingEvery(Duration.ofMillis(100))
        .withMessage(what)
        .until(x -> Boolean.TRUE.equals(js(d, script)));
  }

  static void awaitHttp(String url, Process process, Duration atMost) throws Exception {
    long deadline = System.nanoTime() + atMost.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the console exited");
      }
      try {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        c.setConnectTimeout(1000);
        c.setReadTimeout(5000);
        if (c.getResponseCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      TimeUnit.MILLISECONDS.sleep(500);
    }
    throw new IllegalStateException("console did not answer " + url + " within " + atMost);
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  static void print(List<Result> results) {
    Result baseline = results.get(0);
    System.out.println();
    System.out.println("Topology benchmark (production jar, headless Chromium, " + SESSIONS
        + " extra sessions for heap, median of " + WARM_LOADS + " warm loads)");
    System.out.printf("%-44s %14s %14s %8s%n", "measure", baseline.nodes() + " nodes",
        results.get(1).nodes() + " nodes", "ratio");
    row("console up + all nodes shown (s)", baseline.startupS(), results.get(1).startupS());
    row("first paint, first load (ms)", baseline.coldPaintMs(), results.get(1).coldPaintMs());
    row("first paint, warm median (ms)", baseline.warmPaintMs(), results.get(1).warmPaintMs());
    row("server heap per session (MiB)", baseline.heapPerSessionMiB(), results.get(1).heapPerSessionMiB());
    row("console+Vaadin objects per session (MiB)", baseline.uiObjectsPerSessionMiB(), results.get(1).uiObjectsPerSessionMiB());
    row("object change -> on screen, median of 5 (ms)", baseline.objectChangeMs(), results.get(1).objectChangeMs());
    row("enable -> first change on screen (ms)", baseline.firstChangeMs(), results.get(1).firstChangeMs());
    row("enable -> all encrypted on screen (ms)", baseline.allEncryptedMs(), results.get(1).allEncryptedMs());
    System.out.printf("%-44s %14s %14s%n", "picture", baseline.kind(), results.get(1).kind());
  }

  static void row(String name, double base, double large) {
    System.out.printf(Locale.ENGLISH, "%-44s %14.1f %14.1f %8s%n", name, base, large,
        base == 0 ? "-" : String.format(Locale.ENGLISH, "%.1fx", large / base));
  }

  /** Debian's chromium and chromedriver, named explicitly so nothing is downloaded. */
  static final class Browser implements AutoCloseable {
    final ChromeDriver driver;
    final Path profile;

    Browser(ChromeDriver driver, Path profile) {
      this.driver = driver;
      this.profile = profile;
    }

    static Browser start() throws IOException {
      Path profile = Files.createTempDirectory("topology-bench-chromium-");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(BROWSER);
      options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
          "--disable-quic", "--no-first-run", "--disable-background-networking",
          "--disable-component-update", "--disable-sync", "--window-size=1280,1000",
          "--user-data-dir=" + profile);
      ChromeDriverService service = new ChromeDriverService.Builder()
          .usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
      ChromeDriver driver = new ChromeDriver(service, options);
      installProbe(driver);
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(120));
      driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
      return new Browser(driver, profile);
    }

    static void installProbe(ChromeDriver driver) {
      driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", PAINT_PROBE));
    }

    @Override
    public void close() throws IOException {
      try {
        driver.quit();
      } finally {
        try (Stream<Path> files = Files.walk(profile)) {
          files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }
}
