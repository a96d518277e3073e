package io.tenantmq.sdk.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * One online/offline event of one connection (channel) of a client, as the event body JSON carries it (the same shape
 * in the HTTP pull, the SSE stream and the other dialects' APIs).
 *
 * @param time      when it happened on the node, epoch ms
 * @param channelId unique per TCP connection; an offline event applies only to the same channel's connect
 * @param clientIp  the client's {@code ip:port}
 * @param groupId   the part of the client id before {@code @@@}, or null
 * @param username  the MQTT user name, or null
 * @param node      the node that held the connection
 * @param reason    why a {@code disconnect} or {@code tcpclean} happened ({@code normal}, {@code tcp_closed},
 *                  {@code takenover}, {@code kicked}, {@code node_down}, …); empty for a connect
 * @param offset    the event's position in its instance's stream
 */
public record ClientStatusEvent(String clientId, long time, EventType eventType, String channelId, String clientIp,
                                String groupId, String username, String node, String reason, long offset) {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  public ClientStatusEvent {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(channelId, "channelId");
    reason = reason == null ? "" : reason;
  }

  /**
   * Reads an event body.
   *
   * @throws IllegalArgumentException when {@code clientId}, {@code channelId} or a known {@code eventType} is missing
   */
  public static ClientStatusEvent fromJson(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new IllegalArgumentException("an event body must be a JSON object, was " + body);
    }
    return new ClientStatusEvent(required(body, "clientId"), body.path("time").asLong(),
        EventType.ofTag(required(body, "eventType")), required(body, "channelId"), text(body, "clientIp"),
        text(body, "groupId"), text(body, "username"), text(body, "node"), text(body, "reason"),
        body.path("offset").asLong(-1));
  }

  /** Reads an event body from its JSON text (an SSE {@code data:} line). */
  public static ClientStatusEvent fromJson(String body) {
    try {
      return fromJson(MAPPER.readTree(body));
    } catch (IOException e) {
      throw new UncheckedIOException("an event body is not JSON: " + e.getMessage(), e);
    }
  }

  /** Whether the event says the channel went offline: a {@code tcpclean}, or also a {@code disconnect} if asked. */
  public boolean isOffline(boolean disconnectIsOffline) {
    return eventType == EventType.TCPCLEAN || disconnectIsOffline && eventType == EventType.DISCONNECT;
  }

  private static String required(JsonNode body, String name) {
    String value = text(body, name);
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("an event body has no " + name + ": " + body);
    }
    return value;
  }

  private static String text(JsonNode body, String name) {
    JsonNode value = body.get(name);
    return value == null || value.isNull() ? null : value.asText();
  }
}
