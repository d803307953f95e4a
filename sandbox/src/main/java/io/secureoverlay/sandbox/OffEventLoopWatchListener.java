package io.secureoverlay.sandbox;

import io.fabric8.mockwebserver.http.ByteString;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Works around a stall in fabric8's mock server (8.0.0): when a client closes a watch, the server's
 * watch listener waits, on the Vert.x event loop, for a close task that itself needs the event
 * loop, so the loop (and every connection on it) hangs for up to a minute. Every sandbox agent or
 * master that is killed, and every informer that is stopped, closes a watch. This wrapper hands the
 * close callbacks to another thread, in order, and passes everything else straight through.
 */
final class OffEventLoopWatchListener extends WebSocketListener {

  private final WebSocketListener delegate;
  private final Executor closer;
  private CompletableFuture<Void> closing = CompletableFuture.completedFuture(null);

  OffEventLoopWatchListener(WebSocketListener delegate, Executor closer) {
    this.delegate = delegate;
    this.closer = closer;
  }

  @Override
  public void onBeforeAccept(WebSocket webSocket, Response response) {
    delegate.onBeforeAccept(webSocket, response);
  }

  @Override
  public void onOpen(WebSocket webSocket, Response response) {
    delegate.onOpen(webSocket, response);
  }

  @Override
  public void onMessage(WebSocket webSocket, String text) {
    delegate.onMessage(webSocket, text);
  }

  @Override
  public void onMessage(WebSocket webSocket, ByteString bytes) {
    delegate.onMessage(webSocket, bytes);
  }

  @Override
  public void onMessage(WebSocket webSocket, byte[] bytes) {
    delegate.onMessage(webSocket, bytes);
  }

  @Override
  public void onPing(WebSocket webSocket, byte[] bytes) {
    delegate.onPing(webSocket, bytes);
  }

  @Override
  public void onClosing(WebSocket webSocket, int code, String reason) {
    later(() -> delegate.onClosing(webSocket, code, reason));
  }

  @Override
  public void onClosed(WebSocket webSocket, int code, String reason) {
    later(() -> delegate.onClosed(webSocket, code, reason));
  }

  @Override
  public void onFailure(WebSocket webSocket, Throwable t, Response response) {
    later(() -> delegate.onFailure(webSocket, t, response));
  }

  private synchronized void later(Runnable callback) {
    closing = closing.thenRunAsync(callback, closer);
  }
}
