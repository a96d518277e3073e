package io.tenantmq.deploy.emqx;

import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import io.tenantmq.deploy.NodeFixture;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the EMQX tests that need two members of one cluster: {@link #emqx} (the first, with its API keys) and
 * {@link #second}, and the demo instance's key against the second member's gateway. Started once per test class.
 */
abstract class TwoMemberEmqxTest {

  static final Duration WAIT = Duration.ofSeconds(15);
  static final String FIRST = "node-emqx-it";
  static final String SECOND = "node-emqx-it-2";

  @TempDir
  static Path firstDir;
  @TempDir
  static Path secondDir;
  static EmqxNode emqx;
  static NodeFixture second;
  /** The demo instance's API key, against the second member's gateway. */
  static EmqxHttp secondApi;

  @BeforeAll
  static void startTwoMembers() throws Exception {
    emqx = new EmqxNode(firstDir);
    second = emqx.startAnother(secondDir, SECOND);
    secondApi = new EmqxHttp(second.httpPort(), emqx.api.apiKey(), emqx.api.apiSecret());
  }

  @AfterAll
  static void stopTwoMembers() throws Exception {
    if (second != null) {
      second.close();
    }
    if (emqx != null) {
      emqx.close();
    }
  }

  /** A HiveMQ MQTT 5 client of the demo instance on the MQTT port {@code port}, not connected yet. */
  static Mqtt5BlockingClient mqtt5(String clientId, int port) {
    return Mqtt5Client.builder().identifier(clientId).serverHost("127.0.0.1").serverPort(port).buildBlocking();
  }
}
