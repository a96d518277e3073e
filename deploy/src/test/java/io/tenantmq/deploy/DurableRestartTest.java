package io.tenantmq.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static io.tenantmq.deploy.OutsideClients.admin;
import static io.tenantmq.deploy.OutsideClients.mqttLogin;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.tencentcloudapi.common.CommonClient;
import io.tenantmq.control.persistence.DurableStore;
import io.tenantmq.deploy.demo.DemoTenant;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real product in a process of its own, killed with SIGKILL (no shutdown hook, no clean stop) and started again on
 * the same data directory: what it wrote before is still there, read back from the H2 file. One restart for every
 * kind of state, because a start costs seconds.
 */
class DurableRestartTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

  @TempDir
  Path dataDir;
  private final String clusterName = "restart-" + UUID.randomUUID();
  private Process process;

  @AfterEach
  void killLeftover() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void tenantsCredentialsUsersRetainedMessagesAndSessionsSurviveAKill9() throws Exception {
    String prefix = "restart/" + UUID.randomUUID();
    String kept = prefix + "/kept=still here";
    String sessionTopic = prefix + "/session";
    String sessionClient = "persistent-" + UUID.randomUUID();
    JsonNode ports = start();
    JsonNode demo = readJson(dataDir.resolve(DemoTenant.FILE_NAME));
    String token = demo.get("admin").get("token").asText();

    // a tenant with an instance, a Tencent-style credential and an MQTT user, created as an operator would
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String tenant = "tenant-" + suffix;
    String instance = "mqtt-" + suffix;
    assertThat(admin(ports.get("http").asInt(), token, "POST", "/admin/v1/tenants",
        "{\"tenantId\":\"" + tenant + "\",\"name\":\"Durable Ltd\"}").statusCode()).isEqualTo(201);
    assertThat(admin(ports.get("http").asInt(), token, "POST", "/admin/v1/tenants/" + tenant + "/instances",
        "{\"instanceId\":\"" + instance + "\"}").statusCode()).isEqualTo(201);
    JsonNode credential = JSON.readTree(admin(ports.get("http").asInt(), token, "POST", "/admin/v1/tenants/" + tenant + "/credentials",
        "{\"remark\":\"restart\"}").body());
    assertThat(admin(ports.get("http").asInt(), token, "POST", "/admin/v1/instances/" + instance + "/users",
        "{\"username\":\"sensor-1\",\"password\":\"pw-1\"}").statusCode()).isEqualTo(201);

    // a persistent session with one subscription, and a message queued for it while its client is away
    BlockingQueue<Mqtt5Publish> sessionInbox = new LinkedBlockingQueue<>();
    Mqtt5AsyncClient session = persistentClient(ports, sessionClient, sessionInbox);
    assertThat(session.connectWith().cleanStart(true).sessionExpiryInterval(3600).send().join().isSessionPresent())
        .isFalse();
    session.subscribeWith().topicFilter(sessionTopic).qos(MqttQos.AT_LEAST_ONCE).send().join();
    session.disconnect().join();
    Mqtt5BlockingClient publisher = connect(ports, "publisher");
    publisher.publishWith().topic(sessionTopic).payload(bytes("queued offline")).qos(MqttQos.AT_LEAST_ONCE).send();
    // the node stores a session within 100 ms of a change (SessionCheckpoint); the retained checks below take longer
    publisher.publishWith().topic(prefix + "/kept").payload(bytes("still here")).qos(MqttQos.AT_LEAST_ONCE)
        .retain(true).send();
    publisher.publishWith().topic(prefix + "/cleared").payload(bytes("gone")).qos(MqttQos.AT_LEAST_ONCE)
        .retain(true).send();
    publisher.publishWith().topic(prefix + "/cleared").payload(new byte[0]).qos(MqttQos.AT_LEAST_ONCE)
        .retain(true).send();
    publisher.disconnect();
    // the broker stores retained messages after PUBACK: wait until a new subscriber sees exactly the kept one
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(retainedMessages(ports, prefix, kept)).containsExactly(kept));

    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    assertThat(process.isAlive()).isFalse();
    assertThat(dataDir.resolve(DurableStore.H2_FILE_NAME + ".mv.db")).isRegularFile();
    // without its file the restarted node could only learn the demo ids from the durable cluster settings
    Files.delete(dataDir.resolve(DemoTenant.FILE_NAME));
    Files.deleteIfExists(dataDir.resolve(PortsFile.FILE_NAME));

    JsonNode restarted = start();
    JsonNode demoAgain = readJson(dataDir.resolve(DemoTenant.FILE_NAME));
    assertThat(demoAgain.get("tenantId").asText()).isEqualTo(demo.get("tenantId").asText());
    assertThat(demoAgain.get("instanceId").asText()).isEqualTo(demo.get("instanceId").asText());
    assertThat(retainedMessages(restarted, prefix, kept)).containsExactly(kept);

    // the operator token, the tenant and its instance, through the admin API
    HttpResponse<String> tenantAgain = admin(restarted.get("http").asInt(), token, "GET", "/admin/v1/tenants/" + tenant, null);
    assertThat(tenantAgain.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(tenantAgain.body()).get("name").asText()).isEqualTo("Durable Ltd");
    assertThat(admin(restarted.get("http").asInt(), token, "GET", "/admin/v1/tenants/" + tenant + "/instances", null).body())
        .contains("\"" + instance + "\"");
    // the credential's sealed secret still signs, and the user is listed, through the official Tencent SDK
    CommonClient sdk = OutsideClients.tencent(restarted.get("http").asInt(), credential.get("credentialId").asText(),
        credential.get("secret").asText());
    JsonNode users = JSON.readTree(sdk.call("DescribeUserList", "{\"InstanceId\":\"" + instance + "\"}"))
        .get("Response");
    assertThat(users.get("Data").get(0).get("Username").asText()).isEqualTo("sensor-1");
    assertThat(users.get("TotalCount").asInt()).isEqualTo(1);
    // and the user's password hash still lets the device in, the wrong password still does not
    assertThat(mqttLogin(restarted.get("mqtt").asInt(), "sensor-1@" + instance, "pw-1")).isEqualTo(Mqtt5ConnAckReasonCode.SUCCESS);
    assertThat(mqttLogin(restarted.get("mqtt").asInt(), "sensor-1@" + instance, "pw-2"))
        .isEqualTo(Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD);

    Mqtt5AsyncClient resumed = persistentClient(restarted, sessionClient, sessionInbox);
    assertThat(resumed.connectWith().cleanStart(false).sessionExpiryInterval(3600).send().join().isSessionPresent())
        .isTrue();
    assertThat(payloadOf(sessionInbox.poll(20, TimeUnit.SECONDS))).isEqualTo("queued offline");
    // the subscription came back with the session: no SUBSCRIBE after the restart
    Mqtt5BlockingClient publisherAgain = connect(restarted, "publisher");
    publisherAgain.publishWith().topic(sessionTopic).payload(bytes("live")).qos(MqttQos.AT_LEAST_ONCE).send();
    assertThat(payloadOf(sessionInbox.poll(20, TimeUnit.SECONDS))).isEqualTo("live");
    publisherAgain.disconnect();
    resumed.disconnect().join();
  }

  /** A client (not yet connected) whose every incoming message, resumed subscriptions included, goes to {@code inbox}. */
  private static Mqtt5AsyncClient persistentClient(JsonNode ports, String clientId, BlockingQueue<Mqtt5Publish> inbox) {
    Mqtt5AsyncClient client = Mqtt5Client.builder().identifier(clientId).serverHost("127.0.0.1")
        .serverPort(ports.get("mqtt").asInt()).buildAsync();
    client.publishes(MqttGlobalPublishFilter.ALL, inbox::add);
    return client;
  }

  private static String payloadOf(Mqtt5Publish publish) {
    assertThat(publish).as("a message within 20 s").isNotNull();
    return new String(publish.getPayloadAsBytes(), StandardCharsets.UTF_8);
  }

  /** Starts the launcher in a new JVM and waits until it serves; returns its ports.json. */
  private JsonNode start() throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // the --add-opens Hazelcast wants, as this JVM got them
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(a -> a.startsWith("--add-"))
        .forEach(command::add);
    command.addAll(List.of("-cp", testClassPath(), Launcher.class.getName(), "--data-dir", dataDir.toString(),
        "--host", "127.0.0.1", "--mqtt-port", "0", "--ws-port", "0", "--http-port", "0",
        "--cluster-name", clusterName, "--node-name", "restart-node", "--cluster-members", "127.0.0.1"));
    Path log = dataDir.resolve("node-" + System.nanoTime() + ".log");
    process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    Path portsFile = dataDir.resolve(PortsFile.FILE_NAME);
    try {
      await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> {
        if (!process.isAlive()) {
          throw new IllegalStateException("the node exited with " + process.exitValue());
        }
        return Files.exists(portsFile) && healthy(readJson(portsFile));
      });
    } catch (RuntimeException e) {
      throw new AssertionError("the node did not start; its output:\n" + Files.readString(log), e);
    }
    return readJson(portsFile);
  }

  /**
   * What a new subscriber to {@code prefix/#} gets as retained messages, as {@code topic=payload}: everything up to
   * {@code expected}, and whatever else arrives with it (the broker sends all retained matches of a filter together).
   */
  private static List<String> retainedMessages(JsonNode ports, String prefix, String expected)
      throws InterruptedException {
    Mqtt5BlockingClient subscriber = connect(ports, "subscriber");
    try {
      BlockingQueue<Mqtt5Publish> received = new LinkedBlockingQueue<>();
      subscriber.toAsync().subscribeWith().topicFilter(prefix + "/#").qos(MqttQos.AT_LEAST_ONCE)
          .callback(received::add).send().orTimeout(10, TimeUnit.SECONDS).join();
      List<String> retained = new ArrayList<>();
      Mqtt5Publish p;
      while ((p = received.poll(retained.contains(expected) ? 1 : 20, TimeUnit.SECONDS)) != null) {
        if (p.isRetain()) {
          retained.add(p.getTopic() + "=" + new String(p.getPayloadAsBytes(), StandardCharsets.UTF_8));
        }
      }
      return retained;
    } finally {
      subscriber.disconnect();
    }
  }

  private static Mqtt5BlockingClient connect(JsonNode ports, String role) {
    Mqtt5BlockingClient client = Mqtt5Client.builder().identifier(role + "-" + UUID.randomUUID())
        .serverHost("127.0.0.1").serverPort(ports.get("mqtt").asInt()).buildBlocking();
    client.connect();
    return client;
  }

  private static boolean healthy(JsonNode ports) {
    try {
      HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + ports.get("http").asInt() + "/healthz")).build(),
          HttpResponse.BodyHandlers.discarding());
      return r.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The test class path surefire hands this JVM: every module of the product and its dependencies. */
  private static String testClassPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
  }

  private static JsonNode readJson(Path file) throws IOException {
    return JSON.readTree(file.toFile());
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
