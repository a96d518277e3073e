package io.tenantmq.mqtt;

import static io.tenantmq.mqtt.TestClients.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The mosquitto command-line clients, MQTT 3.1.1 and 5, against the broker. */
class MosquittoInteropTest extends SharedNodeTest {

  static final long PROCESS_TIMEOUT_SECONDS = 20;


  /** A mosquitto tool running with its output captured to a file. */
  record Tool(Process process, File output) {
    /** Waits (bounded) for the tool to exit and returns its exit code and output. */
    String finish() throws Exception {
      if (!process.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("mosquitto tool did not exit within " + PROCESS_TIMEOUT_SECONDS + " s: "
            + Files.readString(output.toPath()));
      }
      String out = Files.readString(output.toPath(), StandardCharsets.UTF_8);
      assertThat(process.exitValue()).as("exit code; output: %s", out).isZero();
      return out;
    }
  }

  private static Tool run(String tool, String version, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("/usr/bin/" + tool, "-h", "127.0.0.1", "-p",
        Integer.toString(node.mqttPort()), "-V", version));
    command.addAll(List.of(args));
    File output = File.createTempFile("mosquitto", ".out");
    output.deleteOnExit();
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output).start();
    return new Tool(p, output);
  }

  @ParameterizedTest(name = "mosquitto_sub -V {0}")
  @CsvSource({"mqttv311", "mqttv5"})
  void mosquittoSubReceives(String version) throws Exception {
    String topic = unique("mosq/sub");
    String clientId = unique("mosq-sub");
    Tool sub = run("mosquitto_sub", version, "-i", clientId, "-t", topic, "-q", "1", "-C", "2", "-W", "15", "-v");
    try {
      await().atMost(Duration.ofSeconds(10)).until(() -> TestClients.record(node, clientId)
          .map(r -> r.subscriptions().containsKey(topic)).orElse(false));
      Mqtt5BlockingClient pub = TestClients.v5(node.mqttPort(), unique("pub"));
      TestClients.publish(pub, topic, "hello", 1);
      TestClients.publish(pub, topic, "world", 2);
      pub.disconnect();
      assertThat(sub.finish().lines().toList()).containsExactly(topic + " hello", topic + " world");
    } finally {
      sub.process().destroyForcibly();
    }
  }

  @ParameterizedTest(name = "mosquitto_pub -V {0} at QoS {1}")
  @CsvSource({"mqttv311,0", "mqttv311,2", "mqttv5,1", "mqttv5,2"})
  void mosquittoPubIsDelivered(String version, int qos) throws Exception {
    String topic = unique("mosq/pub");
    Inbox inbox = new Inbox();
    Mqtt5BlockingClient sub = TestClients.v5Subscriber(node.mqttPort(), unique("sub"), topic, 2, inbox);
    try {
      run("mosquitto_pub", version, "-i", unique("mosq-pub"), "-t", topic, "-m", "from mosquitto", "-q",
          Integer.toString(qos)).finish();
      Inbox.Msg got = inbox.awaitExactly(1).get(0);
      assertThat(got.payload()).isEqualTo("from mosquitto");
      assertThat(got.qos()).isEqualTo(qos);
    } finally {
      sub.disconnect();
    }
  }

  @ParameterizedTest(name = "retained via mosquitto -V {0}")
  @CsvSource({"mqttv311", "mqttv5"})
  void mosquittoRetainedMessageReachesALaterMosquittoSub(String version) throws Exception {
    String topic = unique("mosq/retained");
    run("mosquitto_pub", version, "-t", topic, "-m", "kept", "-q", "1", "-r").finish();
    String out = run("mosquitto_sub", version, "-t", topic, "-q", "1", "-C", "1", "-W", "10").finish();
    assertThat(out.strip()).isEqualTo("kept");
  }
}
