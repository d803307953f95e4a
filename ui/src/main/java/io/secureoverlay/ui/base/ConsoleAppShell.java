package io.secureoverlay.ui.base;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.Theme;

/**
 * The page shell shared by every view: server push for live updates (cluster status arrives without
 * the operator reloading) and the console's Lumo-based theme from {@code
 * frontend/themes/secureoverlay}.
 */
@Push
@Theme("secureoverlay")
public class ConsoleAppShell implements AppShellConfigurator {

  private static final long serialVersionUID = 1L;

  @Override
  public void configurePage(AppShellSettings settings) {
    settings.addMetaTag("color-scheme", "light");
  }
}
