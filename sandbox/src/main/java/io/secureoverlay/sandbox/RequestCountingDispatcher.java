package io.secureoverlay.sandbox;

import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.secureoverlay.protocol.SecureOverlayNode;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts every request the mock API server answers before handing it to the CRUD dispatcher, and
 * keeps watch closes off the event loop ({@link OffEventLoopWatchListener}). Counts: reads, and
 * writes (POST, PUT, PATCH, DELETE) per resource kind and, for {@code secureoverlaynodes}, per
 * node, which is how the benchmark measures writes per node. Keeps the CRUD state across a server
 * stop and restart (the API outage): {@link #shutdown()} does not reach the delegate until {@link
 * #close()}.
 */
final class RequestCountingDispatcher extends Dispatcher {

  private final Dispatcher delegate;
  private final ExecutorService closer =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "sandbox-watch-close");
            t.setDaemon(true);
            return t;
          });
  private final LongAdder reads = new LongAdder();
  private final Map<String, LongAdder> writesByKind = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> nodeStatusWrites = new ConcurrentHashMap<>();

  RequestCountingDispatcher(Dispatcher delegate) {
    this.delegate = delegate;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    count(request.getMethod(), request.getPath());
    MockResponse response = delegate.dispatch(request);
    if (response != null && response.getWebSocketListener() != null) {
      response.withWebSocketUpgrade(
          new OffEventLoopWatchListener(response.getWebSocketListener(), closer));
    }
    return response;
  }

  private void count(String method, String path) {
    if ("GET".equalsIgnoreCase(method)) {
      reads.increment();
      return;
    }
    String[] parts = pathOnly(path).split("/");
    // .../<plural>[/<name>[/<subresource>]]: find the plural after the version segment.
    int pluralAt = pluralIndex(parts);
    String kind = pluralAt < 0 ? "other" : parts[pluralAt];
    writesByKind.computeIfAbsent(kind, k -> new LongAdder()).increment();
    if (SecureOverlayNode.PLURAL.equals(kind)) {
      String name = pluralAt + 1 < parts.length ? parts[pluralAt + 1] : "(create)";
      nodeStatusWrites.computeIfAbsent(name, k -> new LongAdder()).increment();
    }
  }

  private static String pathOnly(String path) {
    int q = path.indexOf('?');
    return q < 0 ? path : path.substring(0, q);
  }

  /** /api/v1/[namespaces/ns/]plural/... or /apis/group/version/[namespaces/ns/]plural/... */
  private static int pluralIndex(String[] parts) {
    int at;
    if (parts.length > 1 && "api".equals(parts[1])) {
      at = 3;
    } else if (parts.length > 1 && "apis".equals(parts[1])) {
      at = 4;
    } else {
      return -1;
    }
    if (at < parts.length && "namespaces".equals(parts[at]) && at + 2 < parts.length) {
      at += 2;
    }
    return at < parts.length ? at : -1;
  }

  ApiRequestCounts snapshot() {
    Map<String, Long> kinds = new TreeMap<>();
    writesByKind.forEach((k, v) -> kinds.put(k, v.sum()));
    Map<String, Long> nodes = new TreeMap<>();
    nodeStatusWrites.forEach((k, v) -> nodes.put(k, v.sum()));
    return new ApiRequestCounts(reads.sum(), kinds, nodes);
  }

  /** Called by the server on every stop: the stored objects must survive an outage. */
  @Override
  public void shutdown() {}

  void close() {
    delegate.shutdown();
    closer.shutdown();
  }
}
