package io.secureoverlay.ui.mtu.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.shared.Registration;
import io.secureoverlay.model.Cipher;
import io.secureoverlay.model.IcvLength;
import io.secureoverlay.mtu.UnderlayFamily;
import io.secureoverlay.ui.base.ControlEffect;
import io.secureoverlay.ui.mtu.MtuInputs;

/**
 * The calculator's inputs. Fires {@link InputsChangedEvent} whenever one changes; shows a refused
 * external MTU on the field itself. Every control here only changes this page: {@link
 * ControlEffect#LOCAL}.
 */
class MtuInputForm extends Composite<FormLayout> {

  private static final long serialVersionUID = 1L;

  /** The inputs changed; {@link #inputs()} holds all of them. */
  static final class InputsChangedEvent extends ComponentEvent<MtuInputForm> {

    private static final long serialVersionUID = 1L;
    private final transient MtuInputs inputs;

    InputsChangedEvent(MtuInputForm source, MtuInputs inputs) {
      super(source, false);
      this.inputs = inputs;
    }

    MtuInputs inputs() {
      return inputs;
    }
  }

  private final TextField extMtus = new TextField("External MTU of each node");
  private final Select<IcvLength> icv = new Select<>();
  private final Select<Cipher> cipher = new Select<>();
  private final Select<UnderlayFamily> family = new Select<>();

  MtuInputForm(String initialExtMtus, int reportingNodes) {
    extMtus.setId("ext-mtus");
    extMtus.setValue(initialExtMtus);
    extMtus.setHelperText(
        reportingNodes > 0
            ? "Filled in from " + reportingNodes + " nodes' agents. The smallest governs."
            : "One or more, separated by commas; the smallest governs.");
    extMtus.setValueChangeMode(ValueChangeMode.LAZY);
    extMtus.setValueChangeTimeout(500);
    extMtus.setClearButtonVisible(true);

    icv.setId("icv");
    icv.setLabel("ICV length");
    icv.setItems(IcvLength.values());
    icv.setItemLabelGenerator(
        value -> value.bits() + " bits" + (value == IcvLength.ICV_64 ? " (default)" : ""));
    icv.setValue(IcvLength.ICV_64);

    cipher.setId("cipher");
    cipher.setLabel("Cipher");
    cipher.setItems(Cipher.values());
    cipher.setItemLabelGenerator(
        value -> "AES-GCM-" + value.keyBits() + (value == Cipher.AES_GCM_128 ? " (default)" : ""));
    cipher.setValue(Cipher.AES_GCM_128);

    family.setId("family");
    family.setLabel("Underlay (node addresses)");
    family.setItems(UnderlayFamily.values());
    family.setItemLabelGenerator(
        value -> value == UnderlayFamily.IPV4 ? "IPv4 (Calico IPIP)" : "IPv6");
    family.setValue(UnderlayFamily.IPV4);

    extMtus.addValueChangeListener(change -> fireChanged());
    icv.addValueChangeListener(change -> fireChanged());
    cipher.addValueChangeListener(change -> fireChanged());
    family.addValueChangeListener(change -> fireChanged());

    FormLayout layout = getContent();
    layout.add(
        ControlEffect.local(extMtus),
        ControlEffect.local(icv),
        ControlEffect.local(cipher),
        ControlEffect.local(family));
    layout.setResponsiveSteps(
        new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("640px", 4));
    layout.setColspan(extMtus, 1);
  }

  MtuInputs inputs() {
    return new MtuInputs(extMtus.getValue(), icv.getValue(), cipher.getValue(), family.getValue());
  }

  void showRefused(String message) {
    extMtus.setErrorMessage(message);
    extMtus.setInvalid(true);
  }

  void clearRefusal() {
    extMtus.setInvalid(false);
    extMtus.setErrorMessage(null);
  }

  Registration addInputsChangedListener(ComponentEventListener<InputsChangedEvent> listener) {
    return addListener(InputsChangedEvent.class, listener);
  }

  private void fireChanged() {
    fireEvent(new InputsChangedEvent(this, inputs()));
  }
}
