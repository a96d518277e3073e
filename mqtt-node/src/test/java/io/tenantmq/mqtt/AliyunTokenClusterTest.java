package io.tenantmq.mqtt;

import static io.tenantmq.mqtt.TestClients.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5DisconnectException;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
import io.tenantmq.control.token.TokenAction;
import io.tenantmq.mqtt.TestAliyun.AccessKey;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Aliyun tokens across members: a token applied on one member logs in on another, and a revoke anywhere ends it. */
class AliyunTokenClusterTest extends TwoNodeClusterTest {

  static String instance;
  static AccessKey key;

  @BeforeAll
  static void aliyunTenant() throws Exception {
    String tenant = unique("tenant-tokc");
    instance = TestAliyun.createInstance(a, tenant, unique("mqtt-tokc"));
    key = TestAliyun.accessKey(a, tenant);
  }

  @Test
  void revokeOnAnotherMemberClosesTheLiveConnectionWith0x87AndForgetsIt() throws Exception {
    // applied through b, used on a
    String tok = TestAliyun.token(b, key, instance, Set.of(TokenAction.R), List.of("fleet/#"));
    int watchedBefore = a.node.tokenLogins().size();
    AtomicReference<MqttClientDisconnectedContext> gone = new AtomicReference<>();
    Mqtt5BlockingClient c = TestUsers.v5(a.mqttPort(), "GID_fleet@@@" + unique("truck"),
        TestAliyun.tokenUsername(key, instance), "R|" + tok, gone::set);
    c.connect();
    await().atMost(Duration.ofSeconds(10)).until(() -> a.node.tokenLogins().size() == watchedBefore + 1);

    // generous: right after a member joins, partitions may still be migrating on a loaded machine
    assertThat(b.control.tokens().revoke(tok).toCompletableFuture().get(30, TimeUnit.SECONDS)).isTrue();

    await().atMost(Duration.ofSeconds(10)).until(() -> gone.get() != null);
    assertThat(gone.get().getCause()).isInstanceOf(Mqtt5DisconnectException.class);
    Mqtt5DisconnectReasonCode reason = ((Mqtt5DisconnectException) gone.get().getCause()).getMqttMessage()
        .getReasonCode();
    assertThat(reason).isEqualTo(Mqtt5DisconnectReasonCode.NOT_AUTHORIZED);
    assertThat(reason.getCode()).isEqualTo(0x87);
    await().atMost(Duration.ofSeconds(10)).until(() -> a.node.tokenLogins().size() == watchedBefore);
  }
}
