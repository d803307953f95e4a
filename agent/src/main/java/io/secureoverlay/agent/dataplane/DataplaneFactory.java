package io.secureoverlay.agent.dataplane;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Opens a {@link Dataplane} by name, so the agent's entry point need not know the implementations.
 * {@code simulated} is built in; other implementations (the kernel's XFRM data plane) register
 * themselves as a service: a class implementing this interface with a public no-argument
 * constructor, named in {@code META-INF/services/io.secureoverlay.agent.dataplane.DataplaneFactory}
 * (the agent jar's shade configuration merges those files).
 */
public interface DataplaneFactory {

  /** The name {@code --dataplane} selects it by, e.g. {@code kernel}. */
  String name();

  /**
   * Opens the data plane.
   *
   * @throws DataplaneException if it cannot be opened (no netlink, no CAP_NET_ADMIN, ...)
   */
  Dataplane open();

  /** The in-memory data plane: for tests, dry runs and the sandbox. */
  DataplaneFactory SIMULATED =
      new DataplaneFactory() {
        @Override
        public String name() {
          return "simulated";
        }

        @Override
        public Dataplane open() {
          return new SimulatedDataplane();
        }
      };

  /** {@link #SIMULATED} and every registered factory. */
  static List<DataplaneFactory> available() {
    List<DataplaneFactory> all = new ArrayList<>(List.of(SIMULATED));
    ServiceLoader.load(DataplaneFactory.class).forEach(all::add);
    return all;
  }

  static Optional<DataplaneFactory> named(List<DataplaneFactory> factories, String name) {
    return factories.stream().filter(f -> f.name().equals(name)).findFirst();
  }
}
