package io.tenantmq.mqtt;

import static io.tenantmq.mqtt.TestClients.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5SubAckException;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * EMQX's presence messages {@code $SYS/brokers/{node}/clients/{clientid}/connected|disconnected}: published by the
 * client's node to the subscribers of the client's own instance allowed to subscribe, across members; not to
 * {@code #}, nor to another instance.
 */
class SysPresenceTest extends TwoNodeClusterTest {

  private static Mqtt5BlockingClient subscribe(Mqtt5BlockingClient c, String filter, Inbox inbox) {
    c.toAsync().subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).callback(inbox::accept).send()
        .orTimeout(10, TimeUnit.SECONDS).join();
    return c;
  }

  @Test
  void aSubscriberOnAnotherMemberGetsConnectedAndDisconnectedWithEmqxPayloads() throws Exception {
    String clientId = unique("present");
    Inbox presence = new Inbox();
    Inbox everything = new Inbox();
    Mqtt5BlockingClient watcher = subscribe(TestClients.v5(a.mqttPort(), unique("sys-watch")),
        "$SYS/brokers/+/clients/" + clientId + "/#", presence);
    Mqtt5BlockingClient wildcard = subscribe(TestClients.v5(a.mqttPort(), unique("hash")), "#", everything);
    TestClients.awaitRoute(b, "$SYS/brokers/+/clients/" + clientId + "/#", "node-a");

    Mqtt5BlockingClient client = TestClients.v5(b.mqttPort(), clientId);
    int sockPort = b.mqttPort();
    client.disconnect();

    var messages = presence.awaitExactly(2);
    assertThat(messages).extracting(Inbox.Msg::topic).containsExactly(
        "$SYS/brokers/node-b/clients/" + clientId + "/connected",
        "$SYS/brokers/node-b/clients/" + clientId + "/disconnected");
    assertThat(messages).allSatisfy(m -> assertThat(m.retain()).isFalse());
    JsonObject connected = new JsonObject(messages.get(0).payload());
    assertThat(connected.fieldNames()).containsExactlyInAnyOrder("clientid", "username", "ipaddress", "sockport",
        "protocol", "proto_name", "proto_ver", "connected_at", "ts", "keepalive", "clean_start", "expiry_interval");
    assertThat(connected.getString("clientid")).isEqualTo(clientId);
    assertThat(connected.getString("username")).isEqualTo("undefined");
    assertThat(connected.getString("ipaddress")).isEqualTo("127.0.0.1");
    assertThat(connected.getInteger("sockport")).isEqualTo(sockPort);
    assertThat(connected.getString("proto_name")).isEqualTo("MQTT");
    assertThat(connected.getInteger("proto_ver")).isEqualTo(5);
    assertThat(connected.getBoolean("clean_start")).isTrue();
    assertThat(connected.getLong("expiry_interval")).isZero();
    assertThat(connected.getInteger("keepalive")).isEqualTo(60);
    JsonObject disconnected = new JsonObject(messages.get(1).payload());
    assertThat(disconnected.getString("reason")).isEqualTo("normal");
    assertThat(disconnected.getLong("disconnected_at")).isGreaterThanOrEqualTo(connected.getLong("connected_at"));
    assertThat(disconnected.getLong("connected_at")).isEqualTo(connected.getLong("connected_at"));
    // [MQTT-4.7.2-1] a leading wildcard does not match $SYS topics
    assertThat(everything.all()).noneMatch(m -> m.topic().startsWith("$SYS"));
    watcher.disconnect();
    wildcard.disconnect();
  }

  @Test
  void onlyTheClientsOwnInstanceAndUsersWithPermReadGetThem() throws Exception {
    String otherInstance = TestUsers.createInstance(a, unique("sys-other"));
    String otherUser = TestUsers.create(a, otherInstance, unique("sys-o"), true, true);
    String noRead = TestUsers.create(a, TestNode.INSTANCE_ID, unique("sys-noread"), false, true);
    String clientId = unique("watched");
    String filter = "$SYS/brokers/+/clients/" + clientId + "/connected";
    Inbox foreign = new Inbox();
    Mqtt5BlockingClient other = subscribe(TestUsers.v5Connected(a.mqttPort(), unique("o"), otherUser + "@" + otherInstance),
        filter, foreign);
    Mqtt5BlockingClient denied = TestUsers.v5Connected(a.mqttPort(), unique("d"), noRead);
    assertThatThrownBy(() -> denied.subscribeWith().topicFilter(filter).send())
        .isInstanceOfSatisfying(Mqtt5SubAckException.class, e -> assertThat(e.getMqttMessage().getReasonCodes())
            .containsExactly(Mqtt5SubAckReasonCode.NOT_AUTHORIZED));
    Inbox allowed = new Inbox();
    Mqtt5BlockingClient watcher = subscribe(TestClients.v5(a.mqttPort(), unique("w")), filter, allowed);

    Mqtt5BlockingClient client = TestClients.v5(a.mqttPort(), clientId);
    assertThat(allowed.awaitExactly(1)).extracting(Inbox.Msg::topic)
        .containsExactly("$SYS/brokers/node-a/clients/" + clientId + "/connected");
    foreign.assertStaysAt(0);
    client.disconnect();
    other.disconnect();
    denied.disconnect();
    watcher.disconnect();
  }
}
