package io.secureoverlay.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.secureoverlay.master.MasterController;
import io.secureoverlay.master.MasterSettings;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code secureoverlay master}: one master replica, until SIGTERM. The cluster is the one fabric8
 * finds by itself: {@code KUBECONFIG} or {@code ~/.kube/config}, or the in-cluster service account.
 */
@Command(
    name = "master",
    mixinStandardHelpOptions = true,
    versionProvider = SecureOverlayVersion.class,
    sortOptions = false,
    description = {
      "Runs a SecureOverlay master replica: competes for the Lease, and while it leads, keeps the"
          + " keys Secret and the plan in SecureOverlay/default moving. Logs one line per event on"
          + " stderr. Stops on SIGTERM or SIGINT, giving the Lease up."
    })
public final class MasterCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(MasterCommand.class);
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
  private static final int MAX_IDENTITY = 253;

  @Spec CommandSpec spec;

  @Option(
      names = "--identity",
      paramLabel = "NAME",
      description =
          "This replica's name in the Lease; unique per replica (default: the host name, which is"
              + " the pod name in Kubernetes).")
  String identity;

  @Option(
      names = "--namespace",
      paramLabel = "NAMESPACE",
      defaultValue = MasterSettings.DEFAULT_NAMESPACE,
      description =
          "Namespace of the Lease, the keys Secret and the Events (default: ${DEFAULT-VALUE}).")
  String namespace;

  private final Supplier<KubernetesClient> clients;
  private final CountDownLatch stop;

  public MasterCommand() {
    this(() -> new KubernetesClientBuilder().build(), null);
  }

  /** For tests: a client of their own, and a latch that stands for SIGTERM. */
  MasterCommand(Supplier<KubernetesClient> clients, CountDownLatch stop) {
    this.clients = clients;
    this.stop = stop;
  }

  @Override
  public Integer call() throws InterruptedException {
    String name = identity == null ? hostName() : identity;
    checkIdentity(name);
    if (!DNS_LABEL.matcher(namespace).matches()) {
      throw new ParameterException(
          spec.commandLine(),
          "--namespace '"
              + shorten(namespace)
              + "' is not a namespace name: lowercase letters, digits and '-', at most 63");
    }
    MasterSettings settings = MasterSettings.defaults(name).withNamespace(namespace);
    CountDownLatch done = stop != null ? stop : new CountDownLatch(1);
    try (KubernetesClient client = clients.get();
        MasterController master = new MasterController(client, settings, Clock.systemUTC())) {
      Thread hook = new Thread(done::countDown, "secureoverlay-master-shutdown");
      if (stop == null) {
        Runtime.getRuntime().addShutdownHook(hook);
      }
      LOG.info(
          "event=master_command identity={} namespace={} api_server={}",
          name,
          namespace,
          client.getMasterUrl());
      master.start();
      done.await();
      LOG.info("event=master_command_stopping identity={}", name);
    }
    return 0;
  }

  private void checkIdentity(String name) {
    if (name.isBlank() || name.length() > MAX_IDENTITY || name.chars().anyMatch(c -> c <= ' ')) {
      throw new ParameterException(
          spec.commandLine(),
          "--identity '"
              + shorten(name)
              + "' is not usable in a Lease: 1 to "
              + MAX_IDENTITY
              + " characters, no spaces");
    }
  }

  private String hostName() {
    String env = System.getenv("HOSTNAME");
    if (env != null && !env.isBlank()) {
      return env;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      throw new ParameterException(
          spec.commandLine(), "--identity is needed: the host name cannot be resolved");
    }
  }

  private static String shorten(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "...";
  }
}
