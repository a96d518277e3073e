package io.tenantmq.deploy.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.aliyuncs.CommonRequest;
import com.aliyuncs.CommonResponse;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.MethodType;
import com.aliyuncs.http.ProtocolType;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same pull and ack as actions of the other dialects, called with their official SDKs: Tencent's
 * {@code CommonClient} ({@code ReceiveMQTTClientEvents} / {@code AckMQTTClientEvents}, trocket 2023-03-08) and
 * Aliyun's {@code CommonRequest} ({@code ReceiveMqttClientEvents} / {@code AckMqttClientEvents}, OnsMqtt 2020-04-20),
 * with each dialect's errors, while real HiveMQ clients connect and disconnect.
 */
class EventActionsSdkTest {

  @TempDir
  static Path dataDir;
  static EventsNode events;
  static CommonClient tencent;
  static CommonClient otherTencent;
  static DefaultAcsClient aliyun;

  @BeforeAll
  static void start() throws Exception {
    events = new EventsNode(dataDir);
    tencent = events.tencent(events.demoTenant);
    otherTencent = events.tencent(EventsNode.join(events.control.tenants().instance(events.otherInstance))
        .orElseThrow().tenantId());
    aliyun = events.aliyun(events.demoTenant);
  }

  @AfterAll
  static void stop() {
    if (aliyun != null) {
      aliyun.shutdown();
    }
    if (events != null) {
      events.close();
    }
  }

  static String connectAndDisconnect() {
    String gid = "GID_k" + EventsNode.shortId();
    String clientId = gid + "@@@dev1";
    Mqtt3BlockingClient device = events.mqtt3(clientId);
    device.connect();
    device.disconnect();
    await().atMost(Duration.ofSeconds(10)).until(() -> EventsNode.join(events.control.events()
        .history(events.demoInstance, clientId, 0, Long.MAX_VALUE)).size() == 3);
    return gid;
  }

  static JsonObject tencentCall(CommonClient client, String action, JsonObject params) throws TencentCloudSDKException {
    return new JsonObject(client.call(action, params.encode())).getJsonObject("Response");
  }

  static String tencentError(CommonClient client, String action, JsonObject params) {
    TencentCloudSDKException e = catchThrowableOfType(TencentCloudSDKException.class,
        () -> tencentCall(client, action, params));
    assertThat(e).as(action + " must fail").isNotNull();
    assertThat(e.getRequestId()).isNotBlank();
    return e.getErrorCode();
  }

  static CommonRequest aliyunRequest(String action, Map<String, String> params) {
    CommonRequest request = new CommonRequest();
    request.setSysDomain("127.0.0.1:" + events.httpPort);
    request.setSysProtocol(ProtocolType.HTTP);
    request.setSysVersion("2020-04-20");
    request.setSysAction(action);
    request.setSysMethod(MethodType.POST);
    params.forEach(request::putQueryParameter);
    return request;
  }

  static JsonObject aliyunCall(String action, Map<String, String> params) throws ClientException {
    CommonResponse response = aliyun.getCommonResponse(aliyunRequest(action, params));
    assertThat(response.getHttpStatus()).isEqualTo(200);
    return new JsonObject(response.getData());
  }

  static String aliyunError(String action, Map<String, String> params) {
    ClientException e = catchThrowableOfType(ClientException.class,
        () -> aliyun.getCommonResponse(aliyunRequest(action, params)));
    assertThat(e).as(action + " must fail").isNotNull();
    return e.getErrCode();
  }

  @Test
  void tencentCommonClientReceivesAndAcks() throws Exception {
    String gid = connectAndDisconnect();
    JsonObject params = new JsonObject().put("InstanceId", events.demoInstance).put("Topic", gid + "_MQTT")
        .put("ConsumerGroup", "GID_backend").put("From", "first").put("MaxNumber", 10).put("WaitSeconds", 1)
        .put("Tags", "connect||tcpclean");
    JsonObject received = tencentCall(tencent, "ReceiveMQTTClientEvents", params);
    JsonArray got = received.getJsonArray("Events");
    assertThat(got).hasSize(2);
    JsonObject first = got.getJsonObject(0);
    assertThat(first.getString("Tag")).isEqualTo("connect");
    assertThat(first.getInteger("DeliveryCount")).isEqualTo(1);
    assertThat(first.getJsonObject("Body").getString("clientId")).isEqualTo(gid + "@@@dev1");
    assertThat(first.getJsonObject("Body").getLong("offset")).isEqualTo(first.getLong("Offset"));
    assertThat(received.getLong("CommittedOffset")).isNotNull();
    assertThat(received.getString("RequestId")).isNotBlank();

    JsonArray handles = new JsonArray(got.stream().map(e -> ((JsonObject) e).getString("ReceiptHandle")).toList());
    JsonObject acked = tencentCall(tencent, "AckMQTTClientEvents", new JsonObject()
        .put("InstanceId", events.demoInstance).put("Topic", gid + "_MQTT").put("ConsumerGroup", "GID_backend")
        .put("ReceiptHandles", handles));
    assertThat(acked.getInteger("AckedCount")).isEqualTo(2);
    assertThat(tencentCall(tencent, "ReceiveMQTTClientEvents", params.copy().put("WaitSeconds", 0))
        .getJsonArray("Events")).isEmpty();
  }

