package io.secureoverlay.agent.xfrm.client;

import io.secureoverlay.agent.netlink.DumpInterruptedException;
import io.secureoverlay.agent.netlink.Errno;
import io.secureoverlay.agent.netlink.ErrnoException;
import io.secureoverlay.agent.netlink.NetlinkConstants;
import io.secureoverlay.agent.netlink.NetlinkConversation;
import io.secureoverlay.agent.netlink.NetlinkRequest;
import io.secureoverlay.agent.netlink.NetlinkSocket;
import io.secureoverlay.agent.netlink.NetlinkSocketOptions;
import io.secureoverlay.agent.netlink.NetlinkTransport;
import io.secureoverlay.agent.netlink.NetworkNamespace;
import io.secureoverlay.agent.netlink.ReplyDecoder;
import io.secureoverlay.agent.netlink.RequestResult;
import io.secureoverlay.agent.xfrm.XfrmOperation;
import io.secureoverlay.agent.xfrm.XfrmOwnership;
import io.secureoverlay.agent.xfrm.XfrmPolicy;
import io.secureoverlay.agent.xfrm.XfrmPolicyEntry;
import io.secureoverlay.agent.xfrm.XfrmPolicyId;
import io.secureoverlay.agent.xfrm.XfrmState;
import io.secureoverlay.agent.xfrm.XfrmStateEntry;
import io.secureoverlay.agent.xfrm.XfrmStateKey;
import io.secureoverlay.agent.xfrm.wire.XfrmNetlinkFamily;
import io.secureoverlay.agent.xfrm.wire.XfrmPolicyCodec;
import io.secureoverlay.agent.xfrm.wire.XfrmStateCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kernel's XFRM tables of one network namespace, over one NETLINK_XFRM socket: batched changes
 * with a result per change, single gets, and dumps (all entries, or only SecureOverlay's own by
 * {@link XfrmOwnership}). It offers no flush: removing is always by exact key.
 */
public final class XfrmClient implements AutoCloseable {

  /** A dump flagged NLM_F_DUMP_INTR is repeated this many times before giving up. */
  static final int DUMP_ATTEMPTS = 3;

  private static final Logger log = LoggerFactory.getLogger(XfrmClient.class);

  private final NetlinkConversation conversation;

  public XfrmClient(NetlinkConversation conversation) {
    this.conversation = conversation;
  }

  /** A client over a transport (a real socket, or a fake in tests). */
  public static XfrmClient over(NetlinkTransport transport) {
    return new XfrmClient(new NetlinkConversation(transport, XfrmNetlinkFamily.INSTANCE, 1));
  }

  /** A client for the calling thread's network namespace. */
  public static XfrmClient open() {
    return over(NetlinkSocket.open(NetlinkConstants.NETLINK_XFRM));
  }

  /** A client whose socket lives in {@code namespace}, usable from any thread afterwards. */
  public static XfrmClient open(NetworkNamespace namespace) {
    return open(namespace, NetlinkSocketOptions.DEFAULT);
  }

  public static XfrmClient open(NetworkNamespace namespace, NetlinkSocketOptions options) {
    return over(namespace.call(() -> NetlinkSocket.open(NetlinkConstants.NETLINK_XFRM, options)));
  }

  /** Requests per datagram at most, from the socket's buffer sizes. */
  public int maxBatchMessages() {
    return conversation.maxBatchMessages();
  }

  /**
   * Applies every operation, in order, batched; one result per operation at the same index. A
   * failed operation (EEXIST, ESRCH, ...) does not stop the others.
   */
  public List<RequestResult> apply(List<XfrmOperation> operations) {
    List<NetlinkRequest> requests = new ArrayList<>(operations.size());
    try {
      for (XfrmOperation op : operations) {
        requests.add(XfrmRequests.of(op));
      }
      List<RequestResult> results = conversation.execute(requests);
      long failed = results.stream().filter(r -> !r.ok()).count();
      log.debug("xfrm batch applied operations={} failed={}", operations.size(), failed);
      return results;
    } finally {
      requests.forEach(NetlinkRequest::wipe);
    }
  }

  public void addState(XfrmState state) {
    applyOne(new XfrmOperation.AddState(state));
  }

  public void updateState(XfrmState state) {
    applyOne(new XfrmOperation.UpdateState(state));
  }

  public void deleteState(XfrmStateKey key) {
    applyOne(new XfrmOperation.DeleteState(key));
  }

  public void addPolicy(XfrmPolicy policy) {
    applyOne(new XfrmOperation.AddPolicy(policy));
  }

  public void updatePolicy(XfrmPolicy policy) {
    applyOne(new XfrmOperation.UpdatePolicy(policy));
  }

  public void deletePolicy(XfrmPolicyId id) {
    applyOne(new XfrmOperation.DeletePolicy(id));
  }

  /** The SA, or empty when the kernel has none under that key (ESRCH). */
  public Optional<XfrmStateEntry> getState(XfrmStateKey key) {
    try {
      return Optional.of(conversation.query(XfrmStateCodec.getState(key), XfrmStateCodec::decode));
    } catch (ErrnoException e) {
      if (e.errno() == Errno.ESRCH || e.errno() == Errno.ENOENT) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** The policy, or empty when the kernel has none for that selector and direction (ENOENT). */
  public Optional<XfrmPolicyEntry> getPolicy(XfrmPolicyId id) {
    try {
      return Optional.ofNullable(
          conversation.query(XfrmPolicyCodec.getPolicy(id), XfrmPolicyCodec::decode));
    } catch (ErrnoException e) {
      if (e.errno() == Errno.ENOENT || e.errno() == Errno.ESRCH) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** Every SA of the namespace, foreign ones included. */
  public List<XfrmStateEntry> states() {
    return dump(XfrmStateCodec::dumpStates, XfrmStateCodec::decode);
  }

  /** The SAs carrying a SecureOverlay reqid. */
  public List<XfrmStateEntry> ownedStates() {
    return states().stream().filter(XfrmOwnership::owns).toList();
  }

  /** Every (non-socket) policy of the namespace, foreign ones included. */
  public List<XfrmPolicyEntry> policies() {
    return dump(XfrmPolicyCodec::dumpPolicies, XfrmPolicyCodec::decode);
  }

  /** The policies whose templates all carry a SecureOverlay reqid. */
  public List<XfrmPolicyEntry> ownedPolicies() {
    return policies().stream().filter(XfrmOwnership::owns).toList();
  }

  @Override
  public void close() {
    conversation.close();
  }

  private void applyOne(XfrmOperation op) {
    apply(List.of(op))
        .get(0)
        .failure()
        .ifPresent(
            e -> {
              throw e;
            });
  }

  private <T> List<T> dump(Supplier<NetlinkRequest> request, ReplyDecoder<T> decoder) {
    for (int attempt = 1; ; attempt++) {
      try {
        return conversation.dump(request.get(), decoder);
      } catch (DumpInterruptedException e) {
        if (attempt >= DUMP_ATTEMPTS) {
          throw e;
        }
        log.info("xfrm dump interrupted attempt={} retrying=true", attempt);
      }
    }
  }
}
