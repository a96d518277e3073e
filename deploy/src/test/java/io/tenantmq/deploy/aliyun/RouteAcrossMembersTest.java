package io.tenantmq.deploy.aliyun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import io.tenantmq.deploy.NodeFixture;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /route/clientId/get} of a two-member cluster: either gateway answers for clients of either member. */
class RouteAcrossMembersTest {

  static final Duration WAIT = Duration.ofSeconds(15);

  @TempDir
  static Path firstDir;
  @TempDir
  static Path secondDir;
  static AliyunNode aliyun;
  static NodeFixture second;

  @BeforeAll
  static void startTwoMembers() throws Exception {
    aliyun = new AliyunNode(firstDir);
    second = aliyun.startAnother(secondDir, "node-aliyun-it-2");
  }

  @AfterAll
  static void stopTwoMembers() throws Exception {
    if (second != null) {
      second.close();
    }
    if (aliyun != null) {
      aliyun.close();
    }
  }

  @Test
  void clientOfTheSecondMemberIsOnlineThroughTheFirstMembersGatewayUntilItLeaves() {
    String clientId = "GID_t@@@b" + AliyunNode.shortId();
    Mqtt3BlockingClient client = AliyunNode.mqtt3(clientId, second.mqttPort());
    client.connect();
    assertThat(aliyun.api.routeGet(aliyun.demoInstance, clientId).json().getInteger("online")).isEqualTo(1);

    client.disconnect();
    await().atMost(WAIT).until(() -> aliyun.api.routeGet(aliyun.demoInstance, clientId).json()
        .getInteger("online") == 0);
  }

  @Test
  void clientOfTheFirstMemberIsOnlineThroughTheSecondMembersGateway() {
    String clientId = "GID_t@@@a" + AliyunNode.shortId();
    Mqtt3BlockingClient client = aliyun.mqtt3(clientId);
    client.connect();
    try {
      AliyunHttp.Answer answer = aliyun.api.on(second.httpPort()).routeGet(aliyun.demoInstance, clientId);
      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.json().getInteger("online")).isEqualTo(1);
    } finally {
      client.disconnect();
    }
  }

  @Test
  void takeoverOnTheOtherMemberLeavesOneConnection() {
    String clientId = "GID_t@@@dup" + AliyunNode.shortId();
    Mqtt3BlockingClient first = aliyun.mqtt3(clientId);
    first.connect();
    Mqtt3BlockingClient again = AliyunNode.mqtt3(clientId, second.mqttPort());
    again.connect();
    try {
      // MQTT takeover: the second connection replaces the first, across members too
      await().atMost(WAIT).until(() -> !first.getState().isConnected());
      assertThat(aliyun.api.routeGet(aliyun.demoInstance, clientId).json().getInteger("online")).isEqualTo(1);
    } finally {
      again.disconnect();
    }
  }
}
