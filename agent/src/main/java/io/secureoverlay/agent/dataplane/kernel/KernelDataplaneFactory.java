package io.secureoverlay.agent.dataplane.kernel;

import io.secureoverlay.agent.dataplane.Dataplane;
import io.secureoverlay.agent.dataplane.DataplaneException;
import io.secureoverlay.agent.dataplane.DataplaneFactory;
import io.secureoverlay.agent.netlink.NetlinkException;

/**
 * {@code --dataplane kernel}: the node's own XFRM tables. Registered as a {@link DataplaneFactory}
 * service (META-INF/services/io.secureoverlay.agent.dataplane.DataplaneFactory).
 */
public final class KernelDataplaneFactory implements DataplaneFactory {

  public KernelDataplaneFactory() {}

  @Override
  public String name() {
    return "kernel";
  }

  @Override
  public Dataplane open() {
    try {
      return KernelDataplane.open();
    } catch (NetlinkException e) {
      throw new DataplaneException(
          "cannot open NETLINK_XFRM (needs CAP_NET_ADMIN and xfrm_user): " + e.getMessage(), e);
    } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
      throw new DataplaneException("cannot load libc through jnr-ffi: " + e.getMessage(), e);
    }
  }
}
