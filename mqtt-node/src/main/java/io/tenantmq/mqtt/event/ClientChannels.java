package io.tenantmq.mqtt.event;

import io.tenantmq.control.event.ClientEvent;
import io.tenantmq.control.event.ClientEventType;
import io.tenantmq.control.event.EventStream;
import io.tenantmq.control.registry.ClientKey;
import io.tenantmq.control.registry.ClientRecord;
import io.vertx.core.Context;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The event chains of this node's connections, and the latest channel of each client here: a new channel of a client
 * appends its first event only once the previous channel's events here are stored. This is the local half of the
 * rule "per client, the stream holds the channels in the order they connected"; the other half is in the CONNECT
 * flow (a node that takes a client over from another waits for that node's answer, which comes only when
 * {@link #settled} here, and a dead node's channel is reported by whoever flips its record, see
 * {@code io.tenantmq.mqtt.session.NodeDown}).
 *
 * <p>Owned by: nobody; thread-safe. A channel leaves the table once its tcpclean is stored.
 */
public final class ClientChannels {

  private static final CompletionStage<Void> DONE = CompletableFuture.completedFuture(null);

  private final EventStream stream;
  private final String node;
  private final ConcurrentMap<ClientKey, ChannelEvents> latest = new ConcurrentHashMap<>();

  public ClientChannels(EventStream stream, String node) {
    this.stream = stream;
    this.node = node;
  }

  EventStream stream() {
    return stream;
  }

  String node() {
    return node;
  }

  /**
   * The events of a new connection of {@code key}, which start after the client's previous channel here and after
   * {@code after} (what another node or a dead node's channel had to record first; null for nothing). Its appends
   * run on {@code context}, the connection's.
   */
  public ChannelEvents open(ClientKey key, String channelId, String clientIp, String username,
                            CompletionStage<?> after, Context context) {
    ChannelEvents[] opened = new ChannelEvents[1];
    latest.compute(key, (k, previous) -> {
      CompletionStage<Void> start = settledOf(after);
      if (previous != null) {
        start = start.thenCombine(previous.recorded(), (x, y) -> null);
      }
      opened[0] = new ChannelEvents(this, key, channelId, clientIp, username, start, context);
      return opened[0];
    });
    return opened[0];
  }

  /** Completes when every event of the client's channels on this node so far is stored. */
  public CompletionStage<Void> settled(ClientKey key) {
    ChannelEvents channel = latest.get(key);
    return channel == null ? DONE : channel.recorded();
  }

  /**
   * Appends the {@code tcpclean} of a channel that died with its node, described by the record the caller flipped
   * from CONNECTED (so that exactly one node reports each such channel); the event names the dead node.
   */
  public CompletionStage<Void> nodeDown(ClientRecord gone, long atMillis) {
    ClientEvent event = new ClientEvent(gone.instanceId(), gone.clientId(), atMillis, ClientEventType.TCPCLEAN,
        gone.channelId(), gone.address(), gone.groupId(), gone.username(), gone.node(),
        CloseReason.NODE_DOWN.wireName(), -1);
    return logged(stream.append(event), event);
  }

  /** Completes when every event of every channel here so far is stored. */
  public CompletionStage<Void> settledAll() {
    return CompletableFuture.allOf(latest.values().stream().map(c -> c.recorded().toCompletableFuture())
        .toArray(CompletableFuture[]::new));
  }

  void ended(ChannelEvents channel) {
    latest.remove(channel.key(), channel);
  }

  /** How many channels here have events not yet stored or are still open. */
  public int size() {
    return latest.size();
  }

  static CompletionStage<Void> logged(CompletionStage<?> append, ClientEvent event) {
    return append.handle((offset, e) -> {
      if (e != null) {
        ChannelEvents.warn(event, e);
      }
      return null;
    });
  }

  private static CompletionStage<Void> settledOf(CompletionStage<?> stage) {
    return stage == null ? DONE : stage.handle((x, e) -> null);
  }
}
