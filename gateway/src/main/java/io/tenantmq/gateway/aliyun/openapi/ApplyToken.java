package io.tenantmq.gateway.aliyun.openapi;

import io.tenantmq.control.token.TokenRequest;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Locale;

/**
 * Issues a token for the instance: {@code Actions} (R, W, R,W), {@code Resources} (topic filters), {@code ExpireTime}
 * (epoch ms), with the same rules as the token server's {@code /token/apply} ({@link TokenRequest#parse}).
 */
final class ApplyToken implements OnsMqttAction {

  @Override
  public String name() {
    return "ApplyToken";
  }

  @Override
  public Future<JsonObject> execute(OnsMqttCall call) {
    RpcParams params = call.params();
    TokenRequest request;
    try {
      request = TokenRequest.parse(call.key().tenantId(), call.instance().instanceId(), call.key().accessKeyId(),
          params.required("Actions"), params.required("Resources"), params.required("ExpireTime"), call.nowMillis());
    } catch (IllegalArgumentException e) {
      throw OnsMqttErrors.invalidParameter(parameterNamed(e.getMessage()), e.getMessage());
    }
    return call.await(call.control().tokens().apply(request))
        .map(issued -> new JsonObject().put("Token", issued.token()));
  }

  /** TokenRequest's messages start with the wire name of the bad parameter (actions, resources, expireTime). */
  static String parameterNamed(String message) {
    String first = message.split("[ :]", 2)[0];
    return switch (first.toLowerCase(Locale.ROOT)) {
      case "actions" -> "Actions";
      case "resources" -> "Resources";
      case "expiretime" -> "ExpireTime";
      default -> "Token";
    };
  }
}
