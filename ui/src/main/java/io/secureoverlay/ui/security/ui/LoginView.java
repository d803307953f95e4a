package io.secureoverlay.ui.security.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.secureoverlay.ui.base.ClusterBanner;
import io.secureoverlay.ui.base.ClusterIdentity;
import io.secureoverlay.ui.base.PageTitles;
import io.secureoverlay.ui.security.ConsoleAccounts;
import io.secureoverlay.ui.security.LoginAttemptLimiter;
import io.secureoverlay.ui.security.LoginFailureHandler;
import java.util.List;
import java.util.Map;

/**
 * Sign-in page. The form posts to Spring Security; a failed attempt comes back with {@code ?error}
 * or {@code ?locked=SECONDS}, which this view turns into a plain message on the form.
 */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

  private static final long serialVersionUID = 1L;

  private final ClusterIdentity cluster;
  private final LoginForm form = new LoginForm();

  public LoginView(ClusterIdentity cluster, ConsoleAccounts accounts) {
    this.cluster = cluster;
    addClassName("login-view");
    setSizeFull();
    setAlignItems(FlexComponent.Alignment.CENTER);
    setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
    form.setAction("login");
    form.setForgotPasswordButtonVisible(false);
    form.setI18n(LoginMessages.wrongPassword());
    add(new ClusterBanner(cluster), createTitle(), form);
    if (accounts.usesSandboxDefaults()) {
      add(createSandboxHint());
    }
  }

  private static H1 createTitle() {
    H1 title = new H1("SecureOverlay console");
    title.addClassName("login-view__title");
    return title;
  }

  private static Div createSandboxHint() {
    Div hint =
        new Div(
            new Paragraph("Sandbox sign-ins, valid only on the simulated cluster:"),
            new Paragraph("operator / operator \u00b7 viewer / viewer \u00b7 auditor / auditor"));
    hint.addClassName("login-view__sandbox-hint");
    return hint;
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    Map<String, List<String>> parameters = event.getLocation().getQueryParameters().getParameters();
    if (parameters.containsKey(LoginFailureHandler.LOCKED_PARAMETER)) {
      form.setI18n(
          LoginMessages.paused(parameters.get(LoginFailureHandler.LOCKED_PARAMETER).get(0)));
      form.setError(true);
    } else if (parameters.containsKey(LoginFailureHandler.ERROR_PARAMETER)) {
      form.setI18n(LoginMessages.wrongPassword());
      form.setError(true);
    }
  }

  @Override
  public String getPageTitle() {
    return PageTitles.of("Sign in", cluster);
  }

  /** The form's texts; the error texts are the only feedback a failed sign-in gets. */
  static final class LoginMessages {

    private LoginMessages() {}

    static LoginI18n wrongPassword() {
      LoginI18n i18n = base();
      i18n.getErrorMessage().setTitle("Wrong user name or password");
      i18n.getErrorMessage()
          .setMessage(
              "Check both and try again. After "
                  + LoginAttemptLimiter.FREE_FAILURES
                  + " failed attempts, sign-in pauses for a while.");
      return i18n;
    }

    static LoginI18n paused(String secondsParameter) {
      LoginI18n i18n = base();
      i18n.getErrorMessage().setTitle("Sign-in paused after too many failed attempts");
      i18n.getErrorMessage().setMessage("Try again in " + describeWait(secondsParameter) + ".");
      return i18n;
    }

    private static LoginI18n base() {
      LoginI18n i18n = LoginI18n.createDefault();
      i18n.getForm().setTitle("Sign in");
      i18n.getForm().setUsername("User name");
      return i18n;
    }

    /** The parameter comes from the URL, so anything but a plain number reads as "a while". */
    static String describeWait(String secondsParameter) {
      long seconds;
      try {
        seconds = Long.parseLong(secondsParameter);
      } catch (NumberFormatException e) {
        return "a few minutes";
      }
      if (seconds <= 0 || seconds > 24 * 3600) {
        return "a few minutes";
      }
      if (seconds < 90) {
        return seconds + " seconds";
      }
      return (seconds + 59) / 60 + " minutes";
    }
  }
}
