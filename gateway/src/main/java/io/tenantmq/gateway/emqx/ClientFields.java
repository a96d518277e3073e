package io.tenantmq.gateway.emqx;

import io.tenantmq.control.registry.ClientFilter;
import io.tenantmq.control.registry.ClientRecord;
import io.tenantmq.control.registry.PacketCounter;
import io.tenantmq.control.registry.TrafficCounters;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * A client as EMQX's API reports it, from its registry record. Counters come from the connection's counters as last
 * reported to the registry. Fields about Erlang processes, mountpoints and durable storage, which have no TenantMQ
 * counterpart, carry EMQX's neutral values (0, null, false, "infinity"); the README lists them.
 */
public final class ClientFields {

  /** v5 times: RFC 3339. */
  public static final LongFunction<String> V5_TIMES = EmqxTimes::rfc3339;
  /** v4/v3 times: {@code YYYY-MM-DD HH:mm:ss}. */
  public static final LongFunction<String> V4_TIMES = EmqxTimes::v4;

  /** EMQX's default limits of a session, which TenantMQ's sessions share. */
  static final int MAX_INFLIGHT = 32;
  static final int MAX_MQUEUE = 1000;
  static final int MAX_AWAITING_REL = 100;
  private static final String V4_ZONE = "external";
  private static final String V4_UNDEFINED = "undefined";

  private ClientFields() {
  }

  /** The v5 client object ({@code emqx_mgmt_api_clients:fields(client)} of 5.8). */
  public static JsonObject of(ClientRecord r, LongFunction<String> times) {
    JsonObject json = common(r, times, r.username())
        .put("subscriptions_max", "infinity")
        .put("inflight_cnt", 0)
        .put("inflight_max", MAX_INFLIGHT)
        .put("mqueue_max", MAX_MQUEUE)
        .put("awaiting_rel_cnt", 0)
        .put("awaiting_rel_max", MAX_AWAITING_REL)
        .put("recv_msg.dropped.await_pubrel_timeout", 0L);
    return json
        .put("mountpoint", null)
        .put("durable", false)
        .put("is_persistent", !r.cleanStart() || r.sessionExpirySeconds() > 0)
        .put("is_expired", false)
        .put("n_streams", 0)
        .put("listener", "tcp:default")
        .put("enable_authn", true)
        .put("peerport", portOf(r.address()))
        .put("client_attrs", new JsonObject());
  }

  /**
   * The v4/v3 client object ({@code emqx_mgmt_api_clients:format_channel_info} of 4.4): the limits under their v4
   * names ({@code max_inflight}, {@code inflight}, ...; 0 subscriptions max is "no limit"), every client in the
   * {@code external} zone, and absent values as Erlang's {@code undefined}, which v4 writes as that string.
   */
  public static JsonObject v4(ClientRecord r) {
    return common(r, V4_TIMES, r.username() == null ? V4_UNDEFINED : r.username())
        .put("zone", V4_ZONE)
        .put("mountpoint", V4_UNDEFINED)
        .put("max_subscriptions", 0)
        .put("inflight", 0)
        .put("max_inflight", MAX_INFLIGHT)
        .put("max_mqueue", MAX_MQUEUE)
        .put("awaiting_rel", 0)
        .put("max_awaiting_rel", MAX_AWAITING_REL)
        .put("recv_msg.dropped.expired", 0L);
  }

