package io.secureoverlay.ui.browser;

/**
 * JavaScript the browser test runs to see what a person sees: Vaadin components render inside
 * shadow roots, which Selenium's text and locators do not enter.
 */
final class BrowserScripts {

  /** All text on the page, shadow roots included. */
  static final String DEEP_TEXT =
      """
      const walk = node => {
        let text = '';
        if (node.shadowRoot) { text += walk(node.shadowRoot); }
        for (const child of node.childNodes) {
          if (child.nodeType === Node.TEXT_NODE) { text += child.textContent + ' '; }
          else if (child.nodeType === Node.ELEMENT_NODE) { text += walk(child); }
        }
        return text;
      };
      return walk(document.body);
      """;

  /** The login form has rendered its fields and button. */
  static final String LOGIN_FORM_RENDERED =
      """
      const wrapper = document.querySelector('vaadin-login-form vaadin-login-form-wrapper');
      const user = document.querySelector('#vaadinLoginUsername');
      const submit = document.querySelector('vaadin-login-form [slot=submit]');
      return !!(wrapper && wrapper.shadowRoot && user && user.shadowRoot && submit
          && user.getBoundingClientRect().height > 0
          && submit.getBoundingClientRect().height > 0);
      """;

  /** The form's error box text when it is shown, else null. */
  static final String LOGIN_ERROR_SHOWN =
      """
      const find = root => {
        for (const el of root.querySelectorAll('*')) {
          if (el.getAttribute('part') === 'error-message') { return el; }
          if (el.shadowRoot) { const hit = find(el.shadowRoot); if (hit) { return hit; } }
        }
        return null;
      };
      const box = find(document);
      if (!box || box.hidden || box.getBoundingClientRect().height === 0) { return null; }
      return box.textContent.replace(/\\s+/g, ' ').trim();
      """;

  /** The MTU view has rendered its inputs, figures and first chart. */
  static final String MTU_VIEW_RENDERED =
      """
      const field = document.querySelector('#ext-mtus');
      const figure = document.querySelector('#exact-mtu');
      const chart = document.querySelector('#overhead-chart');
      return !!(field && field.shadowRoot && figure && figure.textContent.trim() !== ''
          && chart && chart.complete && chart.naturalWidth > 0);
      """;

  static final String CHART_LOADED =
      """
      const chart = document.querySelector('#overhead-chart');
      return !!(chart && chart.complete && chart.naturalWidth > 0);
      """;

  static final String CHART_NATURAL_WIDTH =
      "return document.querySelector('#overhead-chart').naturalWidth;";

  /** All text of the element with the id, shadow roots included ("" when it is absent). */
  static String deepTextOf(String id) {
    return DEEP_TEXT.replace(
        "return walk(document.body);",
        "const root = document.getElementById('" + id + "'); return root ? walk(root) : '';");
  }

  /**
   * All text of the open dialog: Vaadin renders a dialog's content in an overlay attached to the
   * body, not inside the element that carries the dialog's id.
   */
  static final String OPEN_DIALOG_TEXT =
      DEEP_TEXT.replace(
          "return walk(document.body);",
          "const overlay = document.querySelector('vaadin-dialog-overlay[opened]');"
              + " return overlay ? walk(overlay) : '';");

  /** The element with the id is in the page and takes up space. */
  static String visible(String id) {
    return "const e = document.getElementById('"
        + id
        + "'); return !!(e && e.getBoundingClientRect().height > 0);";
  }

  /** The element with the id exists and is not disabled. */
  static String enabled(String id) {
    return "const e = document.getElementById('"
        + id
        + "'); return !!(e && !e.hasAttribute('disabled'));";
  }

  /** The image with the id has loaded. */
  static String imageLoaded(String id) {
    return "const e = document.getElementById('"
        + id
        + "'); return !!(e && e.complete && e.naturalWidth > 0);";
  }

  /**
   * The grid with the id shows a cell reading exactly {@code text}, and every such cell is wide
   * enough for it (a clipped cell ends in an ellipsis: its content is wider than its box).
   */
  static String cellShownInFull(String gridId, String text) {
    return "const grid = document.getElementById('"
        + gridId
        + "'); if (!grid) { return false; }"
        + " const cells = [...grid.querySelectorAll('vaadin-grid-cell-content')]"
        + ".filter(c => c.textContent.trim() === '"
        + text
        + "'); return cells.length > 0 && cells.every(c => c.scrollWidth <= c.clientWidth);";
  }

  private BrowserScripts() {}
}
