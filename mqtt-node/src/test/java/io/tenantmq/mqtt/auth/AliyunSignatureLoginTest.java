package io.tenantmq.mqtt.auth;

import static io.tenantmq.mqtt.TestClients.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import io.tenantmq.control.registry.ClientKey;
import io.tenantmq.control.registry.ClientRecord;
import io.tenantmq.control.registry.ClientState;
import io.tenantmq.mqtt.Inbox;
import io.tenantmq.mqtt.TestAliyun;
import io.tenantmq.mqtt.TestAliyun.AccessKey;
import io.tenantmq.mqtt.TestClients;
import io.tenantmq.mqtt.TestNode;
import io.tenantmq.mqtt.TestUsers;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Signature-mode CONNECT ({@code Signature|AccessKeyId|InstanceId}, password Base64(HmacSHA1(secret, clientId))): the
 * right signature connects to the named instance with every permission; anything else is "bad username or password"
 * and changes nothing.
 */
class AliyunSignatureLoginTest {

  static TestNode node;
  static int port;
  static String tenant;
  static String instance;
  static AccessKey key;
  static String otherTenantInstance;
  static AccessKey otherTenantKey;

  @BeforeAll
  static void start() throws Exception {
    node = TestNode.shared();
    port = node.mqttPort();
    tenant = unique("tenant-sig");
    instance = TestAliyun.createInstance(node, tenant, unique("mqtt-sig"));
    key = TestAliyun.accessKey(node, tenant);
    String otherTenant = unique("tenant-sig-other");
    otherTenantInstance = TestAliyun.createInstance(node, otherTenant, unique("mqtt-sig-other"));
    otherTenantKey = TestAliyun.accessKey(node, otherTenant);
  }

