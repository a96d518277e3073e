package io.tenantmq.gateway.emqx.v5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantmq.control.command.PublishCommand;
import io.tenantmq.control.command.PublishCommand.UserProperty;
import io.tenantmq.gateway.emqx.EmqxException;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PublishRequestTest {

  @Test
  void aFullMessageBecomesTheCommandWithEveryProperty() {
    PublishCommand c = PublishRequest.read(new JsonObject().put("topic", "a/b").put("payload", "aGk=")
        .put("payload_encoding", "base64").put("qos", 2).put("retain", true)
        .put("properties", new JsonObject().put("payload_format_indicator", 1).put("message_expiry_interval", 60)
            .put("response_topic", "r/1").put("correlation_data", "c1").put("content_type", "text/plain")
            .put("user_properties", new JsonObject().put("k", "v").put("n", 3))), "inst-1", 1024);
    assertThat(c.instanceId()).isEqualTo("inst-1");
    assertThat(c.topic()).isEqualTo("a/b");
    assertThat(new String(c.payload(), StandardCharsets.UTF_8)).isEqualTo("hi");
    assertThat(c.qos()).isEqualTo(2);
    assertThat(c.retain()).isTrue();
    assertThat(c.properties().payloadFormatIndicator()).isEqualTo(1);
    assertThat(c.properties().messageExpiryIntervalSeconds()).isEqualTo(60L);
    assertThat(c.properties().responseTopic()).isEqualTo("r/1");
    assertThat(c.properties().correlationData()).isEqualTo("c1".getBytes(StandardCharsets.UTF_8));
    assertThat(c.properties().contentType()).isEqualTo("text/plain");
    assertThat(c.properties().userProperties()).containsExactly(new UserProperty("k", "v"), new UserProperty("n", "3"));
  }

  @Test
  void aMessageOverTheLimitIsRefusedAsEmqxDoes() {
    JsonObject big = new JsonObject().put("topic", "t").put("payload", "x".repeat(100));
    assertThat(PublishRequest.read(big, "i", 101).payload()).hasSize(100);
    assertThatThrownBy(() -> PublishRequest.read(big, "i", 100)).isInstanceOfSatisfying(PublishRequest.Refused.class,
        e -> assertThat(e.body()).isEqualTo(new JsonObject().put("reason_code", 151).put("message", "packet_too_large")));
  }

  @Test
  void aTopicWithWildcardsIsRefusedBeforeTheSizeOrTheSchemaOfProperties() {
    assertThatThrownBy(() -> PublishRequest.read(new JsonObject().put("topic", "a/#").put("payload", "x"), "i", 10))
        .isInstanceOfSatisfying(PublishRequest.Refused.class, e -> assertThat(e.body())
            .isEqualTo(new JsonObject().put("reason_code", 144).put("message", "topic_name_invalid")));
    assertThatThrownBy(() -> PublishRequest.read(new JsonObject().put("topic", "a").put("payload", "x")
        .put("properties", "p"), "i", 10)).isInstanceOf(EmqxException.class);
  }
}
