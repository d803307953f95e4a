package io.secureoverlay.ui.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClusterIdentityTest {

  @Test
  void aSandboxAlwaysSaysItIsSimulated() {
    ClusterIdentity sandbox = new ClusterIdentity("sandbox", ClusterMode.SANDBOX);

    assertThat(sandbox.isSimulated()).isTrue();
    assertThat(sandbox.displayName()).isEqualTo("sandbox (simulated)");
    assertThat(sandbox.bannerText())
        .isEqualTo("Connected to sandbox (simulated): no real node is changed");
    assertThat(PageTitles.of("MTU calculator", sandbox))
        .isEqualTo("MTU calculator \u00b7 sandbox (simulated) \u00b7 SecureOverlay");
  }

  @Test
  void aRealClusterIsNamedAndWarnsThatChangesAreReal() {
    ClusterIdentity real = new ClusterIdentity("prod-eu-1", ClusterMode.REAL);

    assertThat(real.isSimulated()).isFalse();
    assertThat(real.displayName()).isEqualTo("prod-eu-1");
    assertThat(real.bannerText())
        .isEqualTo("Connected to cluster prod-eu-1: changes made here reach its real nodes");
    assertThat(PageTitles.of("Overview", real))
        .isEqualTo("Overview \u00b7 prod-eu-1 \u00b7 SecureOverlay");
  }
}
