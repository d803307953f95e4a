package io.secureoverlay.ui.cluster;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import java.util.function.Consumer;

/**
 * Keeps a component showing the cluster as it is: renders the current snapshot when the component
 * is attached, then every new one through {@code UI.access} (pushed to the browser by
 * {@code @Push}), and stops when it is detached so a closed tab costs nothing.
 */
public final class LiveSnapshots {

  private LiveSnapshots() {}

  public static void bind(
      Component component, ClusterState state, Consumer<ClusterSnapshot> render) {
    component.addAttachListener(
        attach -> {
          UI ui = attach.getUI();
          render.accept(state.current());
          ClusterState.Subscription subscription =
              state.subscribe(
                  snapshot ->
                      ui.access(
                          () -> {
                            if (component.isAttached()) {
                              render.accept(snapshot);
                            }
                          }));
          component.addDetachListener(
              detach -> {
                subscription.cancel();
                detach.unregisterListener();
              });
        });
  }
}
