package io.secureoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecureOverlayCliTest {

  @Test
  void helpListsTheSubcommands() {
    CliRun run = CliRun.of("--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .startsWith("Usage: secureoverlay")
        .containsPattern("(?m)^\\s+mtu\\s")
        .containsPattern("(?m)^\\s+master\\s");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void mtuHelpDescribesEveryOption() {
    CliRun run = CliRun.of("mtu", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("--ext-mtu=BYTES")
        .contains("--icv=BITS")
        .contains("--cipher=CIPHER")
        .contains("--family=FAMILY")
        .contains("--output=FORMAT")
        .contains("(default: 64)")
        .contains("(default: aes-gcm-128)");
  }

  @Test
  void versionNamesTheProgram() {
    CliRun run = CliRun.of("--version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("secureoverlay ").contains("Java ");
  }

  @Test
  void noSubcommandIsAUsageErrorOnOneLine() {
    CliRun run = CliRun.of();

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines())
        .containsExactly(
            "secureoverlay: a subcommand is required: mtu, master (see 'secureoverlay --help')");
  }

  @Test
  void unknownSubcommandIsAUsageErrorOnOneLine() {
    CliRun run = CliRun.of("mtus");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines())
        .containsExactly(
            "secureoverlay: unknown option or argument 'mtus' (see 'secureoverlay --help')");
  }
}
