package io.secureoverlay.agent.xfrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class XfrmOwnershipTest {

  @Test
  void ownedReqidsAreTheSecurePrefixOrTheSlot() {
    assertThat(XfrmOwnership.reqid(0)).isEqualTo(0x5ec00000);
    assertThat(XfrmOwnership.reqid(0xffff)).isEqualTo(0x5ec0ffff);
    assertThat(XfrmOwnership.slotOf(0x5ec01234)).isEqualTo(0x1234);
    assertThat(XfrmOwnership.isOwnedReqid(0x5ec10000)).isFalse();
    assertThat(XfrmOwnership.isOwnedReqid(7)).isFalse();
    assertThatThrownBy(() -> XfrmOwnership.reqid(0x10000)).hasMessageContaining("0..65535");
    assertThatThrownBy(() -> XfrmOwnership.slotOf(7)).hasMessageContaining("not a SecureOverlay");
  }

  @Test
  void aPolicyIsOursOnlyWhenEveryTemplateIs() throws Exception {
    XfrmSelector sel =
        XfrmSelector.hosts(
            InetAddress.getByName("192.0.2.1"), InetAddress.getByName("192.0.2.2"), 4);
    XfrmTemplate ours =
        XfrmTemplate.transport(XfrmProto.ESP, XfrmOwnership.reqid(1), AddressFamily.INET);
    XfrmTemplate theirs = XfrmTemplate.transport(XfrmProto.ESP, 7, AddressFamily.INET);
    assertThat(XfrmOwnership.owns(XfrmPolicy.allow(sel, XfrmDirection.OUT, 0, List.of(ours))))
        .isTrue();
    assertThat(
            XfrmOwnership.owns(XfrmPolicy.allow(sel, XfrmDirection.OUT, 0, List.of(ours, theirs))))
        .isFalse();
    assertThat(XfrmOwnership.owns(XfrmPolicy.allow(sel, XfrmDirection.OUT, 0, List.of())))
        .isFalse();
  }
}
