package io.secureoverlay.sandbox;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * fabric8's mock API server in CRUD mode on a loopback port, over plain HTTP, with every request
 * counted. It can be taken down and brought back on the same port with the same stored objects:
 * clients see refused connections and broken watches in between, as with a real API server outage.
 */
public final class SandboxApiServer implements AutoCloseable {

  /** The mock server logs every request through java.util.logging at INFO. */
  private final Logger julQuiet = Logger.getLogger("io.fabric8.mockwebserver");

  private final RequestCountingDispatcher dispatcher;
  private final InetAddress host = InetAddress.getLoopbackAddress();
  private KubernetesMockServer server;
  private int port;
  private boolean up;

  public SandboxApiServer() {
    julQuiet.setLevel(Level.WARNING);
    dispatcher = new RequestCountingDispatcher(new SandboxCrudDispatcher());
  }

  /** Starts on a free port. */
  public synchronized SandboxApiServer start() {
    server = newServer();
    server.start(host, 0);
    port = server.getPort();
    up = true;
    return this;
  }

  private KubernetesMockServer newServer() {
    return new KubernetesMockServer(
        new Context(Serialization.jsonMapper()),
        new MockWebServer(),
        new HashMap<>(),
        dispatcher,
        false);
  }

  public String url() {
    return "http://" + host.getHostAddress() + ":" + port;
  }

  /** Stops answering: open connections and watches break, new ones are refused. */
  public synchronized void goDown() {
    if (up) {
      server.shutdown();
      up = false;
    }
  }

  /** Answers again on the same port, with the objects it held. */
  public synchronized void comeBack() {
    if (!up) {
      server = newServer();
      server.start(host, port);
      up = true;
    }
  }

  public synchronized boolean isUp() {
    return up;
  }

  public ApiRequestCounts counts() {
    return dispatcher.snapshot();
  }

  /**
   * Client settings for the sandbox: watches reconnect quickly after an outage (fabric8 backs off
   * exponentially from this interval), and requests fail fast instead of retrying. Nothing comes
   * from the machine's kubeconfig or environment: the sandbox must never carry a real cluster's
   * credentials, and a client without a token otherwise reloads them before every request.
   */
  public Config clientConfig() {
    return new ConfigBuilder()
        .withAutoConfigure(false)
        .withMasterUrl(url())
        .withNamespace("default")
        .withWatchReconnectInterval(100)
        .withWatchReconnectLimit(-1)
        .withRequestRetryBackoffLimit(0)
        .withConnectionTimeout(2_000)
        .withRequestTimeout(10_000)
        .build();
  }

  /** A new client over HTTP; {@code tasks} runs its informer callbacks (null: its own pool). */
  public KubernetesClient newClient(Executor tasks) {
    KubernetesClientBuilder builder = new KubernetesClientBuilder().withConfig(clientConfig());
    if (tasks != null) {
      builder.withTaskExecutor(tasks);
    }
    return builder.build();
  }

  @Override
  public synchronized void close() {
    if (up) {
      server.shutdown();
      up = false;
    }
    dispatcher.close();
  }
}