  /** The fields v5 and v4 share, under the names both use. */
  private static JsonObject common(ClientRecord r, LongFunction<String> times, String username) {
    TrafficCounters c = r.counters();
    long recvMsg = c.received(PacketCounter.PUBLISH_QOS0) + c.received(PacketCounter.PUBLISH_QOS1)
        + c.received(PacketCounter.PUBLISH_QOS2);
    long sendMsg = c.sent(PacketCounter.PUBLISH_QOS0) + c.sent(PacketCounter.PUBLISH_QOS1)
        + c.sent(PacketCounter.PUBLISH_QOS2);
    String ip = ClientFilter.ipOf(r.address());
    JsonObject json = new JsonObject()
        .put("node", r.node())
        .put("clientid", r.clientId())
        .put("username", username)
        .put("proto_name", r.protocolVersion() == 3 ? "MQIsdp" : "MQTT")
        .put("proto_ver", r.protocolVersion())
        .put("ip_address", ip)
        .put("port", portOf(r.address()))
        .put("is_bridge", false)
        .put("connected", r.connected())
        .put("connected_at", times.apply(r.connectedAtMillis()))
        .put("created_at", times.apply(r.createdAtMillis()));
    if (!r.connected()) {
      json.put("disconnected_at", times.apply(r.disconnectedAtMillis()));
    }
    return json
        .put("keepalive", r.keepAliveSeconds())
        .put("clean_start", r.cleanStart())
        .put("expiry_interval", r.sessionExpirySeconds())
        .put("subscriptions_cnt", r.subscriptions().size())
        .put("mqueue_len", 0)
        .put("mqueue_dropped", c.sent(PacketCounter.DROPPED))
        .put("recv_oct", c.received(PacketCounter.BYTES))
        .put("recv_cnt", c.received(PacketCounter.PACKETS))
        .put("recv_pkt", c.received(PacketCounter.PACKETS))
        .put("recv_msg", recvMsg)
        .put("recv_msg.qos0", c.received(PacketCounter.PUBLISH_QOS0))
        .put("recv_msg.qos1", c.received(PacketCounter.PUBLISH_QOS1))
        .put("recv_msg.qos2", c.received(PacketCounter.PUBLISH_QOS2))
        .put("recv_msg.dropped", 0L)
        .put("send_oct", c.sent(PacketCounter.BYTES))
        .put("send_cnt", c.sent(PacketCounter.PACKETS))
        .put("send_pkt", c.sent(PacketCounter.PACKETS))
        .put("send_msg", sendMsg)
        .put("send_msg.qos0", c.sent(PacketCounter.PUBLISH_QOS0))
        .put("send_msg.qos1", c.sent(PacketCounter.PUBLISH_QOS1))
        .put("send_msg.qos2", c.sent(PacketCounter.PUBLISH_QOS2))
        .put("send_msg.dropped", c.sent(PacketCounter.DROPPED))
        .put("send_msg.dropped.expired", 0L)
        .put("send_msg.dropped.queue_full", c.sent(PacketCounter.DROPPED))
        .put("send_msg.dropped.too_large", 0L)
        .put("mailbox_len", 0)
        .put("heap_size", 0)
        .put("reductions", 0);
  }

  /** Only {@code fields} of {@code client} (EMQX's {@code fields} parameter); all of them when null. */
  public static JsonObject project(JsonObject client, Set<String> fields) {
    if (fields == null) {
      return client;
    }
    JsonObject projected = new JsonObject();
    client.forEach(e -> {
      if (fields.contains(e.getKey())) {
        projected.put(e.getKey(), e.getValue());
      }
    });
    return projected;
  }

  /** The names a {@code fields} parameter may use: every field of a client. */
  public static boolean known(String field) {
    return NAMES.contains(field);
  }

  private static final Set<String> NAMES = Set.copyOf(of(new ClientRecord("i", "c", "n", "0", "127.0.0.1:1", 5, 0,
      true, 0, null, null, io.tenantmq.control.registry.ClientState.DISCONNECTED, 0, 0, 0, null, null),
      V5_TIMES).fieldNames());

  private static int portOf(String address) {
    if (address == null) {
      return 0;
    }
    int colon = address.lastIndexOf(':');
    try {
      return colon < 0 ? 0 : Integer.parseInt(address.substring(colon + 1));
    } catch (NumberFormatException e) {
      return 0; // a bare IPv6 address without a port
    }
  }
}
