package io.secureoverlay.agent.staticconfig;

/**
 * A static configuration file that cannot be used. The message names the field ({@code
 * nodes[2].underlayIp}) and what is wrong with it; it never contains a secret.
 */
public class StaticConfigException extends Exception {

  public StaticConfigException(String message) {
    super(message);
  }
}
