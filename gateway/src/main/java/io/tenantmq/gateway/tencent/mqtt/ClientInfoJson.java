package io.tenantmq.gateway.tencent.mqtt;

import io.tenantmq.control.registry.ClientRecord;
import io.tenantmq.gateway.tencent.ClientInfoFields;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A registry record in the SDK's {@code MQTTClientInfo} shape (2024-05-16):
 * <pre>
 * ClientId String · ClientAddress String (ip:port) · ProtocolVersion Long (3 = 3.1, 4 = 3.1.1, 5 = 5.0)
 * Keepalive Long (seconds) · ConnectionStatus String (CONNECTED | DISCONNECTED)
 * CreateTime, ConnectTime, DisconnectTime Long (ms epoch; DisconnectTime only for a persistent session whose client
 *   is offline, else 0) · MQTTClientSubscriptions MQTTClientSubscription[] · CleanSession Boolean (MQTT 5: clean start)
 * ExpireIntervalInSeconds Long (MQTT 5 session expiry interval)
 * MQTTClientSubscription: TopicFilter String · Qos Long · Lag Long (queued, not delivered) · Inflight Long (delivered,
 *   not acknowledged) · UserProperties SubscriptionUserProperty[]{Key, Value}
 * </pre>
 * The registry keeps neither per-subscription queue depth nor subscription user properties, so {@code Lag} and
 * {@code Inflight} are 0 and {@code UserProperties} is empty.
 */
final class ClientInfoJson {

  private ClientInfoJson() {
  }

  static JsonObject of(ClientRecord r) {
    JsonArray subscriptions = new JsonArray();
    r.subscriptions().forEach((filter, qos) -> subscriptions.add(new JsonObject()
        .put("TopicFilter", filter)
        .put("Qos", qos.longValue())
        .put("Lag", 0L)
        .put("Inflight", 0L)
        .put("UserProperties", new JsonArray())));
    return ClientInfoFields.of(r)
        .put("MQTTClientSubscriptions", subscriptions)
        .put("CleanSession", r.cleanStart())
        .put("ExpireIntervalInSeconds", r.sessionExpirySeconds());
  }
}
