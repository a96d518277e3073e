package io.tenantmq.deploy.emqx;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PayloadFormatIndicator;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/v5/publish[/bulk]} against HiveMQ MQTT 5 subscribers of the demo instance: what they receive
 * (payloads, properties, retained messages), EMQX's statuses and bodies, and tenant isolation. Each test uses its own
 * topics under a RUN prefix.
 */
class PublishApiTest {

  @TempDir
  static Path dataDir;
  static EmqxNode emqx;
  static final String RUN = EmqxNode.shortId();
  static final JsonObject NO_MATCH = new JsonObject().put("reason_code", 16).put("message", "no_matching_subscribers");
  static final JsonObject BAD_TOPIC = new JsonObject().put("reason_code", 144).put("message", "topic_name_invalid");
  static Mqtt5BlockingClient subscriber;

  @BeforeAll
  static void start() throws Exception {
    emqx = new EmqxNode(dataDir);
    subscriber = emqx.mqtt5("sub-" + RUN);
    subscriber.connect();
  }

  @AfterAll
  static void stop() throws Exception {
    subscriber.disconnect();
    emqx.close();
  }

  static EmqxHttp.Answer publish(JsonObject message) {
    return emqx.api.post("/api/v5/publish", message);
  }

  static Mqtt5Publish next(Mqtt5BlockingClient.Mqtt5Publishes received) throws InterruptedException {
    return received.receive(10, TimeUnit.SECONDS).orElseThrow(() -> new AssertionError("nothing received"));
  }

