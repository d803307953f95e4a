package io.secureoverlay.ui.cluster;

import com.vaadin.flow.component.html.Div;

/**
 * The warning every live view shows while the console cannot reach the API server: what is on
 * screen is the last state the console saw, and may be out of date. Hidden while connected.
 */
public final class ApiUnreachableNotice extends Div {

  /**
   * @param id the element id, so each view's tests can find its own notice
   */
  public ApiUnreachableNotice(String id) {
    setId(id);
    addClassName("api-unreachable");
    getElement().setAttribute("role", "alert");
    setVisible(false);
  }

  /** Shows or hides the notice for {@code snapshot}. */
  public void show(ClusterSnapshot snapshot) {
    setVisible(!snapshot.connected());
    if (!snapshot.connected()) {
      setText(
          snapshot.overlay().isPresent()
              ? "The API server cannot be reached: showing last known state, which may be out of"
                  + " date."
              : "The API server cannot be reached, and the console has not seen the cluster yet.");
    }
  }
}
