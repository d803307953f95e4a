package io.secureoverlay.agent.netlink;

/**
 * The kernel flagged a dump with NLM_F_DUMP_INTR: the table changed while it was being read, so the
 * result may miss or repeat entries. The whole dump is discarded; repeating it is the fix.
 */
public final class DumpInterruptedException extends NetlinkException {

  private static final long serialVersionUID = 1L;

  public DumpInterruptedException(String operation) {
    super(operation + " was interrupted by a concurrent change (NLM_F_DUMP_INTR); repeat it");
  }

  @Override
  public boolean isRetryable() {
    return true;
  }
}
