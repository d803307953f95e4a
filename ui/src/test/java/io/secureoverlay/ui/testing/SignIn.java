package io.secureoverlay.ui.testing;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import io.secureoverlay.ui.security.ConsoleRole;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Signs a test user in for Karibu view tests: in Spring Security's context (method security, the
 * layout's user info) and on the mock HTTP request (Vaadin's view access control). Call {@link #as}
 * before {@code MockVaadin.setup}, {@link #signOut} after {@code MockVaadin.tearDown}.
 */
public final class SignIn {

  private SignIn() {}

  public static void as(String name, ConsoleRole... roles) {
    Set<String> roleNames =
        Arrays.stream(roles).map(ConsoleRole::roleName).collect(Collectors.toSet());
    List<SimpleGrantedAuthority> authorities =
        roleNames.stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
    UsernamePasswordAuthenticationToken authentication =
        UsernamePasswordAuthenticationToken.authenticated(name, null, authorities);
    SecurityContextHolder.getContext().setAuthentication(authentication);
    MockVaadin.setMockRequestFactory(
        session -> {
          FakeRequest request = new FakeRequest(session);
          request.setUserPrincipalInt(authentication);
          request.setUserInRole((principal, role) -> roleNames.contains(role));
          return request;
        });
  }

  public static void signOut() {
    SecurityContextHolder.clearContext();
    MockVaadin.setMockRequestFactory(FakeRequest::new);
  }
}
