package io.tenantmq.mqtt.event;

import io.tenantmq.control.event.ClientEvent;
import io.tenantmq.control.event.ClientEventType;
import io.tenantmq.control.registry.ClientKey;
import io.tenantmq.control.registry.ClientRecord;
import io.vertx.core.Context;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The events of one connection (channel), appended to its instance's stream in the order they happened: each append
 * starts when the previous one is stored, and the first starts only when the client's previous channel on this node
 * (and whatever else {@link ClientChannels#open} was told to wait for) is stored, so that the stream holds a client's
 * channels one after the other. Made by {@link ClientChannels}. Its methods are called from the connection's context;
 * {@link #recorded()} may be read from any thread. A failed append is logged and does not hold up the next. An
 * append that waits for an earlier one starts on the connection's context: a Hazelcast thread that completed the
 * earlier one may not make remote calls.
 */
public final class ChannelEvents {

  private static final Logger LOG = LoggerFactory.getLogger(ChannelEvents.class);

  private final ClientChannels owner;
  private final ClientKey key;
  private final String channelId;
  private final String clientIp;
  private final String username;
  private final Executor context;
  private volatile CompletionStage<Void> last;
  private boolean sentDisconnect;
  private boolean closed;

  ChannelEvents(ClientChannels owner, ClientKey key, String channelId, String clientIp, String username,
                CompletionStage<Void> after, Context context) {
    this.context = task -> context.runOnContext(v -> task.run());
    this.owner = owner;
    this.key = key;
    this.channelId = channelId;
    this.clientIp = clientIp;
    this.username = username;
    this.last = after;
  }

  ClientKey key() {
    return key;
  }

  /** The connection is accepted; its CONNACK goes out once the returned stage completes (the connect is stored). */
  public CompletionStage<Void> connected() {
    append(ClientEventType.CONNECT, "");
    return last;
  }

  /** The client sent DISCONNECT. */
  public void disconnected() {
    sentDisconnect = true;
    append(ClientEventType.DISCONNECT, CloseReason.NORMAL.wireName());
  }

  /**
   * The TCP connection is gone because of {@code reason}; null: nobody on the server closed it, so it is
   * {@link CloseReason#NORMAL} after the client's DISCONNECT, else {@link CloseReason#TCP_CLOSED}. Only the first call
   * appends. Returns {@link #recorded()}.
   */
  public CompletionStage<Void> closed(CloseReason reason) {
    if (!closed) {
      closed = true;
      CloseReason why = reason != null ? reason : sentDisconnect ? CloseReason.NORMAL : CloseReason.TCP_CLOSED;
      append(ClientEventType.TCPCLEAN, why.wireName());
      last.whenComplete((v, e) -> owner.ended(this));
    }
    return last;
  }

  /** Completes when every event of this channel so far is stored (or failed to be). */
  public CompletionStage<Void> recorded() {
    return last;
  }

  private void append(ClientEventType type, String reason) {
    ClientEvent event = new ClientEvent(key.instanceId(), key.clientId(), System.currentTimeMillis(), type, channelId,
        clientIp, ClientRecord.groupIdOf(key.clientId()), username, owner.node(), reason, -1);
    CompletionStage<Void> previous = last;
    CompletionStage<Long> appended = previous.toCompletableFuture().isDone()
        ? owner.stream().append(event)
        : previous.thenComposeAsync(v -> owner.stream().append(event), context);
    last = ClientChannels.logged(appended, event);
  }

  static void warn(ClientEvent event, Throwable e) {
    LOG.warn("{} event of {}/{} (channel {}) not recorded: {}", event.type().tag(), event.instanceId(),
        event.clientId(), event.channelId(), e.toString());
  }
}