  @Test
  void publishWithPropertiesReachesTheSubscriberWithThemAndABase64PayloadDecoded() throws Exception {
    String topic = "pub/" + RUN + "/props";
    subscriber.subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE).send();
    byte[] binary = {0, 1, (byte) 0xfe, (byte) 0xff};
    try (Mqtt5BlockingClient.Mqtt5Publishes received = subscriber.publishes(MqttGlobalPublishFilter.ALL)) {
      EmqxHttp.Answer answer = publish(new JsonObject().put("topic", topic).put("qos", 1)
          .put("payload", Base64.getEncoder().encodeToString(binary)).put("payload_encoding", "base64")
          .put("properties", new JsonObject()
              .put("payload_format_indicator", 0)
              .put("message_expiry_interval", 3600)
              .put("response_topic", "reply/" + RUN)
              .put("correlation_data", "req-42")
              .put("user_properties", new JsonObject().put("origin", "billing").put("attempt", "2"))
              .put("content_type", "application/octet-stream")));
      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
      assertThat(answer.object().fieldNames()).containsExactly("id");
      assertThat(answer.object().getString("id")).matches("[0-9A-F]{32}");

      Mqtt5Publish got = next(received);
      assertThat(got.getTopic().toString()).isEqualTo(topic);
      assertThat(got.getPayloadAsBytes()).isEqualTo(binary);
      assertThat(got.getQos()).isEqualTo(MqttQos.AT_LEAST_ONCE);
      assertThat(got.isRetain()).isFalse();
      assertThat(got.getContentType()).hasValueSatisfying(t -> assertThat(t.toString())
          .isEqualTo("application/octet-stream"));
      assertThat(got.getResponseTopic()).hasValueSatisfying(t -> assertThat(t.toString()).isEqualTo("reply/" + RUN));
      assertThat(got.getCorrelationData().map(PublishApiTest::bytes)).hasValue("req-42".getBytes(StandardCharsets.UTF_8));
      assertThat(got.getMessageExpiryInterval().orElseThrow()).isBetween(3500L, 3600L);
      assertThat(got.getPayloadFormatIndicator()).hasValue(Mqtt5PayloadFormatIndicator.UNSPECIFIED);
      assertThat(got.getUserProperties().asList()).extracting(p -> p.getName() + "=" + p.getValue())
          .containsExactlyInAnyOrder("origin=billing", "attempt=2");
    }
  }

  @Test
  void plainPayloadDefaultsToQos0WithoutProperties() throws Exception {
    String topic = "pub/" + RUN + "/plain";
    subscriber.subscribeWith().topicFilter("pub/" + RUN + "/+").qos(MqttQos.EXACTLY_ONCE).send();
    try (Mqtt5BlockingClient.Mqtt5Publishes received = subscriber.publishes(MqttGlobalPublishFilter.ALL)) {
      assertThat(publish(new JsonObject().put("topic", topic).put("payload", "héllo")).status()).isEqualTo(200);
      Mqtt5Publish got = next(received);
      assertThat(got.getTopic().toString()).isEqualTo(topic);
      assertThat(new String(got.getPayloadAsBytes(), StandardCharsets.UTF_8)).isEqualTo("héllo");
      assertThat(got.getQos()).isEqualTo(MqttQos.AT_MOST_ONCE);
      assertThat(got.getUserProperties().asList()).isEmpty();
      assertThat(got.getContentType()).isEmpty();
      assertThat(got.getMessageExpiryInterval()).isEmpty();
    } finally {
      subscriber.unsubscribeWith().topicFilter("pub/" + RUN + "/+").send();
    }
  }

  @Test
  void publishNobodySubscribesToIs202NoMatchingSubscribers() {
    EmqxHttp.Answer answer = publish(new JsonObject().put("topic", "nobody/" + RUN).put("payload", "x"));
    assertThat(answer.status()).isEqualTo(202);
    assertThat(answer.object()).isEqualTo(NO_MATCH);
  }

  @Test
  void retainedPublishIsStoredAndReachesALaterSubscriber() throws Exception {
    String topic = "retained/" + RUN;
    EmqxHttp.Answer stored = publish(new JsonObject().put("topic", topic).put("payload", "last value")
        .put("retain", true).put("qos", 1));
    assertThat(stored.status()).isEqualTo(202); // nobody subscribed yet; the message is kept all the same
    Mqtt5BlockingClient later = emqx.mqtt5("later-" + RUN);
    later.connect();
    try (Mqtt5BlockingClient.Mqtt5Publishes received = later.publishes(MqttGlobalPublishFilter.ALL)) {
      later.subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE).send();
      Mqtt5Publish got = next(received);
      assertThat(got.getTopic().toString()).isEqualTo(topic);
      assertThat(new String(got.getPayloadAsBytes(), StandardCharsets.UTF_8)).isEqualTo("last value");
      assertThat(got.isRetain()).isTrue();
    } finally {
      later.disconnect();
      publish(new JsonObject().put("topic", topic).put("payload", "").put("retain", true)); // empty: deletes it
    }
  }

  @Test
  void bulkPublishesInOrderAndAnswersOneItemEach() throws Exception {
    String topic = "bulk/" + RUN;
    subscriber.subscribeWith().topicFilter(topic + "/+").qos(MqttQos.AT_LEAST_ONCE).send();
    try (Mqtt5BlockingClient.Mqtt5Publishes received = subscriber.publishes(MqttGlobalPublishFilter.ALL)) {
      EmqxHttp.Answer all = emqx.api.post("/api/v5/publish/bulk", new JsonArray()
          .add(new JsonObject().put("topic", topic + "/1").put("payload", "one"))
          .add(new JsonObject().put("topic", topic + "/2").put("payload", Base64.getEncoder().encodeToString(
              "two".getBytes(StandardCharsets.UTF_8))).put("payload_encoding", "base64").put("qos", 1)));
      assertThat(all.status()).as(all.body()).isEqualTo(200);
      assertThat(all.array()).hasSize(2);
      all.array().forEach(o -> assertThat(((JsonObject) o).getString("id")).matches("[0-9A-F]{32}"));
      assertThat(all.array().getJsonObject(0).getString("id")).isNotEqualTo(all.array().getJsonObject(1).getString("id"));
      assertThat(new String(next(received).getPayloadAsBytes(), StandardCharsets.UTF_8)).isEqualTo("one");
      assertThat(new String(next(received).getPayloadAsBytes(), StandardCharsets.UTF_8)).isEqualTo("two");

      EmqxHttp.Answer partly = emqx.api.post("/api/v5/publish/bulk", new JsonArray()
          .add(new JsonObject().put("topic", "nobody/" + RUN).put("payload", "lost"))
          .add(new JsonObject().put("topic", topic + "/3").put("payload", "three")));
      assertThat(partly.status()).isEqualTo(202);
      assertThat(partly.array().getJsonObject(0)).isEqualTo(NO_MATCH);
      assertThat(partly.array().getJsonObject(1).getString("id")).matches("[0-9A-F]{32}");
      assertThat(new String(next(received).getPayloadAsBytes(), StandardCharsets.UTF_8)).isEqualTo("three");

      // one bad message refuses the whole batch: the good one before it is not published either
      EmqxHttp.Answer refused = emqx.api.post("/api/v5/publish/bulk", new JsonArray()
          .add(new JsonObject().put("topic", topic + "/4").put("payload", "never"))
          .add(new JsonObject().put("topic", topic + "/+").put("payload", "bad topic")));
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.object()).isEqualTo(BAD_TOPIC);
      assertThat(publish(new JsonObject().put("topic", topic + "/5").put("payload", "marker")).status()).isEqualTo(200);
      assertThat(new String(next(received).getPayloadAsBytes(), StandardCharsets.UTF_8)).isEqualTo("marker");

      EmqxHttp.Answer empty = emqx.api.post("/api/v5/publish/bulk", new JsonArray());
      assertThat(empty.status()).isEqualTo(400);
      assertThat(empty.object()).isEqualTo(new JsonObject().put("reason_code", 131).put("message", "empty_batch"));
      EmqxHttp.Answer notArray = emqx.api.post("/api/v5/publish/bulk", new JsonObject().put("topic", "t"));
      assertThat(notArray.status()).isEqualTo(400);
      assertThat(notArray.object().getString("code")).isEqualTo("BAD_REQUEST");
    } finally {
      subscriber.unsubscribeWith().topicFilter(topic + "/+").send();
    }
  }

  @Test
  void invalidTopicsAre400TopicNameInvalid() {
    for (String topic : List.of("a/+", "a/#", "", "$share/g/" + RUN)) {
      EmqxHttp.Answer answer = publish(new JsonObject().put("topic", topic).put("payload", "x"));
      assertThat(answer.status()).as(topic).isEqualTo(400);
      assertThat(answer.object()).as(topic).isEqualTo(BAD_TOPIC);
    }
  }

  @Test
  void badBase64Is400WithEmqxsReason() {
    EmqxHttp.Answer answer = publish(new JsonObject().put("topic", "t/" + RUN).put("payload", "not*base64")
        .put("payload_encoding", "base64"));
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.object()).isEqualTo(new JsonObject().put("reason_code", 131)
        .put("message", "{decode_base64_payload_failed,<<\"not*base64\">>}"));
  }

  @Test
  void schemaErrorsAre400BadRequest() {
    List<String> bodies = List.of(
        "{\"topic\":\"t\",\"payload\":\"x\",\"qos\":3}",
        "{\"topic\":\"t\",\"payload\":\"x\",\"qos\":\"high\"}",
        "{\"payload\":\"x\"}",
        "{\"topic\":\"t\"}",
        "{\"topic\":\"t\",\"payload\":\"x\",\"payload_encoding\":\"hex\"}",
        "{\"topic\":\"t\",\"payload\":\"x\",\"retain\":\"yes\"}",
        "{\"topic\":\"t\",\"payload\":\"x\",\"properties\":{\"payload_format_indicator\":2}}",
        "{\"topic\":\"t\",\"payload\":\"x\",\"properties\":{\"message_expiry_interval\":-1}}",
        "{\"topic\":\"t\",\"payload\":\"x\",\"properties\":{\"user_properties\":[\"a\"]}}",
        "{\"topic\":\"t\",\"payload\":\"x\",\"properties\":{\"response_topic\":\"r/#\"}}",
        "[1]",
        "not json");
    for (String body : bodies) {
      EmqxHttp.Answer answer = emqx.api.send("POST", "/api/v5/publish", body);
      assertThat(answer.status()).as(body).isEqualTo(400);
      assertThat(answer.object().getString("code")).as(body).isEqualTo("BAD_REQUEST");
      assertThat(answer.object().getString("message")).as(body).isNotBlank();
    }
  }

  @Test
  void aBodyOverTheLimitIsRefusedWithoutPublishing() {
    String big = "x".repeat(1024 * 1024 + 1);
    EmqxHttp.Answer answer = publish(new JsonObject().put("topic", "big/" + RUN).put("payload", big));
    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.object().getString("code")).isEqualTo("BAD_REQUEST");
  }

  @Test
  void anotherTenantsPublishNeverReachesThisInstancesSubscribers() throws Exception {
    String topic = "shared-name/" + RUN;
    subscriber.subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE).send();
    try (Mqtt5BlockingClient.Mqtt5Publishes received = subscriber.publishes(MqttGlobalPublishFilter.ALL)) {
      EmqxHttp.Answer foreign = emqx.otherTenant.post("/api/v5/publish", new JsonObject().put("topic", topic)
          .put("payload", "from the other tenant"));
      assertThat(foreign.status()).isEqualTo(202); // its own instance has no subscriber to the topic
      assertThat(foreign.object()).isEqualTo(NO_MATCH);
      assertThat(publish(new JsonObject().put("topic", topic).put("payload", "own")).status()).isEqualTo(200);
      // the own message was published second: had the other tenant's reached this client, it would come first
      assertThat(new String(next(received).getPayloadAsBytes(), StandardCharsets.UTF_8)).isEqualTo("own");
    } finally {
      subscriber.unsubscribeWith().topicFilter(topic).send();
    }
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] out = new byte[buffer.remaining()];
    buffer.duplicate().get(out);
    return out;
  }
}
