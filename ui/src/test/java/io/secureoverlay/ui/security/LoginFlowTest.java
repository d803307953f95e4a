package io.secureoverlay.ui.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.secureoverlay.ui.testing.ConsoleSpringTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.ui.DefaultLoginPageGeneratingFilter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The sign-in form's HTTP side, through the console's real security filter chain. */
@ConsoleSpringTest
class LoginFlowTest {

  @Autowired private MockMvc mvc;
  @Autowired private List<SecurityFilterChain> filterChains;

  /** Each test signs in from its own address, so the shared limiter keeps them apart. */
  private ResultActions signIn(String name, String password, String address) throws Exception {
    return mvc.perform(
        post("/login")
            .param("username", name)
            .param("password", password)
            .with(csrf())
            .with(
                request -> {
                  request.setRemoteAddr(address);
                  return request;
                }));
  }

  @Test
  void theSandboxOperatorSignsIn() throws Exception {
    signIn("operator", "operator", "192.0.2.1")
        .andExpect(status().isFound())
        .andExpect(redirectedUrl("/"))
        .andExpect(authenticated().withUsername("operator").withRoles("OPERATOR"));
  }

  @Test
  void aWrongPasswordGoesBackToTheFormWithAnError() throws Exception {
    signIn("viewer", "not-the-password", "192.0.2.2")
        .andExpect(redirectedUrl("/login?error"))
        .andExpect(unauthenticated());
  }

  @Test
  void theFifthFailurePausesSignInEvenWithTheRightPassword() throws Exception {
    for (int i = 0; i < 4; i++) {
      signIn("auditor", "guess-" + i, "192.0.2.3").andExpect(redirectedUrl("/login?error"));
    }
    signIn("auditor", "guess-4", "192.0.2.3").andExpect(redirectedUrl("/login?error"));

    // The lock is 30 s from the fifth failure; bcrypt on a busy machine may have used a second.
    signIn("auditor", "auditor", "192.0.2.4")
        .andExpect(
            result ->
                assertThat(result.getResponse().getRedirectedUrl())
                    .matches("/login\\?locked=(2[0-9]|30)"))
        .andExpect(unauthenticated());
  }

  @Test
  void theLoginPageIsTheConsolesOwnNotSpringsGeneratedOne() {
    // Spring generates its own page at /login when form login is set up before the login view.
    assertThat(filterChains).isNotEmpty();
    assertThat(filterChains)
        .flatMap(SecurityFilterChain::getFilters)
        .noneMatch(filter -> filter instanceof DefaultLoginPageGeneratingFilter);
  }

  @Test
  void viewsNeedASignIn() throws Exception {
    mvc.perform(get("/mtu"))
        .andExpect(status().isFound())
        .andExpect(redirectedUrlPattern("**/login"));
  }
}
