package io.tenantmq.gateway.emqx;

import io.tenantmq.control.registry.ClientFilter;
import io.tenantmq.control.registry.ClientState;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The filters of a client list request (EMQX's {@code GET /clients}, v5 and v4 names), as a registry
 * {@link ClientFilter}.
 *
 * @param matchesNothing true for {@code conn_state=idle} (TenantMQ registers a client only once its CONNECT is
 *                       accepted, so no client is ever idle) and for a {@code proto_name} that contradicts
 *                       {@code proto_ver}
 */
public record ClientListRequest(ClientFilter filter, boolean matchesNothing) {

  private static final List<String> CONN_STATES = List.of("connected", "idle", "disconnected");
  private static final int NO_VERSION = -1;

  /** The v5 request: time bounds in epoch milliseconds or RFC 3339. */
  public static ClientListRequest from(QueryParams q) {
    return from(q, q::time);
  }

  /** The v4/v3 request: time bounds in epoch seconds ({@code emqx_mgmt_api:to_timestamp}). */
  public static ClientListRequest fromV4(QueryParams q) {
    return from(q, q::epochSeconds);
  }

  private static ClientListRequest from(QueryParams q, Function<String, Optional<Long>> time) {
    Optional<String> connState = q.oneOf("conn_state", CONN_STATES);
    ClientState state = connState.map(s -> switch (s) {
      case "connected" -> ClientState.CONNECTED;
      case "disconnected" -> ClientState.DISCONNECTED;
      default -> null;
    }).orElse(null);
    Set<Integer> versions = protocolVersions(q);
    ClientFilter filter = new ClientFilter(
        q.text("node").orElse(null),
        new HashSet<>(q.all("clientid")),
        new HashSet<>(q.all("username")),
        q.text("ip_address").orElse(null),
        state,
        q.bool("clean_start").orElse(null),
        versions,
        q.text("like_clientid").filter(s -> !s.isEmpty()).orElse(null),
        q.text("like_username").filter(s -> !s.isEmpty()).orElse(null),
        time.apply("gte_created_at").orElse(null),
        time.apply("lte_created_at").orElse(null),
        time.apply("gte_connected_at").orElse(null),
        time.apply("lte_connected_at").orElse(null));
    return new ClientListRequest(filter, "idle".equals(connState.orElse(null)) || versions.contains(NO_VERSION));
  }

  /**
   * The levels {@code proto_ver} and {@code proto_name} allow together: {@code MQIsdp} is MQTT 3.1 (level 3),
   * {@code MQTT} is 3.1.1 and 5; when they contradict each other, {@link #NO_VERSION}, which no client has.
   */
  private static Set<Integer> protocolVersions(QueryParams q) {
    Integer protoVer = q.text("proto_ver").map(v -> {
      try {
        return Integer.parseInt(v.trim());
      } catch (NumberFormatException e) {
        throw EmqxException.badRequest("proto_ver: expected 3, 4 or 5, got: " + v);
      }
    }).orElse(null);
    Set<Integer> byName = q.text("proto_name").map(name -> switch (name) {
      case "MQTT" -> Set.of(4, 5);
      case "MQIsdp" -> Set.of(3);
      default -> throw EmqxException.badRequest("proto_name: expected MQTT or MQIsdp, got: " + name);
    }).orElse(Set.of());
    if (protoVer == null) {
      return byName;
    }
    return byName.isEmpty() || byName.contains(protoVer) ? Set.of(protoVer) : Set.of(NO_VERSION);
  }
}