  @Test
  void tencentErrorsAreTencents() {
    JsonObject params = new JsonObject().put("InstanceId", events.demoInstance).put("Topic", events.demoInstance)
        .put("ConsumerGroup", "g");
    assertThat(tencentError(tencent, "ReceiveMQTTClientEvents", params.copy().put("MaxNumber", 0)))
        .isEqualTo("InvalidParameterValue");
    assertThat(tencentError(tencent, "ReceiveMQTTClientEvents", params.copy().put("WaitSeconds", 31)))
        .isEqualTo("InvalidParameterValue");
    assertThat(tencentError(tencent, "ReceiveMQTTClientEvents", params.copy().put("Tags", "online")))
        .isEqualTo("InvalidParameterValue");
    assertThat(tencentError(tencent, "ReceiveMQTTClientEvents", params.copy().put("Topic", "orders")))
        .isEqualTo("InvalidParameterValue");
    assertThat(tencentError(tencent, "ReceiveMQTTClientEvents", params.copy().put("Mode", "BROADCASTING")))
        .isEqualTo("MissingParameter");
    JsonObject noGroup = params.copy();
    noGroup.remove("ConsumerGroup");
    assertThat(tencentError(tencent, "ReceiveMQTTClientEvents", noGroup)).isEqualTo("MissingParameter");
    assertThat(tencentError(tencent, "ReceiveMQTTClientEvents", params.copy().put("Offset", 3)))
        .isEqualTo("UnknownParameter");
    assertThat(tencentError(tencent, "AckMQTTClientEvents", params.copy().put("ReceiptHandles", new JsonArray())))
        .isEqualTo("InvalidParameterValue");
    // another tenant's credential: the demo instance is not there at all
    assertThat(tencentError(otherTencent, "ReceiveMQTTClientEvents", params)).isEqualTo("ResourceNotFound.Instance");
    assertThat(tencentError(otherTencent, "AckMQTTClientEvents", params.copy()
        .put("ReceiptHandles", new JsonArray().add("h")))).isEqualTo("ResourceNotFound.Instance");
  }

  @Test
  void aliyunCommonRequestReceivesAndAcks() throws Exception {
    String gid = connectAndDisconnect();
    Map<String, String> params = new LinkedHashMap<>();
    params.put("InstanceId", events.demoInstance);
    params.put("Topic", gid + "_MQTT");
    params.put("ConsumerGroup", "GID_backend");
    params.put("From", "first");
    params.put("MaxNumber", "10");
    JsonObject received = aliyunCall("ReceiveMqttClientEvents", params);
    JsonArray got = received.getJsonArray("Events");
    assertThat(got.stream().map(e -> ((JsonObject) e).getString("Tag")).toList())
        .containsExactly("connect", "disconnect", "tcpclean");
    assertThat(got.getJsonObject(2).getJsonObject("Body").getString("eventType")).isEqualTo("tcpclean");
    assertThat(received.getString("RequestId")).isNotBlank();

    Map<String, String> ack = new LinkedHashMap<>();
    ack.put("InstanceId", events.demoInstance);
    ack.put("Topic", gid + "_MQTT");
    ack.put("ConsumerGroup", "GID_backend");
    List<String> handles = got.stream().map(e -> ((JsonObject) e).getString("ReceiptHandle")).toList();
    for (int i = 0; i < handles.size(); i++) {
      ack.put("ReceiptHandle." + (i + 1), handles.get(i));
    }
    assertThat(aliyunCall("AckMqttClientEvents", ack).getInteger("AckedCount")).isEqualTo(3);
    assertThat(aliyunCall("AckMqttClientEvents", ack).getInteger("AckedCount")).isZero();
  }

  @Test
  void aliyunErrorsAreOnsMqtts() {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("InstanceId", events.demoInstance);
    params.put("Topic", events.demoInstance);
    params.put("ConsumerGroup", "g");
    assertThat(aliyunError("ReceiveMqttClientEvents", with(params, "MaxNumber", "1001")))
        .isEqualTo("InvalidParameter.MaxNumber");
    assertThat(aliyunError("ReceiveMqttClientEvents", with(params, "InvisibleSeconds", "0")))
        .isEqualTo("InvalidParameter.InvisibleSeconds");
    assertThat(aliyunError("ReceiveMqttClientEvents", with(params, "ConsumerGroup", "")))
        .isEqualTo("MissingConsumerGroup");
    assertThat(aliyunError("AckMqttClientEvents", params)).isEqualTo("MissingReceiptHandle.1");
    assertThat(aliyunError("ReceiveMqttClientEvents", with(params, "InstanceId", events.otherInstance)))
        .isEqualTo("InstancePermissionCheckFailed");
  }

  static Map<String, String> with(Map<String, String> params, String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(params);
    copy.put(name, value);
    return copy;
  }
}
