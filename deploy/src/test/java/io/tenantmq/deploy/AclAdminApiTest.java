package io.tenantmq.deploy;

import static io.tenantmq.deploy.OutsideClients.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin API's topic ACL routes on the whole product, called with the JDK's HttpClient: list, replace, add and
 * delete single rules, every bad input refused in the admin envelope without a change, a rule set through the API
 * denying a real MQTT client, and the rules still there after the node restarts on its data directory.
 */
class AclAdminApiTest {

  static final String TOKEN = "operator-" + UUID.randomUUID();
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path dataDir;
  static NodeFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture = NodeFixture.start(dataDir, TOKEN);
  }

  @AfterAll
  static void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  record Reply(int status, JsonNode json) {
    String code() {
      return json.path("error").path("code").asText();
    }

    String message() {
      return json.path("error").path("message").asText();
    }
  }

  static Reply call(String method, String path, String body) throws Exception {
    HttpResponse<String> r = admin(fixture.httpPort(), TOKEN, method, path, body);
    return new Reply(r.statusCode(), r.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(r.body()));
  }

  static String instance() throws Exception {
    String tenant = call("POST", "/admin/v1/tenants", null).json().get("tenantId").asText();
    Reply r = call("POST", "/admin/v1/tenants/" + tenant + "/instances", null);
    assertThat(r.status()).isEqualTo(201);
    return r.json().get("instanceId").asText();
  }

  static void assertBadRequest(Reply r, String... named) {
    assertThat(r.status()).as(r.json().toString()).isEqualTo(400);
    assertThat(r.code()).isEqualTo("INVALID_PARAMETER");
    assertThat(r.message()).contains(named);
  }

  @Test
  void rulesAreReplacedListedAddedAndDeletedInOrder() throws Exception {
    String id = instance();
    String path = "/admin/v1/instances/" + id + "/acl";
    assertThat(call("GET", path, null).json().get("rules")).isEmpty();

    Reply put = call("PUT", path, """
        {"rules":[
          {"permission":"allow","action":"publish","topic":"devices/${clientid}/#"},
          {"permission":"deny","action":"all","topic":"devices/#","username":"guest"},
          {"permission":"deny","action":"subscribe","topic":"eq #","clientid":"c-1"}]}""");
    assertThat(put.status()).isEqualTo(200);
    assertThat(put.json().get("rules")).hasSize(3);
    JsonNode listed = call("GET", path, null).json();
    assertThat(listed).isEqualTo(put.json());
    assertThat(listed.get("rules").get(1).toString())
        .isEqualTo("{\"permission\":\"deny\",\"action\":\"all\",\"topic\":\"devices/#\",\"username\":\"guest\"}");

    Reply added = call("POST", path + "/rules",
        "{\"permission\":\"deny\",\"action\":\"publish\",\"topic\":\"first\",\"position\":0}");
    assertThat(added.status()).isEqualTo(201);
    assertThat(added.json().get("rules").get(0).get("topic").asText()).isEqualTo("first");
    assertThat(call("POST", path + "/rules", "{\"permission\":\"allow\",\"action\":\"all\",\"topic\":\"last\"}")
        .json().get("rules")).hasSize(5);
    assertThat(call("GET", path, null).json().get("rules").get(4).get("topic").asText()).isEqualTo("last");

    assertThat(call("DELETE", path + "/rules/0", null).status()).isEqualTo(204);
    JsonNode after = call("GET", path, null).json().get("rules");
    assertThat(after).hasSize(4);
    assertThat(after.get(0).get("topic").asText()).isEqualTo("devices/${clientid}/#");
    Reply missing = call("DELETE", path + "/rules/9", null);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.code()).isEqualTo("NOT_FOUND");
    assertThat(missing.message()).contains("no rule at position 9");

    assertThat(call("PUT", path, "{\"rules\":[]}").status()).isEqualTo(200);
    assertThat(call("GET", path, null).json().get("rules")).isEmpty();
  }

  @Test
  void badRulesAreRefusedNamingTheProblemAndChangeNothing() throws Exception {
    String id = instance();
    String path = "/admin/v1/instances/" + id + "/acl";
    String kept = "{\"rules\":[{\"permission\":\"deny\",\"action\":\"publish\",\"topic\":\"kept\"}]}";
    JsonNode before = call("PUT", path, kept).json();

    assertBadRequest(call("PUT", path, "{\"rules\":[{\"permission\":\"allow\",\"action\":\"publish\",\"topic\":\"a\"},"
        + "{\"permission\":\"allow\",\"action\":\"publish\",\"topic\":\"a/#/b\"}]}"), "rules[1]", "'#' only as a whole");
    assertBadRequest(call("PUT", path, "{\"rules\":[{\"permission\":\"allow\",\"action\":\"pubsub\",\"topic\":\"a\"}]}"),
        "rules[0]", "action must be publish, subscribe or all, was 'pubsub'");
    assertBadRequest(call("PUT", path, "{\"rules\":[{\"permission\":\"grant\",\"action\":\"all\",\"topic\":\"a\"}]}"),
        "permission must be allow or deny");
    assertBadRequest(call("PUT", path, "{\"rules\":[{\"permission\":\"allow\",\"action\":\"all\",\"topic\":\"t/${ip}\"}]}"),
        "unknown placeholder '${ip}'");
    assertBadRequest(call("PUT", path, "{\"rules\":[{\"permission\":\"allow\",\"action\":\"all\"}]}"), "topic is required");
    assertBadRequest(call("PUT", path, "{\"rules\":[{\"permission\":\"allow\",\"action\":\"all\",\"topic\":\"t\","
        + "\"username\":\"u\",\"clientid\":\"c\"}]}"), "not both");
    assertBadRequest(call("PUT", path, "{\"rules\":[{\"permission\":\"allow\",\"action\":\"all\",\"topic\":\"t\","
        + "\"qos\":[1]}]}"), "rules[0]", "unknown field 'qos'");
    assertBadRequest(call("PUT", path, "{\"rules\":{}}"), "rules must be an array");
    assertBadRequest(call("PUT", path, "{\"rules\":[\"deny all\"]}"), "rules[0]: must be an object");
    assertBadRequest(call("PUT", path, "{}"), "rules is required");
    assertBadRequest(call("PUT", path, "[1]"), "JSON object");
    assertBadRequest(call("POST", path + "/rules", "{\"permission\":\"allow\",\"action\":\"all\",\"topic\":\"+x\"}"),
        "'+' only as a whole level");
    assertBadRequest(call("POST", path + "/rules",
        "{\"permission\":\"allow\",\"action\":\"all\",\"topic\":\"t\",\"position\":7}"), "position must be 0 to 1");
    assertBadRequest(call("POST", path + "/rules",
        "{\"permission\":\"allow\",\"action\":\"all\",\"topic\":\"t\",\"position\":\"first\"}"), "position must be an integer");
    assertBadRequest(call("DELETE", path + "/rules/first", null), "position must be a rule's index");

    assertThat(call("GET", path, null).json()).isEqualTo(before);
    Reply unknown = call("GET", "/admin/v1/instances/no-such-instance/acl", null);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.code()).isEqualTo("NOT_FOUND");
    assertThat(call("PUT", "/admin/v1/instances/no-such-instance/acl", kept).status()).isEqualTo(404);
  }

  @Test
  void aRuleSetThroughTheApiDeniesAConnectedClientAndOutlivesARestart() throws Exception {
    String id = instance();
    String path = "/admin/v1/instances/" + id + "/acl";
    assertThat(call("POST", "/admin/v1/instances/" + id + "/users",
        "{\"username\":\"dev\",\"password\":\"pw-dev-1\"}").status()).isEqualTo(201);
    Mqtt5BlockingClient c = Mqtt5Client.builder().identifier("dev-1").serverHost("127.0.0.1")
        .serverPort(fixture.mqttPort()).buildBlocking();
    c.connectWith().simpleAuth().username("dev@" + id).password("pw-dev-1".getBytes(StandardCharsets.UTF_8))
        .applySimpleAuth().send();
    try {
      assertThat(publish(c, "alarms/a")).isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
      call("PUT", path, "{\"rules\":[{\"permission\":\"deny\",\"action\":\"publish\",\"topic\":\"alarms/#\"}]}");
      // the node's copy follows the map's entry events: the connected client's next PUBLISH is judged by the rule
      await().atMost(Duration.ofSeconds(10)).until(() -> publish(c, "alarms/a") == Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
    } finally {
      c.disconnect();
    }
    JsonNode before = call("GET", path, null).json();

    fixture.close();
    fixture = NodeFixture.start(dataDir, TOKEN);
    assertThat(call("GET", path, null).json()).isEqualTo(before);
    Mqtt5BlockingClient again = Mqtt5Client.builder().identifier("dev-1").serverHost("127.0.0.1")
        .serverPort(fixture.mqttPort()).buildBlocking();
    again.connectWith().simpleAuth().username("dev@" + id).password("pw-dev-1".getBytes(StandardCharsets.UTF_8))
        .applySimpleAuth().send();
    try {
      assertThat(publish(again, "alarms/a")).isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
      assertThat(publish(again, "other")).isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
    } finally {
      again.disconnect();
    }
    // deleting the instance deletes its rules: one re-created with the same id starts without them
    assertThat(call("DELETE", "/admin/v1/instances/" + id, null).status()).isEqualTo(204);
    assertThat(fixture.node().control().acl().rules(id).toCompletableFuture().get()).isEmpty();
  }

  private static Mqtt5PubAckReasonCode publish(Mqtt5BlockingClient c, String topic) {
    Mqtt5PubAckException e = catchThrowableOfType(Mqtt5PubAckException.class, () -> c.publishWith().topic(topic)
        .qos(MqttQos.AT_LEAST_ONCE).payload("x".getBytes(StandardCharsets.UTF_8)).send());
    return e == null ? Mqtt5PubAckReasonCode.SUCCESS : e.getMqttMessage().getReasonCode();
  }
}
