package io.tenantmq.control.event;

import java.io.Serializable;
import java.util.Objects;

/**
 * One online/offline event of one connection (channel) of a client of an instance.
 *
 * @param timeMillis when it happened on the node (epoch ms)
 * @param channelId  unique per TCP connection (32 hex chars); offline events apply only to the same channel's connect
 * @param clientIp   the client's {@code ip:port}
 * @param groupId    the part of the client id before {@code @@@}, or null
 * @param reason     why a {@code tcpclean} or {@code disconnect} happened (e.g. {@code closed}); empty for connects
 * @param offset     the event's position in its instance's stream; -1 until it has been appended
 */
public record ClientEvent(String instanceId, String clientId, long timeMillis, ClientEventType type, String channelId,
                          String clientIp, String groupId, String username, String node, String reason,
                          long offset) implements Serializable {
  public ClientEvent {
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(channelId, "channelId");
    reason = reason == null ? "" : reason;
  }

  /** The same event at {@code position} of its stream. */
  public ClientEvent at(long position) {
    return new ClientEvent(instanceId, clientId, timeMillis, type, channelId, clientIp, groupId, username, node, reason,
        position);
  }
}
