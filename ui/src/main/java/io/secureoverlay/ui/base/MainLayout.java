package io.secureoverlay.ui.base;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.stream.Collectors;

/**
 * The frame around every signed-in view: the cluster banner, who is signed in with which roles, and
 * a side navigation built from the views' {@code @Menu} annotations (so this package needs to know
 * no feature, and each role sees only the views it may open).
 */
@PermitAll
public class MainLayout extends AppLayout {

  private static final long serialVersionUID = 1L;

  public MainLayout(ClusterIdentity cluster, AuthenticationContext authentication) {
    setPrimarySection(Section.DRAWER);
    addToDrawer(createBrand(), createSideNav());
    addToNavbar(
        ControlEffect.local(new DrawerToggle()),
        new ClusterBanner(cluster),
        createUserInfo(authentication));
  }

  private static Component createBrand() {
    Div brand = new Div(new Span("SecureOverlay"));
    brand.addClassName("console-brand");
    Span subtitle = new Span("console");
    subtitle.addClassName("console-brand__subtitle");
    brand.add(subtitle);
    return brand;
  }

  private static SideNav createSideNav() {
    SideNav nav = new SideNav();
    nav.addClassName("console-nav");
    MenuConfiguration.getMenuEntries().forEach(entry -> nav.addItem(createNavItem(entry)));
    return nav;
  }

  private static SideNavItem createNavItem(MenuEntry entry) {
    SideNavItem item = new SideNavItem(entry.title(), entry.path());
    if (entry.icon() != null) {
      item.setPrefixComponent(new Icon(entry.icon()));
    }
    return item;
  }

  private static Component createUserInfo(AuthenticationContext authentication) {
    String name = authentication.getPrincipalName().orElse("");
    String roles =
        authentication.getGrantedRoles().stream().sorted().collect(Collectors.joining(", "));
    Span user = new Span(name);
    user.addClassName("console-user__name");
    Span role = new Span(roles);
    role.addClassName("console-user__roles");
    Button signOut = ControlEffect.local(new Button("Sign out", click -> authentication.logout()));
    signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    HorizontalLayout info = new HorizontalLayout(user, role, signOut);
    info.setAlignItems(FlexComponent.Alignment.CENTER);
    info.addClassName("console-user");
    return info;
  }
}
