package io.tenantmq.sdk.tencent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tenantmq.sdk.tencent.mqtt.MqttModels.MQTTClientInfo;
import io.tenantmq.sdk.tencent.mqtt.MqttModels.PublishMessageRequest;
import io.tenantmq.sdk.tencent.trocket.TrocketModels.DescribeMQTTClientResponse;
import io.tenantmq.sdk.tencent.trocket.TrocketModels.PacketStatistics;
import io.tenantmq.sdk.tencent.trocket.TrocketModels.StatisticsReport;
import io.tenantmq.sdk.tencent.mqtt.MqttModels;
import io.tenantmq.sdk.tencent.trocket.TrocketModels;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The JSON names of the records are the API's, in the SDK's declaration order, including the MQTT-prefixed ones. */
class ModelNamesTest {

  /** Records that keep only some of the SDK's fields: the instance answers of 2024-05-16 leave out billing fields. */
  static final Set<String> SUBSETS = Set.of("2024-05-16 DescribeInstanceResponse", "2024-05-16 MQTTInstanceItem");
  /** Fields TenantMQ answers beyond the SDK's model. */
  static final Map<String, Set<String>> ADDITIONS = Map.of("2023-03-08 CreateMQTTUserResponse", Set.of("Password"));

  static Map<String, List<String>> sdkModels() throws Exception {
    Map<String, List<String>> models = new HashMap<>();
    try (var in = ModelNamesTest.class.getResourceAsStream("/sdk-models.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          String[] parts = line.trim().split(" ");
          models.put(parts[0] + " " + parts[1], List.of(parts[2].split(",")));
        }
      }
    }
    return models;
  }

  static Stream<Arguments> everyRecord() {
    return Stream.of(Map.entry("2023-03-08", TrocketModels.class), Map.entry("2024-05-16", MqttModels.class),
            Map.entry("common", ModelNamesTest.class))
        .flatMap(e -> (e.getValue() == ModelNamesTest.class ? Stream.<Class<?>>of(Filter.class)
            : Arrays.stream(e.getValue().getDeclaredClasses()).filter(Class::isRecord))
            .map(c -> Arguments.of(e.getKey(), c)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("everyRecord")
  void everyRecordHasTheSdkNamesInOrderAndReadsBackWhatItWrote(String version, Class<?> type) throws Exception {
    List<String> sdk = sdkModels().get(version + " " + type.getSimpleName());
    assertThat(sdk).as("the SDK has a model %s in %s", type.getSimpleName(), version).isNotNull();
    Object value = sample(type);
    JsonNode json = TencentStyleClient.JSON.valueToTree(value);

    List<String> ours = names(json);
    ours.removeAll(ADDITIONS.getOrDefault(version + " " + type.getSimpleName(), Set.of()));
    if (SUBSETS.contains(version + " " + type.getSimpleName())) {
      assertThat(sdk).containsSubsequence(ours);
    } else {
      assertThat(ours).containsExactlyElementsOf(sdk);
    }
    assertThat(TencentStyleClient.JSON.treeToValue(json, type)).isEqualTo(value);
  }

  /** An instance with every component set, so that none is left out of the JSON. */
  static Object sample(Class<?> type) throws Exception {
    RecordComponent[] components = type.getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      values[i] = sampleOf(components[i].getType(), components[i].getGenericType());
    }
    return type.getDeclaredConstructor(types).newInstance(values);
  }

  private static Object sampleOf(Class<?> type, Type generic) throws Exception {
    if (type == String.class) {
      return "s";
    } else if (type == Long.class) {
      return 7L;
    } else if (type == Boolean.class) {
      return true;
    } else if (type == List.class) {
      Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
      return List.of(sampleOf((Class<?>) element, element));
    } else if (type.isRecord()) {
      return sample(type);
    }
    throw new IllegalArgumentException("no sample for " + type);
  }

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
