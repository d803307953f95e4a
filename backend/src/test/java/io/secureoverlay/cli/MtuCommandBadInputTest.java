package io.secureoverlay.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every option's bad input: exit status 2, nothing on stdout, one line on stderr naming it. */
class MtuCommandBadInputTest {

  static Stream<Arguments> badInput() {
    return Stream.of(
        bad("--ext-mtu 500 is below the IPv4 minimum of 576", "--ext-mtu", "500"),
        bad("--ext-mtu 575 is below the IPv4 minimum of 576", "--ext-mtu", "575"),
        bad("--ext-mtu -5 is below the IPv4 minimum of 576", "--ext-mtu", "-5"),
        bad("--ext-mtu 65536 is above the maximum of 65535", "--ext-mtu", "65536"),
        bad("--ext-mtu 99999999999 is above the maximum of 65535", "--ext-mtu", "99999999999"),
        bad("--ext-mtu 500 is below the IPv4 minimum of 576", "--ext-mtu", "1500,500"),
        bad("--ext-mtu abc is not a whole number of bytes", "--ext-mtu", "abc"),
        bad("--ext-mtu 1450.5 is not a whole number of bytes", "--ext-mtu", "1450.5"),
        bad(
            "--ext-mtu 1000 is below the IPv6 minimum of 1280",
            "--ext-mtu",
            "1000",
            "--family",
            "ipv6"),
        bad("--ext-mtu is required (see 'secureoverlay mtu --help')", "--icv", "64"),
        bad("--ext-mtu needs a value (see 'secureoverlay mtu --help')", "--ext-mtu"),
        bad(
            "--icv 72 is not an ICV length: use 64, 96 or 128 (bits)",
            "--ext-mtu",
            "1500",
            "--icv",
            "72"),
        bad(
            "--icv sixty-four is not an ICV length: use 64, 96 or 128 (bits)",
            "--ext-mtu",
            "1500",
            "--icv",
            "sixty-four"),
        bad("--icv needs a value (see 'secureoverlay mtu --help')", "--ext-mtu", "1500", "--icv"),
        bad(
            "--cipher aes-cbc-128 is not a supported cipher: use aes-gcm-128 or aes-gcm-256",
            "--ext-mtu",
            "1500",
            "--cipher",
            "aes-cbc-128"),
        bad(
            "--family ipv5 is not an underlay family: use ipv4 or ipv6",
            "--ext-mtu",
            "1500",
            "--family",
            "ipv5"),
        bad(
            "--output xml is not an output format: use text or json",
            "--ext-mtu",
            "1500",
            "--output",
            "xml"),
        bad(
            "unknown option or argument '--mtu' (see 'secureoverlay mtu --help')",
            "--ext-mtu",
            "1500",
            "--mtu",
            "1400"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("badInput")
  void refusedWithOneLineAndExitStatus2(String expectedLine, String displayedArgs, String[] args) {
    CliRun run = CliRun.of(args);

    assertThat(run.exitCode()).as("exit code").isEqualTo(2);
    assertThat(run.out()).as("stdout").isEmpty();
    assertThat(run.errLines()).containsExactly("secureoverlay: " + expectedLine);
  }

  private static Arguments bad(String expectedLine, String... mtuArgs) {
    String[] args = Stream.concat(Stream.of("mtu"), Stream.of(mtuArgs)).toArray(String[]::new);
    return Arguments.of(expectedLine, String.join(" ", args), args);
  }
}
