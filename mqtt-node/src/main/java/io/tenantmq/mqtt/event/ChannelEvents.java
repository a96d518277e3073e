package io.tenantmq.mqtt.event;

import io.tenantmq.control.event.ClientEvent;
import io.tenantmq.control.event.ClientEventType;
import io.tenantmq.control.event.EventStream;
import io.tenantmq.control.registry.ClientKey;
import io.tenantmq.control.registry.ClientRecord;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The events of one connection (channel), appended to its instance's stream in the order they happened: each append
 * starts when the previous one is stored, so a {@code tcpclean} never overtakes its channel's {@code connect}.
 * Called from the connection's context only; a failed append is logged and does not hold up the next.
 */
public final class ChannelEvents {

  private static final Logger LOG = LoggerFactory.getLogger(ChannelEvents.class);

  private final EventStream stream;
  private final String node;
  private final ClientKey key;
  private final String channelId;
  private final String clientIp;
  private final String username;
  private CompletionStage<?> last = CompletableFuture.completedFuture(null);
  private boolean sentDisconnect;

  public ChannelEvents(EventStream stream, String node, ClientKey key, String channelId, String clientIp,
                       String username) {
    this.stream = stream;
    this.node = node;
    this.key = key;
    this.channelId = channelId;
    this.clientIp = clientIp;
    this.username = username;
  }

  /** CONNACK was sent. */
  public void connected() {
    append(ClientEventType.CONNECT, "");
  }

  /** The client sent DISCONNECT. */
  public void disconnected() {
    sentDisconnect = true;
    append(ClientEventType.DISCONNECT, "client");
  }

  /** The TCP connection is gone: after the client's DISCONNECT ({@code disconnect}) or otherwise ({@code closed}). */
  public void closed() {
    append(ClientEventType.TCPCLEAN, sentDisconnect ? "disconnect" : "closed");
  }

  private void append(ClientEventType type, String reason) {
    ClientEvent event = new ClientEvent(key.instanceId(), key.clientId(), System.currentTimeMillis(), type, channelId,
        clientIp, ClientRecord.groupIdOf(key.clientId()), username, node, reason, -1);
    last = last.thenCompose(previous -> stream.append(event)).exceptionally(e -> {
      LOG.warn("{} event of {} (channel {}) not recorded: {}", type.tag(), key, channelId, e.toString());
      return null;
    });
  }
}
