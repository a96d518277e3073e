package io.tenantmq.mqtt.session;

import io.tenantmq.control.registry.ClientKey;
import io.tenantmq.mqtt.event.CloseReason;
import io.tenantmq.mqtt.route.Message;
import io.tenantmq.mqtt.route.Router;
import io.vertx.core.json.JsonObject;

/**
 * EMQX's presence messages: {@code $SYS/brokers/{node}/clients/{clientid}/connected} and {@code .../disconnected}, QoS
 * 0, not retained, with the JSON payloads of EMQX 5 ({@code emqx_sys}: {@code clientid, username, ipaddress,
 * sockport, protocol, proto_name, proto_ver, connected_at, ts}, plus {@code keepalive, clean_start, expiry_interval}
 * when connected and {@code reason, disconnected_at} when disconnected; a client without user name has
 * {@code "undefined"}, as EMQX writes it). They go to the subscribers of the client's own instance, through the
 * router like any message, so only a client that was allowed to subscribe to the topic gets them; wildcards at the
 * first level never match {@code $SYS} topics [MQTT-4.7.2-1].
 *
 * <p>Nothing is built unless some node has a subscription of the instance under {@code $SYS}
 * ({@link Router#mayHaveSubscribers}): the connect path of everyone else pays two map lookups.
 *
 * <p>Owned by: nobody; stateless, called on any event loop.
 */
public final class SysPresence {

  private static final String SYS = "$SYS";

  private final String node;
  private final Router router;
  private final String prefix;

  public SysPresence(String node, Router router) {
    this.node = node;
    this.router = router;
    this.prefix = SYS + "/brokers/" + node + "/clients/";
  }

  String node() {
    return node;
  }

  void connected(ClientKey key, ConnectionInfo c, long expirySeconds) {
    if (!router.mayHaveSubscribers(key.instanceId(), SYS)) {
      return;
    }
    JsonObject payload = common(key, c)
        .put("keepalive", c.keepAliveSeconds())
        .put("clean_start", c.cleanStart())
        .put("expiry_interval", expirySeconds);
    publish(key, "connected", payload);
  }

  void disconnected(ClientKey key, ConnectionInfo c, CloseReason reason, long atMillis) {
    if (!router.mayHaveSubscribers(key.instanceId(), SYS)) {
      return;
    }
    JsonObject payload = common(key, c)
        .put("reason", reason.wireName())
        .put("disconnected_at", atMillis);
    publish(key, "disconnected", payload);
  }

  private static JsonObject common(ClientKey key, ConnectionInfo c) {
    return new JsonObject()
        .put("clientid", key.clientId())
        .put("username", c.username() == null ? "undefined" : c.username())
        .put("ipaddress", c.peerHost())
        .put("sockport", c.sockPort())
        .put("protocol", "mqtt")
        .put("proto_name", c.protocolVersion() == 3 ? "MQIsdp" : "MQTT")
        .put("proto_ver", c.protocolVersion())
        .put("connected_at", c.connectedAtMillis())
        .put("ts", System.currentTimeMillis());
  }

  private void publish(ClientKey key, String event, JsonObject payload) {
    router.publish(new Message(key.instanceId(), prefix + key.clientId() + "/" + event, payload.toBuffer(), 0, false,
        null));
  }
}
