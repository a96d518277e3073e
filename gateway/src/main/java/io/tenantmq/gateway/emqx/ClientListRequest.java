package io.tenantmq.gateway.emqx;

import io.tenantmq.control.registry.ClientFilter;
import io.tenantmq.control.registry.ClientState;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * The filters of a client list request (EMQX's {@code GET /clients}, v5 and v4 names), as a registry
 * {@link ClientFilter}.
 *
 * @param matchesNothing true for {@code conn_state=idle}: TenantMQ registers a client only once its CONNECT is
 *                       accepted, so no client is ever idle
 */
public record ClientListRequest(ClientFilter filter, boolean matchesNothing) {

  private static final List<String> CONN_STATES = List.of("connected", "idle", "disconnected");

  public static ClientListRequest from(QueryParams q) {
    Optional<String> connState = q.oneOf("conn_state", CONN_STATES);
    ClientState state = connState.map(s -> switch (s) {
      case "connected" -> ClientState.CONNECTED;
      case "disconnected" -> ClientState.DISCONNECTED;
      default -> null;
    }).orElse(null);
    Integer protoVer = q.text("proto_ver").map(v -> {
      try {
        return Integer.parseInt(v.trim());
      } catch (NumberFormatException e) {
        throw EmqxException.badRequest("proto_ver: expected 3, 4 or 5, got: " + v);
      }
    }).orElse(null);
    q.text("proto_name").ifPresent(name -> {
      if (!name.equals("MQTT") && !name.equals("MQIsdp")) {
        throw EmqxException.badRequest("proto_name: expected MQTT or MQIsdp, got: " + name);
      }
    });
    ClientFilter filter = new ClientFilter(
        q.text("node").orElse(null),
        new HashSet<>(q.all("clientid")),
        new HashSet<>(q.all("username")),
        q.text("ip_address").orElse(null),
        state,
        q.bool("clean_start").orElse(null),
        protoVer,
        q.text("like_clientid").filter(s -> !s.isEmpty()).orElse(null),
        q.text("like_username").filter(s -> !s.isEmpty()).orElse(null),
        q.time("gte_created_at").orElse(null),
        q.time("lte_created_at").orElse(null),
        q.time("gte_connected_at").orElse(null),
        q.time("lte_connected_at").orElse(null));
    return new ClientListRequest(filter, "idle".equals(connState.orElse(null)));
  }
}
