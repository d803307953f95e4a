package io.secureoverlay.ui.security;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.login.LoginForm;
import elemental.json.JsonObject;
import io.secureoverlay.ui.security.ui.LoginView;
import io.secureoverlay.ui.testing.KaribuSpringTest;
import org.junit.jupiter.api.Test;

class LoginViewTest extends KaribuSpringTest {

  /** What the form's error box shows, as the browser receives it. */
  private static String errorText(LoginForm form, String key) {
    JsonObject i18n = (JsonObject) form.getElement().getPropertyRaw("i18n");
    return i18n.getObject("errorMessage").getString(key);
  }

  @Test
  void rendersTheSignInFormPostingToSpringSecurity() {
    openAnonymously("login");

    LoginForm form = _get(LoginForm.class);
    assertThat(form.getAction()).isEqualTo("login");
    assertThat(form.isError()).isFalse();
    assertThat(form.isForgotPasswordButtonVisible()).isFalse();
    assertThat(UI.getCurrent().getInternals().getTitle())
        .isEqualTo("Sign in \u00b7 sandbox (simulated) \u00b7 SecureOverlay");
    assertThat(_get(LoginView.class).getElement().getTextRecursively())
        .contains("SIMULATED")
        .contains("operator / operator");
  }

  @Test
  void anonymousVisitorsAreSentToSignIn() {
    openAnonymously("mtu");

    _get(LoginForm.class);
    assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("login");
  }

  @Test
  void aWrongPasswordShowsAPlainError() {
    openAnonymously("login?error");

    LoginForm form = _get(LoginForm.class);
    assertThat(form.isError()).isTrue();
    assertThat(errorText(form, "title")).isEqualTo("Wrong user name or password");
  }

  @Test
  void aPausedSignInSaysForHowLong() {
    openAnonymously("login?locked=120");

    LoginForm form = _get(LoginForm.class);
    assertThat(form.isError()).isTrue();
    assertThat(errorText(form, "title")).isEqualTo("Sign-in paused after too many failed attempts");
    assertThat(errorText(form, "message")).isEqualTo("Try again in 2 minutes.");
  }

  @Test
  void aTamperedWaitReadsAsAFewMinutes() {
    openAnonymously("login?locked=%3Cscript%3E");

    assertThat(errorText(_get(LoginForm.class), "message"))
        .isEqualTo("Try again in a few minutes.");
  }
}
