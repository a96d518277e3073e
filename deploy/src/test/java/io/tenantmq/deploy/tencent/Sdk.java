package io.tenantmq.deploy.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;

/** Calls through the official SDK's {@code CommonClient} and reads the {@code Response}. */
final class Sdk {

  static final ObjectMapper JSON = new ObjectMapper();

  private Sdk() {
  }

  /** The {@code Response} of a successful call; the SDK throws on {@code Response.Error}. */
  static JsonNode call(CommonClient client, String action, Object params) {
    try {
      String body = client.call(action, params instanceof String s ? s : JSON.writeValueAsString(params));
      return JSON.readTree(body).get("Response");
    } catch (Exception e) {
      throw new AssertionError(action + " failed: " + e, e);
    }
  }

  /** The SDK's exception of a call that must fail. */
  static TencentCloudSDKException error(CommonClient client, String action, Object params) {
    try {
      String body = client.call(action, params instanceof String s ? s : JSON.writeValueAsString(params));
      throw new AssertionError(action + " should have failed but answered " + body);
    } catch (TencentCloudSDKException e) {
      return e;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static ObjectNode params() {
    return JSON.createObjectNode();
  }
}
