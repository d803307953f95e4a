package io.secureoverlay.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.secureoverlay.crypto.PairKeyDeriver;
import io.secureoverlay.crypto.SecretBytes;
import io.secureoverlay.model.Cipher;
import io.secureoverlay.protocol.IndexedNode;
import io.secureoverlay.protocol.KeyRing;
import io.secureoverlay.protocol.KeysSecretCodec;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Runs enable, a rotation, a malformed Secret and a disable with every SecureOverlay logger at
 * DEBUG, then looks for key material in everything the run produced: each log line and logged
 * exception, each Event, the plan and every node report. Key material: every epoch secret the keys
 * Secret held (as stored in base64, and in hex) and every pair key derived from it (hex and
 * base64). None may appear.
 */
class KeyMaterialScanMockTest {

  @Test
  void noKeyByteAppearsInLogsEventsStatusOrExceptions() throws Exception {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger ours = context.getLogger("io.secureoverlay");
    Level previous = ours.getLevel();
    Capture capture = new Capture();
    capture.setContext(context);
    capture.start();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.addAppender(capture);
    ours.setLevel(Level.DEBUG);
    Set<String> needles = new LinkedHashSet<>();
    StringBuilder produced = new StringBuilder();
    try (SandboxRun run = new SandboxRun(6)) {
      SandboxCluster cluster = run.cluster;
      cluster.editSpec(
          s -> {
            s.setEnabled(true);
            s.setEnforce(true);
          });
      run.settle("enable");
      collect(cluster, needles);
      cluster.rotateNow();
      run.settle("rotate");
      collect(cluster, needles);

      Secret good = BadInputMockTest.keys(cluster);
      String epochKey =
          good.getData().keySet().stream()
              .filter(k -> k.startsWith("epoch-"))
              .findFirst()
              .orElseThrow();
      // Malformed on purpose: a secret's value where the ICV length belongs.
      Secret bad =
          new SecretBuilder(good)
              .addToData("icvBits", good.getData().get(epochKey))
              .editMetadata()
              .withResourceVersion(null)
              .endMetadata()
              .build();
      cluster.client().secrets().resource(bad).update();
      run.rounds(200);
      cluster
          .client()
          .secrets()
          .resource(
              new SecretBuilder(good)
                  .editMetadata()
                  .withResourceVersion(null)
                  .endMetadata()
                  .build())
          .update();
      run.settle("keys Secret restored");
      cluster.disable();
      run.settle("disable");

      cluster.events().forEach(e -> produced.append(Serialization.asJson(e)).append('\n'));
      produced.append(Serialization.asJson(cluster.overlay())).append('\n');
      cluster.nodeReports().forEach(n -> produced.append(Serialization.asJson(n)).append('\n'));
    } finally {
      root.detachAppender(capture);
      ours.setLevel(previous);
    }
    capture.lines.forEach(l -> produced.append(l).append('\n'));

    assertThat(needles).as("key material to look for").hasSizeGreaterThan(100);
    assertThat(capture.lines).as("log lines captured").hasSizeGreaterThan(100);
    String haystack = produced.toString().toLowerCase(Locale.ROOT);
    String planted = needles.iterator().next();
    assertThat(firstFound(haystack + planted.toLowerCase(Locale.ROOT), needles))
        .as("the scan finds a planted key")
        .isEqualTo(planted);
    assertThat(firstFound(haystack, needles)).as("key material found in the run's output").isNull();
  }

  /** Every epoch secret now in the keys Secret, and every pair key derived from it. */
  private static void collect(SandboxCluster cluster, Set<String> needles) throws Exception {
    Secret secret = BadInputMockTest.keys(cluster);
    List<InetAddress> nodes = new ArrayList<>();
    for (IndexedNode row : cluster.overlay().getStatus().getNodes()) {
      nodes.add(InetAddress.getByName(row.underlayIp()));
    }
    PairKeyDeriver deriver = new PairKeyDeriver();
    try (KeyRing ring = new KeysSecretCodec().decode(secret)) {
      Cipher cipher = ring.cipher();
      for (long epoch : ring.epochs()) {
        needles.add(secret.getData().get(KeysSecretCodec.EPOCH_PREFIX + epoch));
        byte[] raw = ring.secret(epoch).copy();
        needles.add(HexFormat.of().formatHex(raw));
        for (InetAddress src : nodes) {
          for (InetAddress dst : nodes) {
            if (!src.equals(dst)) {
              try (SecretBytes key = deriver.derive(ring.secret(epoch), epoch, src, dst, cipher)) {
                byte[] k = key.copy();
                needles.add(HexFormat.of().formatHex(k));
                needles.add(Base64.getEncoder().encodeToString(k));
              }
            }
          }
        }
      }
    }
  }

  private static String firstFound(String haystack, Set<String> needles) {
    for (String needle : needles) {
      // Base64 is case-sensitive but the haystack is lower-cased: compare lower-cased too, which
      // only makes the scan stricter.
      if (haystack.contains(needle.toLowerCase(Locale.ROOT))) {
        return needle;
      }
    }
    return null;
  }

  /** Keeps every formatted line and the full text of every logged exception. */
  private static final class Capture extends AppenderBase<ILoggingEvent> {
    final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();

    @Override
    protected void append(ILoggingEvent event) {
      lines.add(event.getLoggerName() + " " + event.getFormattedMessage());
      if (event.getThrowableProxy() != null) {
        lines.add(ThrowableProxyUtil.asString(event.getThrowableProxy()));
      }
    }
  }
}
