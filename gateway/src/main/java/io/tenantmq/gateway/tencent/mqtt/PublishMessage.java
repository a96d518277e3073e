package io.tenantmq.gateway.tencent.mqtt;

import io.tenantmq.control.command.PublishCommand;
import io.tenantmq.gateway.tencent.ActionCall;
import io.tenantmq.gateway.tencent.Params;
import io.tenantmq.gateway.tencent.TencentErrors;
import io.tenantmq.gateway.tencent.TencentException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * {@code PublishMessage}: publishes into an instance as an MQTT client would; every matching subscriber on any node
 * receives it.
 * <pre>
 * SDK mqtt/v20240516 PublishMessageRequest:
 *   InstanceId String · Payload String (encoded as Encoding says) · TargetTopic String | TargetClientId String
 *   (exactly one) · Encoding String (plain (default) | base64) · Qos Long (default 1) · Retain Boolean (default
 *   false; only with TargetTopic)
 * PublishMessageResponse: RequestId only
 * </pre>
 * {@code TargetClientId} (a message to one client, outside topic routing) has no counterpart in the broker's command
 * interface, so it answers {@code UnsupportedOperation} and publishes nothing. A publish no subscription matches
 * succeeds, as it does for an MQTT client.
 */
final class PublishMessage implements MqttAction<PublishMessage.Request> {

  static final String UNSUPPORTED_OPERATION = "UnsupportedOperation";

  record Request(String instanceId, byte[] payload, String topic, int qos, boolean retain) {
  }

  @Override
  public Request read(Params params) {
    String instanceId = params.requiredNonEmptyString("InstanceId");
    String payload = params.requiredString("Payload");
    String topic = params.string("TargetTopic").orElse(null);
    String targetClientId = params.string("TargetClientId").orElse(null);
    String encoding = params.string("Encoding").orElse("plain");
    int qos = params.integer("Qos", 0, 2).orElse(1L).intValue();
    boolean retain = params.bool("Retain").orElse(false);
    byte[] bytes = decode(payload, encoding);
    if (topic == null && targetClientId == null) {
      throw TencentErrors.missingParameter("TargetTopic");
    }
    if (topic != null && targetClientId != null) {
      throw TencentErrors.invalidParameterValue("TargetClientId", "must be absent when TargetTopic is given");
    }
    if (targetClientId != null) {
      if (retain) {
        throw TencentErrors.invalidParameterValue("Retain", "may only be true with TargetTopic");
      }
      throw new TencentException(UNSUPPORTED_OPERATION,
          "TargetClientId is not supported; publish to a TargetTopic the client subscribes to.");
    }
    return new Request(instanceId, bytes, TopicRules.name(params, "TargetTopic"), qos, retain);
  }

  @Override
  public Future<JsonObject> execute(ActionCall call, Request request) {
    return call.instance(request.instanceId())
        .compose(instance -> call.await(call.control().commands().publish(new PublishCommand(instance.instanceId(),
            request.topic(), request.payload(), request.qos(), request.retain(), null))))
        .map(matched -> new JsonObject());
  }

  private static byte[] decode(String payload, String encoding) {
    return switch (encoding) {
      case "plain" -> payload.getBytes(StandardCharsets.UTF_8);
      case "base64" -> {
        try {
          yield Base64.getDecoder().decode(payload);
        } catch (IllegalArgumentException e) {
          throw TencentErrors.invalidParameterValue("Payload", "is not valid base64");
        }
      }
      default -> throw TencentErrors.invalidParameterValue("Encoding", "must be plain or base64, was " + encoding);
    };
  }
}
