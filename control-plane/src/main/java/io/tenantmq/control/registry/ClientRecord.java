package io.tenantmq.control.registry;

import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the cluster knows about one client of one instance. A value: every change writes a new record.
 *
 * @param node                  name of the node that owns the connection (or the offline session)
 * @param channelId             32 hex chars, fresh for every network connection; the record's incarnation
 * @param address               the client's {@code ip:port}
 * @param protocolVersion       3 (MQTT 3.1), 4 (3.1.1) or 5
 * @param cleanStart            the CONNECT's clean session / clean start flag
 * @param groupId               the part of a {@code GroupID@@@DeviceID} client id before {@code @@@}, or null
 * @param createdAtMillis       when the session was created (survives reconnects that resume the session)
 * @param disconnectedAtMillis  0 while connected
 * @param subscriptions         topic filter (as the client sent it) to granted QoS
 */
public record ClientRecord(
    String instanceId,
    String clientId,
    String node,
    String channelId,
    String address,
    int protocolVersion,
    int keepAliveSeconds,
    boolean cleanStart,
    long sessionExpirySeconds,
    String username,
    String groupId,
    ClientState state,
    long createdAtMillis,
    long connectedAtMillis,
    long disconnectedAtMillis,
    Map<String, Integer> subscriptions,
    TrafficCounters counters) implements Serializable {

  public ClientRecord {
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(channelId, "channelId");
    Objects.requireNonNull(state, "state");
    // a sorted, unmodifiable copy: records are values and lists read stably
    subscriptions = subscriptions == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(subscriptions));
    counters = counters == null ? TrafficCounters.ZERO : counters;
  }

  public ClientKey key() {
    return new ClientKey(instanceId, clientId);
  }

  public boolean connected() {
    return state == ClientState.CONNECTED;
  }

  public ClientRecord withSubscriptions(Map<String, Integer> newSubscriptions) {
    return new ClientRecord(instanceId, clientId, node, channelId, address, protocolVersion, keepAliveSeconds, cleanStart,
        sessionExpirySeconds, username, groupId, state, createdAtMillis, connectedAtMillis, disconnectedAtMillis,
        newSubscriptions, counters);
  }

  public ClientRecord withCreatedAt(long newCreatedAtMillis) {
    return new ClientRecord(instanceId, clientId, node, channelId, address, protocolVersion, keepAliveSeconds, cleanStart,
        sessionExpirySeconds, username, groupId, state, newCreatedAtMillis, connectedAtMillis, disconnectedAtMillis,
        subscriptions, counters);
  }

  public ClientRecord withKeepAlive(int newKeepAliveSeconds) {
    return new ClientRecord(instanceId, clientId, node, channelId, address, protocolVersion, newKeepAliveSeconds,
        cleanStart, sessionExpirySeconds, username, groupId, state, createdAtMillis, connectedAtMillis,
        disconnectedAtMillis, subscriptions, counters);
  }

  public ClientRecord withCounters(TrafficCounters newCounters) {
    return new ClientRecord(instanceId, clientId, node, channelId, address, protocolVersion, keepAliveSeconds, cleanStart,
        sessionExpirySeconds, username, groupId, state, createdAtMillis, connectedAtMillis, disconnectedAtMillis,
        subscriptions, newCounters);
  }

  public ClientRecord disconnected(long atMillis, TrafficCounters finalCounters) {
    return new ClientRecord(instanceId, clientId, node, channelId, address, protocolVersion, keepAliveSeconds, cleanStart,
        sessionExpirySeconds, username, groupId, ClientState.DISCONNECTED, createdAtMillis, connectedAtMillis, atMillis,
        subscriptions, finalCounters == null ? counters : finalCounters);
  }

  /** The group of an Aliyun-style {@code GID_xxx@@@device} client id, or null. */
  public static String groupIdOf(String clientId) {
    int at = clientId.indexOf("@@@");
    return at > 0 ? clientId.substring(0, at) : null;
  }
}
