package io.secureoverlay.ui.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a refused account configuration as a short startup report instead of a stack trace. */
public class AccountConfigurationFailureAnalyzer
    extends AbstractFailureAnalyzer<AccountConfigurationException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, AccountConfigurationException cause) {
    String description =
        "The console's sign-in accounts are not safe to use:\n  - "
            + String.join("\n  - ", cause.problems());
    String action =
        "Configure each account as secureoverlay.users[n].name, secureoverlay.users[n].passwordHash"
            + " (a bcrypt hash, e.g. from: htpasswd -bnBC 12 \"\" 'a long passphrase' | tr -d"
            + " ':\\n') and secureoverlay.users[n].roles (VIEWER, OPERATOR, AUDITOR). The sandbox"
            + " accounts operator/operator, viewer/viewer and auditor/auditor exist only with"
            + " secureoverlay.cluster.mode=sandbox.";
    return new FailureAnalysis(description, action, cause);
  }
}
