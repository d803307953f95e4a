package io.secureoverlay.sandbox;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.secureoverlay.master.MasterController;
import io.secureoverlay.master.MasterSettings;
import java.time.Clock;

/** One master replica of the sandbox, with its own client, as its own Deployment pod would. */
final class MasterReplica {

  private final String identity;
  private final KubernetesClient client;
  private final MasterController controller;
  private boolean running;

  MasterReplica(String identity, KubernetesClient client, MasterSettings settings, Clock clock) {
    this.identity = identity;
    this.client = client;
    this.controller = new MasterController(client, settings, clock);
  }

  synchronized void start() {
    controller.start();
    running = true;
  }

  /** Stops it the hard way: its connections drop, nothing is handed over. */
  synchronized void kill() {
    if (running) {
      running = false;
      client.close();
      controller.close();
    }
  }

  synchronized boolean running() {
    return running;
  }

  boolean isLeader() {
    return running() && controller.isLeader();
  }

  String identity() {
    return identity;
  }
}
