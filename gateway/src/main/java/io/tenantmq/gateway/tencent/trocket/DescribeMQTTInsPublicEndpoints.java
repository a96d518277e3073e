package io.tenantmq.gateway.tencent.trocket;

import io.tenantmq.gateway.GatewayOptions;
import io.tenantmq.gateway.tencent.ActionCall;
import io.tenantmq.gateway.tencent.Params;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The MQTT listeners of this node, as {@code MQTTEndpointItem}s of the types the cloud uses ({@code mqtt-tcp},
 * {@code mqtt-ws}, and {@code mqtt-tls} when TLS is served). Every instance is reached through the same listeners
 * (the instance is resolved at CONNECT). When the listeners are bound to a wildcard address, the host is the one the
 * caller addressed this API at. There is no bandwidth cap and no access rule: Bandwidth 0, Rules empty, Status NORMAL.
 */
final class DescribeMQTTInsPublicEndpoints implements TrocketAction<DescribeMQTTInsPublicEndpoints.Request> {

  /** The WebSocket path of the MQTT listener (DESIGN.md: port 8083, path /mqtt). */
  static final String WS_PATH = "/mqtt";
  private static final Set<String> WILDCARDS = Set.of("0.0.0.0", "::", "[::]", "");
  private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|\\[?[0-9a-fA-F:]+]?");

  record Request(String instanceId) {
  }

  @Override
  public Request read(Params params) {
    return new Request(params.requiredNonEmptyString("InstanceId"));
  }

  @Override
  public Future<JsonObject> execute(ActionCall call, Request request) {
    return call.instance(request.instanceId()).map(i -> {
      GatewayOptions o = call.gateway().options();
      String host = WILDCARDS.contains(o.getMqttHost()) ? call.requestHost() : o.getMqttHost();
      JsonArray endpoints = new JsonArray();
      add(endpoints, "mqtt-tcp", host, o.getMqttPort(), "");
      add(endpoints, "mqtt-ws", host, o.getWsPort(), WS_PATH);
      add(endpoints, "mqtt-tls", host, o.getTlsPort(), "");
      return new JsonObject()
          .put("Endpoints", endpoints)
          .put("InstanceId", i.instanceId())
          .put("Bandwidth", 0)
          .put("Rules", new JsonArray())
          .put("Status", "NORMAL");
    });
  }

  private static void add(JsonArray endpoints, String type, String host, int port, String path) {
    if (port < 0) {
      return; // not served by this node
    }
    endpoints.add(new JsonObject()
        .put("Type", type)
        .put("Url", host + ":" + port + path)
        .put("VpcId", "")
        .put("SubnetId", "")
        .put("Host", host)
        .put("Port", port)
        .put("Ip", IP_LITERAL.matcher(host).matches() ? host : ""));
  }
}
