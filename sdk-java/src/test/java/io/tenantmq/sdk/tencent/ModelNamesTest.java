package io.tenantmq.sdk.tencent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantmq.sdk.tencent.mqtt.MqttModels.MQTTClientInfo;
import io.tenantmq.sdk.tencent.mqtt.MqttModels.PublishMessageRequest;
import io.tenantmq.sdk.tencent.trocket.TrocketModels.DescribeMQTTClientResponse;
import io.tenantmq.sdk.tencent.trocket.TrocketModels.PacketStatistics;
import io.tenantmq.sdk.tencent.trocket.TrocketModels.StatisticsReport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON names of the records are the API's, in the SDK's declaration order, including the MQTT-prefixed ones. */
class ModelNamesTest {

  @Test
  void describeMqttClientResponseHasTheSdkFieldNamesInOrder() {
    StatisticsReport report = new StatisticsReport(1L, List.of(new PacketStatistics("PUBLISH", 1L, 2L)));
    JsonNode json = TencentStyleClient.JSON.valueToTree(new DescribeMQTTClientResponse("c", "a", 4L, 60L, "CONNECTED",
        1L, 2L, 0L, List.of(), report, report, true, "r"));
    assertThat(names(json)).containsExactly("ClientId", "ClientAddress", "ProtocolVersion", "Keepalive",
        "ConnectionStatus", "CreateTime", "ConnectTime", "DisconnectTime", "MQTTClientSubscriptions", "Inbound",
        "OutBound", "CleanSession", "RequestId");
    assertThat(names(json.get("Inbound"))).containsExactly("Bytes", "Items");
    assertThat(names(json.get("Inbound").get("Items").get(0))).containsExactly("MessageType", "Qos", "Count");
  }

  @Test
  void clientInfoOfTheSuccessorVersionKeepsItsMqttPrefix() {
    JsonNode json = TencentStyleClient.JSON.valueToTree(new MQTTClientInfo("c", "a", 5L, 30L, "DISCONNECTED", 1L, 2L,
        3L, List.of(), false, 3600L));
    assertThat(names(json)).containsExactly("ClientId", "ClientAddress", "ProtocolVersion", "Keepalive",
        "ConnectionStatus", "CreateTime", "ConnectTime", "DisconnectTime", "MQTTClientSubscriptions", "CleanSession",
        "ExpireIntervalInSeconds");
  }

  @Test
  void publishToTopicSendsOnlyWhatIsSet() {
    JsonNode json = TencentStyleClient.JSON.valueToTree(PublishMessageRequest.toTopic("mqtt-1", "a/b", "hi", 1));
    assertThat(json.toString()).isEqualTo("{\"InstanceId\":\"mqtt-1\",\"Payload\":\"hi\",\"TargetTopic\":\"a/b\",\"Qos\":1}");
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
