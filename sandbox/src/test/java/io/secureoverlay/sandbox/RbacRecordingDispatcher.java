package io.secureoverlay.sandbox;

import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records every request (client, method, path, query) before the sandbox's own dispatcher (CRUD
 * store, request counts, watch closes off the event loop) answers it.
 */
final class RbacRecordingDispatcher extends Dispatcher {

  private final RequestCountingDispatcher delegate =
      new RequestCountingDispatcher(new SandboxCrudDispatcher());
  private final List<RbacRequest> requests = new CopyOnWriteArrayList<>();

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    String target = request.getPath();
    int q = target.indexOf('?');
    String userAgent = request.getHeader("User-Agent");
    requests.add(
        new RbacRequest(
            userAgent == null ? "(none)" : userAgent,
            request.getMethod(),
            q < 0 ? target : target.substring(0, q),
            q < 0 ? "" : target.substring(q + 1)));
    return delegate.dispatch(request);
  }

  List<RbacRequest> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void shutdown() {}

  void close() {
    delegate.close();
  }
}