  private static Optional<ClientRecord> record(String instanceId, String clientId) throws Exception {
    return node.registry.get(new ClientKey(instanceId, clientId)).toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  private static Mqtt5BlockingClient v5(String clientId, AccessKey k, String instanceId, String password) {
    return TestUsers.v5(port, clientId, TestAliyun.signatureUsername(k, instanceId), password, null);
  }

  private static int v5Refusal(String clientId, AccessKey k, String instanceId, String password) {
    Mqtt5ConnAckException e = catchThrowableOfType(Mqtt5ConnAckException.class,
        () -> v5(clientId, k, instanceId, password).connect());
    assertThat(e).as("CONNECT of %s is refused", clientId).isNotNull();
    return e.getMqttMessage().getReasonCode().getCode();
  }

  private static int paho311Refusal(String clientId, String username, String password) throws Exception {
    MqttClient paho = TestClients.paho3(port, clientId, null);
    try {
      MqttException e = catchThrowableOfType(MqttException.class,
          () -> paho.connect(TestAliyun.paho311(username, password)));
      assertThat(e).as("CONNECT of %s is refused", clientId).isNotNull();
      return e.getReasonCode();
    } finally {
      paho.close();
    }
  }

  @Test
  void paho311SignatureLoginConnectsAndIsRecordedWithItsGroupIdAndUsername() throws Exception {
    String clientId = "GID_sig@@@" + unique("dev");
    String username = TestAliyun.signatureUsername(key, instance);
    MqttClient paho = TestClients.paho3(port, clientId, null);
    paho.connect(TestAliyun.paho311(username, TestAliyun.signature(key, clientId)));
    try {
      assertThat(paho.isConnected()).isTrue();
      ClientRecord r = record(instance, clientId).orElseThrow();
      assertThat(r.state()).isEqualTo(ClientState.CONNECTED);
      assertThat(r.groupId()).isEqualTo("GID_sig");
      assertThat(r.username()).isEqualTo(username);
      // the instance comes from the user name, not the listener's default
      assertThat(record(TestNode.INSTANCE_ID, clientId)).isEmpty();
    } finally {
      paho.disconnect();
      paho.close();
    }
  }

  @Test
  void mqtt5SignatureLoginConnectsAndMayPublishAndSubscribeAnywhereInItsInstance() throws Exception {
    String clientId = "GID_sig5@@@" + unique("dev");
    Mqtt5BlockingClient c = v5(clientId, key, instance, TestAliyun.signature(key, clientId));
    assertThat(c.connect().getReasonCode()).isEqualTo(Mqtt5ConnAckReasonCode.SUCCESS);
    try {
      assertThat(record(instance, clientId).orElseThrow().groupId()).isEqualTo("GID_sig5");
      Inbox inbox = new Inbox();
      String topic = unique("any/where");
      c.toAsync().subscribeWith().topicFilter("#").qos(TestClients.qos(1)).callback(inbox::accept).send()
          .get(5, TimeUnit.SECONDS);
      TestClients.publish(c, topic, "signed", 1);
      assertThat(inbox.awaitOne().payload()).isEqualTo("signed");
    } finally {
      c.disconnect();
    }
  }

  @Test
  void wrongSignatureIsRefusedWith0x86ForMqtt5And0x04ForMqtt311AndLeavesNoRecord() throws Exception {
    String v5Id = "GID_bad@@@" + unique("dev5");
    String v3Id = "GID_bad@@@" + unique("dev3");
    // signed for another client id, and one changed character
    assertThat(v5Refusal(v5Id, key, instance, TestAliyun.signature(key, v3Id))).isEqualTo(0x86);
    String good = TestAliyun.signature(key, v3Id);
    String flipped = (good.charAt(0) == 'A' ? 'B' : 'A') + good.substring(1);
    assertThat(paho311Refusal(v3Id, TestAliyun.signatureUsername(key, instance), flipped))
        .isEqualTo(MqttException.REASON_CODE_FAILED_AUTHENTICATION).isEqualTo(0x04);

    assertThat(record(instance, v5Id)).isEmpty();
    assertThat(record(instance, v3Id)).isEmpty();
  }

  @Test
  void unknownAccessKeyIsRefusedAsBadUsernameOrPassword() throws Exception {
    AccessKey unknown = new AccessKey("LTAI" + unique("nokey").replace("-", ""), key.secret(), tenant);
    String clientId = "GID_x@@@" + unique("dev");
    assertThat(v5Refusal(clientId, unknown, instance, TestAliyun.signature(unknown, clientId))).isEqualTo(0x86);
    assertThat(paho311Refusal(clientId, TestAliyun.signatureUsername(unknown, instance),
        TestAliyun.signature(unknown, clientId))).isEqualTo(0x04);
    assertThat(record(instance, clientId)).isEmpty();
  }

  @Test
  void anotherTenantsAccessKeyIsRefusedOnThisInstanceAndThisKeyOnTheirs() throws Exception {
    String clientId = "GID_x@@@" + unique("dev");
    // correctly signed with the other tenant's own secret: the key may not act on this tenant's instance
    assertThat(v5Refusal(clientId, otherTenantKey, instance, TestAliyun.signature(otherTenantKey, clientId)))
        .isEqualTo(0x86);
    assertThat(v5Refusal(clientId, key, otherTenantInstance, TestAliyun.signature(key, clientId))).isEqualTo(0x86);
    // and an instance that does not exist looks the same
    assertThat(v5Refusal(clientId, key, unique("mqtt-none"), TestAliyun.signature(key, clientId))).isEqualTo(0x86);
    assertThat(record(instance, clientId)).isEmpty();
    assertThat(record(otherTenantInstance, clientId)).isEmpty();
  }

  @Test
  void aKeyBoundToOneInstanceLogsInThereOnly() throws Exception {
    String second = TestAliyun.createInstance(node, tenant, unique("mqtt-sig2"));
    AccessKey bound = TestAliyun.accessKey(node, tenant, second);
    String clientId = "GID_x@@@" + unique("dev");
    assertThat(v5Refusal(clientId, bound, instance, TestAliyun.signature(bound, clientId))).isEqualTo(0x86);
    Mqtt5BlockingClient c = v5(clientId, bound, second, TestAliyun.signature(bound, clientId));
    assertThat(c.connect().getReasonCode()).isEqualTo(Mqtt5ConnAckReasonCode.SUCCESS);
    c.disconnect();
    assertThat(record(instance, clientId)).isEmpty();
  }

  @Test
  void signatureUsernameWithoutPasswordIsRefused() {
    String clientId = "GID_x@@@" + unique("dev");
    Mqtt5ConnAckException e = catchThrowableOfType(Mqtt5ConnAckException.class, () -> com.hivemq.client.mqtt.mqtt5
        .Mqtt5Client.builder().identifier(clientId).serverHost("127.0.0.1").serverPort(port).buildBlocking()
        .connectWith().simpleAuth().username(TestAliyun.signatureUsername(key, instance)).applySimpleAuth().send());
    assertThat(e.getMqttMessage().getReasonCode().getCode()).isEqualTo(0x86);
  }

  @Test
  void refusedSignatureDoesNotTakeOverTheConnectedClientWithThatId() throws Exception {
    String clientId = "GID_held@@@" + unique("dev");
    Mqtt5BlockingClient holder = v5(clientId, key, instance, TestAliyun.signature(key, clientId));
    holder.connect();
    try {
      String channel = record(instance, clientId).orElseThrow().channelId();
      assertThat(v5Refusal(clientId, key, instance, TestAliyun.signature(key, clientId + "x"))).isEqualTo(0x86);
      assertThat(v5Refusal(clientId, otherTenantKey, instance, TestAliyun.signature(otherTenantKey, clientId)))
          .isEqualTo(0x86);
      assertThat(holder.getState().isConnected()).isTrue();
      ClientRecord after = record(instance, clientId).orElseThrow();
      assertThat(after.channelId()).isEqualTo(channel);
      assertThat(after.state()).isEqualTo(ClientState.CONNECTED);
    } finally {
      holder.disconnect();
    }
  }
}
