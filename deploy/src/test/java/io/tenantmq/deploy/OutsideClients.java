package io.tenantmq.deploy;

import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** How tests reach a running node from outside, as operators, back ends and devices do: admin HTTP, Tencent SDK, MQTT. */
final class OutsideClients {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private OutsideClients() {
  }

  /** An admin API call with the operator token; {@code body} null sends none. */
  static HttpResponse<String> admin(int httpPort, String token, String method, String path, String body)
      throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The official SDK's generic client for product {@code mqtt} 2024-05-16, signing with this key pair. */
  static CommonClient tencent(int httpPort, String secretId, String secretKey) {
    HttpProfile http = new HttpProfile();
    http.setEndpoint("127.0.0.1:" + httpPort);
    http.setProtocol(HttpProfile.REQ_HTTP);
    ClientProfile profile = new ClientProfile();
    profile.setHttpProfile(http);
    return new CommonClient("mqtt", "2024-05-16", new Credential(secretId, secretKey), "ap-guangzhou", profile);
  }

  /** The CONNACK reason code of an MQTT 5 login with this username and password. */
  static Mqtt5ConnAckReasonCode mqttLogin(int mqttPort, String username, String password) {
    Mqtt5BlockingClient client = Mqtt5Client.builder().identifier("login-" + UUID.randomUUID()).serverHost("127.0.0.1")
        .serverPort(mqttPort).buildBlocking();
    try {
      Mqtt5ConnAckReasonCode code = client.connectWith().simpleAuth().username(username)
          .password(password.getBytes(StandardCharsets.UTF_8)).applySimpleAuth().send().getReasonCode();
      client.disconnect();
      return code;
    } catch (Mqtt5ConnAckException refused) {
      return refused.getMqttMessage().getReasonCode();
    }
  }
}
