package io.secureoverlay.ui.base;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import java.util.Optional;

/**
 * What an interactive control does when used, declared where the control is built. Views mark
 * controls that only change what this browser shows (calculator inputs, copy buttons) as {@link
 * #LOCAL}; everything else counts as a change to the cluster, which a VIEWER must never be offered.
 * Role tests treat an unmarked control as a change, so a forgotten mark fails loudly rather than
 * letting a change slip through.
 */
public enum ControlEffect {
  /** Changes only this browser's view: safe for every role. */
  LOCAL,
  /** Changes the cluster or the console's stored state: OPERATOR only. */
  CHANGES_CLUSTER;

  public <C extends Component> C mark(C control) {
    ComponentUtil.setData(control, ControlEffect.class, this);
    return control;
  }

  public static <C extends Component> C local(C control) {
    return LOCAL.mark(control);
  }

  public static Optional<ControlEffect> of(Component control) {
    return Optional.ofNullable(ComponentUtil.getData(control, ControlEffect.class));
  }
}
