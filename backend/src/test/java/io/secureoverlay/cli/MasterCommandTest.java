package io.secureoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code secureoverlay master}: its help and its refusals of bad options, before any I/O. */
class MasterCommandTest {

  @Test
  void helpDescribesTheOptionsAndTheirDefaults() {
    CliRun run = CliRun.of("master", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .startsWith("Usage: secureoverlay master")
        .contains("--identity=NAME")
        .contains("--namespace=NAMESPACE")
        .contains("(default: secureoverlay-system)")
        .contains("Lease");
  }

  @Test
  void aNamespaceThatIsNoNamespaceNameIsRefusedOnOneLine() {
    CliRun run = CliRun.of("master", "--identity", "m1", "--namespace", "Secure_Overlay");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines())
        .containsExactly(
            "secureoverlay: --namespace 'Secure_Overlay' is not a namespace name: lowercase"
                + " letters, digits and '-', at most 63");
  }

  @Test
  void anIdentityWithSpacesIsRefusedOnOneLine() {
    CliRun run = CliRun.of("master", "--identity", "master one");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines())
        .containsExactly(
            "secureoverlay: --identity 'master one' is not usable in a Lease: 1 to 253"
                + " characters, no spaces");
  }
}
