package io.tenantmq.deploy.emqx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import io.tenantmq.control.acl.AclRule;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /api/v5/authorization/sources/built_in_database/rules/…} with EMQX 5's shapes and errors, on the API key's
 * instance's topic ACL (the admin API's rules): the three kinds as groups of the one ordered list, checked clients
 * first, then users, then all; a rule set here denies a real client; another tenant's key never sees or touches them.
 */
class AuthzRulesApiTest {

  static final String RULES = "/api/v5/authorization/sources/built_in_database/rules";

  @TempDir
  static Path dataDir;
  static EmqxNode emqx;
  static final String RUN = EmqxNode.shortId();

  @BeforeAll
  static void start() throws Exception {
    emqx = new EmqxNode(dataDir);
  }

  @AfterAll
  static void stop() throws Exception {
    emqx.close();
  }

  static Map<String, Object> rule(String permission, String action, String topic) {
    return Map.of("permission", permission, "action", action, "topic", topic);
  }

  static List<AclRule> stored(String instanceId) {
    return EmqxNode.join(emqx.control.acl().rules(instanceId));
  }

  static void assertError(EmqxHttp.Answer answer, int status, String code, String inMessage) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.object().getString("code")).as(answer.body()).isEqualTo(code);
    assertThat(answer.object().getString("message")).contains(inMessage);
  }

  @Test
  void theThreeKindsAreGroupsOfOneListInEmqxsCheckingOrder() {
    String user = "u-" + RUN;
    String client = "c-" + RUN;
    assertThat(emqx.api.post(RULES + "/all", Map.of("rules", List.of(rule("deny", "all", "#")))).status())
        .isEqualTo(204);
    assertThat(emqx.api.post(RULES + "/users", List.of(Map.of("username", user,
        "rules", List.of(rule("allow", "publish", "users/${username}/#")))))
        .status()).isEqualTo(204);
    assertThat(emqx.api.post(RULES + "/clients", List.of(Map.of("clientid", client,
        "rules", List.of(rule("allow", "subscribe", "eq clients/#"), rule("deny", "publish", "x")))))).extracting(
        EmqxHttp.Answer::status).isEqualTo(204);

    assertThat(stored(emqx.demoInstance)).extracting(AclRule::topic)
        .containsExactly("eq clients/#", "x", "users/${username}/#", "#");
    assertThat(emqx.api.get(RULES + "/all").object().getJsonArray("rules"))
        .containsExactly(new JsonObject().put("topic", "#").put("permission", "deny").put("action", "all"));
    JsonObject users = emqx.api.get(RULES + "/users?like_username=" + RUN).object();
    assertThat(users.getJsonArray("data")).hasSize(1);
    assertThat(users.getJsonArray("data").getJsonObject(0).getString("username")).isEqualTo(user);
    assertThat(users.getJsonObject("meta").getInteger("count")).isEqualTo(1);
    JsonObject one = emqx.api.get(RULES + "/clients/" + client).object();
    assertThat(one.getString("clientid")).isEqualTo(client);
    assertThat(one.getJsonArray("rules")).hasSize(2);

    assertError(emqx.api.post(RULES + "/users", List.of(Map.of("username", user, "rules", List.of()))), 409,
        "ALREADY_EXISTS", "Users '" + user + "' already exist");
    // a PUT replaces the group where it is
    assertThat(emqx.api.put(RULES + "/users/" + user, Map.of("username", user,
        "rules", List.of(rule("deny", "subscribe", "a"), rule("deny", "subscribe", "b")))).status()).isEqualTo(204);
    assertThat(stored(emqx.demoInstance)).extracting(AclRule::topic).containsExactly("eq clients/#", "x", "a", "b", "#");

    assertThat(emqx.api.delete(RULES + "/clients/" + client).status()).isEqualTo(204);
    assertError(emqx.api.delete(RULES + "/clients/" + client), 404, "NOT_FOUND", "ClientID Not Found");
    assertError(emqx.api.get(RULES + "/clients/" + client), 404, "NOT_FOUND", "Not Found");
    assertThat(emqx.api.delete(RULES + "/users/" + user).status()).isEqualTo(204);
    assertThat(emqx.api.delete(RULES + "/all").status()).isEqualTo(204);
    assertThat(emqx.api.get(RULES + "/all").object().getJsonArray("rules")).isEmpty();
    assertThat(stored(emqx.demoInstance)).isEmpty();
  }

  @Test
  void badRulesAreBadRequestsAndChangeNothing() {
    String user = "bad-" + RUN;
    assertError(emqx.api.put(RULES + "/users/" + user, Map.of("username", user,
        "rules", List.of(rule("allow", "publish", "ok"), rule("allow", "publish", "a/#/b")))), 400, "BAD_REQUEST",
        "rules[1]: topic 'a/#/b' is not a valid topic filter");
    assertError(emqx.api.put(RULES + "/users/" + user, Map.of("username", user,
        "rules", List.of(rule("allow", "pubsub", "t")))), 400, "BAD_REQUEST", "action must be publish, subscribe or all");
    assertError(emqx.api.put(RULES + "/users/" + user, Map.of("username", user,
        "rules", List.of(Map.of("permission", "allow", "action", "publish", "topic", "t", "qos", List.of(1))))),
        400, "BAD_REQUEST", "qos conditions are not supported");
    assertError(emqx.api.put(RULES + "/users/" + user, Map.of("username", "someone-else", "rules", List.of())),
        400, "BAD_REQUEST", "username");
    assertError(emqx.api.post(RULES + "/all", Map.of("rules", "deny")), 400, "BAD_REQUEST", "rules");
    assertThat(emqx.api.get(RULES + "/users/" + user).status()).isEqualTo(404);
  }

  @Test
  void aRuleSetThroughTheEmqxApiDeniesTheUsersNextPublish() {
    String user = "pub-" + RUN;
    emqx.user(user);
    Mqtt5BlockingClient c = emqx.mqtt5("dev-" + RUN);
    c.connectWith().simpleAuth().username(user).password("pw".getBytes(StandardCharsets.UTF_8)).applySimpleAuth()
        .send();
    try {
      assertThat(publish(c, "alarms/1")).isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
      assertThat(emqx.api.put(RULES + "/users/" + user, Map.of("username", user,
          "rules", List.of(rule("deny", "publish", "alarms/#")))).status()).isEqualTo(204);
      await().atMost(Duration.ofSeconds(10)).until(() -> publish(c, "alarms/1") == Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
      assertThat(publish(c, "other/1")).isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
    } finally {
      c.disconnect();
      emqx.api.delete(RULES + "/users/" + user);
    }
  }

  @Test
  void anotherTenantsKeyNeitherSeesNorTouchesTheRules() {
    String user = "mine-" + RUN;
    emqx.api.put(RULES + "/users/" + user, Map.of("username", user, "rules", List.of(rule("deny", "all", "t"))));
    try {
      assertThat(emqx.otherTenant.get(RULES + "/users").object().getJsonArray("data")).isEmpty();
      assertThat(emqx.otherTenant.get(RULES + "/users/" + user).status()).isEqualTo(404);
      assertThat(emqx.otherTenant.delete(RULES + "/users/" + user).status()).isEqualTo(404);
      assertThat(emqx.otherTenant.post(RULES + "/all", Map.of("rules", List.of(rule("deny", "all", "#")))).status())
          .isEqualTo(204);
      assertThat(stored(emqx.otherInstance)).extracting(AclRule::topic).containsExactly("#");
      assertThat(stored(emqx.demoInstance)).extracting(AclRule::topic).containsExactly("t");
      assertThat(emqx.api.get(RULES + "/all").object().getJsonArray("rules")).isEqualTo(new JsonArray());
    } finally {
      emqx.api.delete(RULES + "/users/" + user);
      emqx.otherTenant.delete(RULES + "/all");
    }
  }

  private static Mqtt5PubAckReasonCode publish(Mqtt5BlockingClient c, String topic) {
    Mqtt5PubAckException e = catchThrowableOfType(Mqtt5PubAckException.class, () -> c.publishWith().topic(topic)
        .qos(MqttQos.AT_LEAST_ONCE).payload("x".getBytes(StandardCharsets.UTF_8)).send());
    return e == null ? Mqtt5PubAckReasonCode.SUCCESS : e.getMqttMessage().getReasonCode();
  }
}
