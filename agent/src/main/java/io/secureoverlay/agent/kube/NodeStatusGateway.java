package io.secureoverlay.agent.kube;

import io.secureoverlay.protocol.SecureOverlayNodeStatus;

/** Where an agent's status goes: its own {@code SecureOverlayNode}, named after the node. */
public interface NodeStatusGateway {

  /**
   * Writes {@code status} as the whole status of node {@code nodeName}'s object, creating the
   * object first if it does not exist.
   *
   * @throws StatusWriteException if the API server refused or could not be reached; the message
   *     carries no key material
   */
  void write(String nodeName, SecureOverlayNodeStatus status);
}
