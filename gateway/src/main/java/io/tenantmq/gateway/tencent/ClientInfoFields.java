package io.tenantmq.gateway.tencent;

import io.tenantmq.control.registry.ClientRecord;
import io.vertx.core.json.JsonObject;

/**
 * The connection fields both API versions report for a client (trocket {@code DescribeMQTTClient}, mqtt
 * {@code MQTTClientInfo}), in the SDK models' order; each version appends its own fields after them.
 */
public final class ClientInfoFields {

  private ClientInfoFields() {
  }

  public static JsonObject of(ClientRecord r) {
    return new JsonObject()
        .put("ClientId", r.clientId())
        .put("ClientAddress", r.address())
        .put("ProtocolVersion", (long) r.protocolVersion())
        .put("Keepalive", (long) r.keepAliveSeconds())
        .put("ConnectionStatus", r.state().name())
        .put("CreateTime", r.createdAtMillis())
        .put("ConnectTime", r.connectedAtMillis())
        // only a persistent session outlives its connection; a clean one has no "disconnected" state to report
        .put("DisconnectTime", !r.connected() && !r.cleanStart() ? r.disconnectedAtMillis() : 0L);
  }
}
