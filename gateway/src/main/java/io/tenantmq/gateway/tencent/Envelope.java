package io.tenantmq.gateway.tencent;

import io.vertx.core.json.JsonObject;

/**
 * The response envelope of API 3.0 (API-NOTES §1.8): {@code {"Response":{…fields…,"RequestId":…}}} on success,
 * {@code {"Response":{"Error":{"Code","Message"},"RequestId":…}}} on error. Both travel as HTTP 200: the SDK drops
 * the body of any other status.
 */
public final class Envelope {

  private Envelope() {
  }

  public static JsonObject success(JsonObject fields, String requestId) {
    JsonObject response = fields.copy();
    response.remove("RequestId"); // the framework's, always last
    response.put("RequestId", requestId);
    return new JsonObject().put("Response", response);
  }

  public static JsonObject error(TencentException error, String requestId) {
    return new JsonObject().put("Response", new JsonObject()
        .put("Error", new JsonObject().put("Code", error.code()).put("Message", error.getMessage()))
        .put("RequestId", requestId));
  }
}
