package io.tenantmq.deploy.tencent;

import static io.tenantmq.deploy.tencent.NodeWithTenants.call;
import static io.tenantmq.deploy.tencent.NodeWithTenants.errorOf;
import static io.tenantmq.deploy.tencent.NodeWithTenants.filter;
import static io.tenantmq.deploy.tencent.NodeWithTenants.ids;
import static io.tenantmq.deploy.tencent.NodeWithTenants.shortId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mqtt 2024-05-16 actions that need no live connection, and DescribeClientList over real HiveMQ MQTT 5 and 3.1.1
 * clients, against the whole product through the official SDK's {@code CommonClient("mqtt", "2024-05-16", …)}.
 */
class MqttActionsV20240516Test {

  @TempDir
  static Path dataDir;
  static NodeWithTenants it;
  static CommonClient tenantA;
  static CommonClient tenantB;
  static String demoInstance;

  private final List<Mqtt5BlockingClient> mqtt5 = new ArrayList<>();
  private final List<Mqtt3BlockingClient> mqtt3 = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    it = new NodeWithTenants(dataDir);
    tenantA = it.tenantA;
    tenantB = it.tenantB;
    demoInstance = it.demoInstance;
  }

  @AfterAll
  static void stop() {
    if (it != null) {
      it.close();
    }
  }

  @AfterEach
  void disconnectClients() {
    mqtt5.stream().filter(c -> c.getState().isConnected()).forEach(Mqtt5BlockingClient::disconnect);
    mqtt3.stream().filter(c -> c.getState().isConnected()).forEach(Mqtt3BlockingClient::disconnect);
  }

  // ---- clients ------------------------------------------------------------------------------------------------

  @Test
  void describeClientListReportsEveryFieldOfAnMqtt5Client() throws Exception {
    String clientId = "fields5-" + shortId();
    long before = System.currentTimeMillis();
    Mqtt5BlockingClient client = mqtt5(clientId);
    client.connectWith().cleanStart(true).keepAlive(30).send();
    client.subscribeWith().topicFilter("fields/" + clientId + "/#").qos(MqttQos.AT_LEAST_ONCE).send();

    JsonObject info = await().atMost(Duration.ofSeconds(10)).until(() -> onlyClient(clientId),
        c -> c != null && c.getJsonArray("MQTTClientSubscriptions").size() == 1);

    assertThat(info.fieldNames()).containsExactlyInAnyOrder("ClientId", "ClientAddress", "ProtocolVersion", "Keepalive",
        "ConnectionStatus", "CreateTime", "ConnectTime", "DisconnectTime", "MQTTClientSubscriptions", "CleanSession",
        "ExpireIntervalInSeconds");
    assertThat(info.getString("ClientId")).isEqualTo(clientId);
    assertThat(info.getString("ClientAddress")).startsWith("127.0.0.1:");
    assertThat(info.getLong("ProtocolVersion")).isEqualTo(5);
    assertThat(info.getLong("Keepalive")).isEqualTo(30);
    assertThat(info.getString("ConnectionStatus")).isEqualTo("CONNECTED");
    assertThat(info.getLong("CreateTime")).isBetween(before, System.currentTimeMillis());
    assertThat(info.getLong("ConnectTime")).isBetween(before, System.currentTimeMillis());
    assertThat(info.getLong("DisconnectTime")).isZero();
    assertThat(info.getBoolean("CleanSession")).isTrue();
    assertThat(info.getLong("ExpireIntervalInSeconds")).isZero();
    JsonObject subscription = info.getJsonArray("MQTTClientSubscriptions").getJsonObject(0);
    assertThat(subscription.getString("TopicFilter")).isEqualTo("fields/" + clientId + "/#");
    assertThat(subscription.getLong("Qos")).isEqualTo(1);
    assertThat(subscription.getLong("Lag")).isZero();
    assertThat(subscription.getLong("Inflight")).isZero();
    assertThat(subscription.getJsonArray("UserProperties")).isEmpty();
  }

  @Test
  void describeClientListReportsMqtt311ClientsAsProtocolVersion4() throws Exception {
    String clientId = "fields3-" + shortId();
    Mqtt3BlockingClient client = Mqtt3Client.builder().identifier(clientId).serverHost("127.0.0.1")
        .serverPort(it.mqttPort).buildBlocking();
    mqtt3.add(client);
    client.connectWith().cleanSession(true).keepAlive(20).send();

    JsonObject info = await().atMost(Duration.ofSeconds(10)).until(() -> onlyClient(clientId), c -> c != null);

    assertThat(info.getLong("ProtocolVersion")).isEqualTo(4);
    assertThat(info.getLong("Keepalive")).isEqualTo(20);
    assertThat(info.getBoolean("CleanSession")).isTrue();
    assertThat(info.getString("ConnectionStatus")).isEqualTo("CONNECTED");
  }

  @Test
  void describeClientListFiltersByOnlineStatusClientIdNumberAndMaxTimestamp() throws Exception {
    String tag = shortId();
    String offline = "offline-" + tag;
    Mqtt5BlockingClient persistent = mqtt5(offline);
    persistent.connectWith().cleanStart(false).sessionExpiryInterval(300).send();
    persistent.disconnect();
    String older = "older-" + tag;
    mqtt5(older).connectWith().cleanStart(true).send();
    long olderConnected = await().atMost(Duration.ofSeconds(10)).until(() -> onlyClient(older), c -> c != null)
        .getLong("ConnectTime");
    await().until(() -> System.currentTimeMillis() > olderConnected); // distinct connect times order the list
    String newer = "newer-" + tag;
    mqtt5(newer).connectWith().cleanStart(true).send();
    await().atMost(Duration.ofSeconds(10)).until(() -> onlyClient(newer) != null
        && "DISCONNECTED".equals(onlyClient(offline).getString("ConnectionStatus")));

    assertThat(listed(new JsonObject().put("OnlineStatus", 1))).contains(newer, older).doesNotContain(offline);
    assertThat(listed(new JsonObject().put("OnlineStatus", 2))).contains(offline).doesNotContain(newer, older);
    assertThat(listed(new JsonObject())).contains(offline, newer, older);
    assertThat(listed(new JsonObject().put("OnlineStatus", 1).put("Number", "1"))).containsExactly(newer);
    assertThat(listed(new JsonObject().put("OnlineStatus", 1).put("MaxTimestamp", olderConnected)))
        .contains(older).doesNotContain(newer);
    assertThat(listed(new JsonObject().put("ClientId", older))).containsExactly(older);
    assertThat(listed(new JsonObject().put("ClientId", "older-"))).isEmpty();
    assertThat(listed(new JsonObject().put("ClientId", older).put("OnlineStatus", 2))).isEmpty();

    JsonObject offlineInfo = onlyClient(offline);
    assertThat(offlineInfo.getBoolean("CleanSession")).isFalse();
    assertThat(offlineInfo.getLong("ExpireIntervalInSeconds")).isEqualTo(300);
    assertThat(offlineInfo.getLong("DisconnectTime")).isGreaterThanOrEqualTo(offlineInfo.getLong("ConnectTime"));
  }

  @Test
  void describeClientListOfAnotherTenantsInstanceShowsNoClients() throws Exception {
    String clientId = "hidden-" + shortId();
    mqtt5(clientId).connectWith().cleanStart(true).send();
    await().atMost(Duration.ofSeconds(10)).until(() -> onlyClient(clientId) != null);

    TencentCloudSDKException e = errorOf(tenantB, "DescribeClientList", new JsonObject().put("InstanceId", demoInstance));
    assertThat(e.getErrorCode()).isEqualTo("ResourceNotFound.Instance");
    assertThat(call(tenantB, "DescribeClientList", new JsonObject().put("InstanceId", it.instanceOfB))
        .getJsonArray("Clients")).isEmpty();
  }

  // ---- instances ------------------------------------------------------------------------------------------------

  @Test
  void describeInstanceReportsTheInstanceWithCreatedTimeInSeconds() throws Exception {
    String instanceId = newInstance("described", "a remark");
    call(tenantA, "CreateTopic", new JsonObject().put("InstanceId", instanceId).put("Topic", "counted"));

    JsonObject r = call(tenantA, "DescribeInstance", new JsonObject().put("InstanceId", instanceId));

    assertThat(r.getString("InstanceId")).isEqualTo(instanceId);
    assertThat(r.getString("InstanceName")).isEqualTo("described");
    assertThat(r.getString("Remark")).isEqualTo("a remark");
    assertThat(r.getString("InstanceStatus")).isEqualTo("RUNNING");
    assertThat(r.getString("InstanceType")).isIn("BASIC", "PRO", "PLATINUM");
    assertThat(r.getLong("TopicNum")).isEqualTo(1);
    assertThat(r.getLong("TopicNumLimit")).isPositive();
    assertThat(r.getLong("ClientNumLimit")).isPositive();
    assertThat(r.getLong("CreatedTime")).isBetween(System.currentTimeMillis() / 1000 - 120, System.currentTimeMillis() / 1000);
    assertThat(r.getString("PayMode")).isEqualTo("POSTPAID");
    assertThat(r.getString("RequestId")).isNotBlank();
    // every field of the SDK's DescribeInstanceResponse (mqtt/v20240516), none left for the SDK to read as null
    assertThat(r.fieldNames()).containsAll(List.of("InstanceType", "InstanceId", "InstanceName", "TopicNum",
        "TopicNumLimit", "TpsLimit", "CreatedTime", "Remark", "InstanceStatus", "SkuCode", "MaxSubscriptionPerClient",
        "AuthorizationPolicyLimit", "ClientNumLimit", "DeviceCertificateProvisionType", "AutomaticActivation",
        "RenewFlag", "PayMode", "ExpiryTime", "DestroyTime", "X509Mode", "MaxCaNum", "RegistrationCode",
        "MaxSubscription", "AuthorizationPolicy", "SharedSubscriptionGroupLimit",
        "MaxTopicFilterPerSharedSubscriptionGroup", "AutoSubscriptionPolicyLimit",
        "MaxTopicFilterPerAutoSubscriptionPolicy", "UseDefaultServerCert", "TrustedCaLimit", "ServerCertLimit",
        "TopicPrefixSlashLimit", "MessageRate", "TransportLayerSecurity", "MessageEnrichmentRuleLimit",
        "BlockRuleLimit", "DeleteProtect", "EventDialect", "HashMessagePolicy"));
  }

  @Test
  void describeInstanceListPagesAndFiltersTheTenantsInstancesOnly() throws Exception {
    String marker = "list" + shortId();
    String first = newInstance(marker + "-one", "");
    String second = newInstance(marker + "-two", "");

    JsonObject byName = call(tenantA, "DescribeInstanceList", new JsonObject()
        .put("Filters", new JsonArray().add(filter("InstanceName", marker.toUpperCase()))));
    assertThat(byName.getLong("TotalCount")).isEqualTo(2);
    List<String> byId = List.of(first, second).stream().sorted().toList(); // the list is ordered by instance id
    assertThat(ids(byName.getJsonArray("Data"), "InstanceId")).isEqualTo(byId);
    JsonObject item = byName.getJsonArray("Data").getJsonObject(0);
    assertThat(item.getString("InstanceName")).startsWith(marker);
    assertThat(item.getLong("CreateTime")).isBetween(System.currentTimeMillis() - 120_000, System.currentTimeMillis());
    assertThat(item.getString("InstanceStatus")).isEqualTo("RUNNING");
    // every field of the SDK's MQTTInstanceItem
    assertThat(item.fieldNames()).containsExactlyInAnyOrder("InstanceId", "InstanceName", "Version", "InstanceType",
        "InstanceStatus", "TopicNumLimit", "Remark", "TopicNum", "SkuCode", "TpsLimit", "CreateTime",
        "MaxSubscriptionPerClient", "ClientNumLimit", "RenewFlag", "PayMode", "ExpiryTime", "DestroyTime",
        "AuthorizationPolicyLimit", "MaxCaNum", "MaxSubscription", "SharedSubscriptionGroupLimit",
        "MaxTopicFilterPerSharedSubscriptionGroup", "AutoSubscriptionPolicyLimit",
        "MaxTopicFilterPerAutoSubscriptionPolicy", "DeleteProtect");

    JsonObject paged = call(tenantA, "DescribeInstanceList", new JsonObject()
        .put("Filters", new JsonArray().add(filter("InstanceName", marker))).put("Offset", 1).put("Limit", 1));
    assertThat(paged.getLong("TotalCount")).isEqualTo(2);
    assertThat(ids(paged.getJsonArray("Data"), "InstanceId")).containsExactly(byId.get(1));

    JsonObject exact = call(tenantA, "DescribeInstanceList", new JsonObject()
        .put("Filters", new JsonArray().add(filter("InstanceId", second))));
    assertThat(ids(exact.getJsonArray("Data"), "InstanceId")).containsExactly(second);

    JsonObject all = call(tenantA, "DescribeInstanceList", new JsonObject().put("Limit", 100));
    assertThat(ids(all.getJsonArray("Data"), "InstanceId")).contains(demoInstance, first, second).doesNotContain(it.instanceOfB);
    assertThat(ids(call(tenantB, "DescribeInstanceList", new JsonObject()).getJsonArray("Data"), "InstanceId"))
        .containsExactly(it.instanceOfB);
  }

  // ---- users ----------------------------------------------------------------------------------------------------

  @Test
  void createdUserIsListedWithoutItsPasswordAndDeletedOnce() throws Exception {
    String instanceId = newInstance("users", "");
    long before = System.currentTimeMillis();
    call(tenantA, "CreateUser", new JsonObject().put("InstanceId", instanceId).put("Username", "device-1")
        .put("Password", "s3cret_pw").put("Remark", "first"));
    call(tenantA, "CreateUser", new JsonObject().put("InstanceId", instanceId).put("Username", "other")
        .put("Password", "pw-2"));

    JsonObject list = call(tenantA, "DescribeUserList", new JsonObject().put("InstanceId", instanceId)
        .put("Filters", new JsonArray().add(filter("Username", "DEVICE"))));
    assertThat(list.getLong("TotalCount")).isEqualTo(1);
    JsonObject user = list.getJsonArray("Data").getJsonObject(0);
    assertThat(user.fieldNames()).containsExactlyInAnyOrder("Username", "Password", "Remark", "CreatedTime",
        "ModifiedTime");
    assertThat(user.getString("Username")).isEqualTo("device-1");
    assertThat(user.getString("Remark")).isEqualTo("first");
    assertThat(user.getString("Password")).isEmpty();
    assertThat(user.getLong("CreatedTime")).isBetween(before, System.currentTimeMillis());
    assertThat(user.getLong("ModifiedTime")).isEqualTo(user.getLong("CreatedTime"));
    assertThat(list.encode()).doesNotContain("s3cret_pw").doesNotContain("pbkdf2");

    assertThat(errorOf(tenantA, "CreateUser", new JsonObject().put("InstanceId", instanceId).put("Username", "other")
        .put("Password", "again")).getErrorCode()).isEqualTo("UnsupportedOperation.ResourceAlreadyExists");

    call(tenantA, "DeleteUser", new JsonObject().put("InstanceId", instanceId).put("Username", "other"));
    assertThat(ids(call(tenantA, "DescribeUserList", new JsonObject().put("InstanceId", instanceId))
        .getJsonArray("Data"), "Username")).containsExactly("device-1");
    assertThat(errorOf(tenantA, "DeleteUser", new JsonObject().put("InstanceId", instanceId).put("Username", "other"))
        .getErrorCode()).isEqualTo("ResourceNotFound.Username");
  }

  @Test
  void createUserRejectsAnEmptyPasswordAndBadNamesWithoutStoringAnything() throws Exception {
    String instanceId = newInstance("users-bad", "");
    TencentCloudSDKException noPassword = errorOf(tenantA, "CreateUser",
        new JsonObject().put("InstanceId", instanceId).put("Username", "nopw"));
    assertThat(noPassword.getErrorCode()).isEqualTo("InvalidParameterValue");
    assertThat(noPassword.getMessage()).contains("Password");
    assertThat(errorOf(tenantA, "CreateUser", new JsonObject().put("InstanceId", instanceId)
        .put("Username", "has space").put("Password", "pw")).getErrorCode()).isEqualTo("InvalidParameterValue");
    assertThat(call(tenantA, "DescribeUserList", new JsonObject().put("InstanceId", instanceId))
        .getLong("TotalCount")).isZero();
  }

  // ---- topics ---------------------------------------------------------------------------------------------------

  @Test
  void createdTopicIsListedAndDeletedOnce() throws Exception {
    String instanceId = newInstance("topics", "");
    JsonObject created = call(tenantA, "CreateTopic", new JsonObject().put("InstanceId", instanceId)
        .put("Topic", "home-sensors").put("Remark", "sensors"));
    assertThat(created.getString("InstanceId")).isEqualTo(instanceId);
    assertThat(created.getString("Topic")).isEqualTo("home-sensors");
    call(tenantA, "CreateTopic", new JsonObject().put("InstanceId", instanceId).put("Topic", "alarms"));

    JsonObject list = call(tenantA, "DescribeTopicList", new JsonObject().put("InstanceId", instanceId)
        .put("Filters", new JsonArray().add(filter("TopicName", "SENSOR"))));
    assertThat(list.getLong("TotalCount")).isEqualTo(1);
    assertThat(list.getJsonArray("Data").getJsonObject(0).getMap()).containsOnlyKeys("InstanceId", "Topic", "Remark")
        .containsEntry("InstanceId", instanceId).containsEntry("Topic", "home-sensors").containsEntry("Remark", "sensors");
    assertThat(ids(call(tenantA, "DescribeTopicList", new JsonObject().put("InstanceId", instanceId).put("Offset", 1))
        .getJsonArray("Data"), "Topic")).containsExactly("home-sensors");

    assertThat(errorOf(tenantA, "CreateTopic", new JsonObject().put("InstanceId", instanceId).put("Topic", "alarms"))
        .getErrorCode()).isEqualTo("UnsupportedOperation.ResourceAlreadyExists");
    assertThat(errorOf(tenantA, "CreateTopic", new JsonObject().put("InstanceId", instanceId).put("Topic", "a/b"))
        .getErrorCode()).isEqualTo("InvalidParameterValue");
    assertThat(errorOf(tenantA, "DescribeTopicList", new JsonObject().put("InstanceId", instanceId).put("Limit", 21))
        .getErrorCode()).isEqualTo("InvalidParameterValue");

    call(tenantA, "DeleteTopic", new JsonObject().put("InstanceId", instanceId).put("Topic", "alarms"));
    assertThat(errorOf(tenantA, "DeleteTopic", new JsonObject().put("InstanceId", instanceId).put("Topic", "alarms"))
        .getErrorCode()).isEqualTo("ResourceNotFound.Topic");
    assertThat(call(tenantA, "DescribeTopicList", new JsonObject().put("InstanceId", instanceId))
        .getLong("TotalCount")).isEqualTo(1);
  }

  // ---- tenancy and parameter errors -----------------------------------------------------------------------------

  @Test
  void anotherTenantsInstanceLooksExactlyLikeAMissingOne() throws Exception {
    String missing = "mqtt-missing" + shortId();
    for (String action : List.of("DescribeInstance", "DescribeClientList", "DescribeUserList", "DescribeTopicList",
        "KickOutClient", "CreateUser", "DeleteUser", "CreateTopic", "DeleteTopic", "PublishMessage",
        "AddClientSubscription", "DeleteClientSubscription")) {
      TencentCloudSDKException foreign = errorOf(tenantB, action, validBody(action, demoInstance));
      TencentCloudSDKException absent = errorOf(tenantB, action, validBody(action, missing));
      assertThat(foreign.getErrorCode()).as(action).isEqualTo("ResourceNotFound.Instance");
      assertThat(foreign.getErrorCode()).as(action).isEqualTo(absent.getErrorCode());
      assertThat(foreign.getMessage().replace(demoInstance, "X")).as(action)
          .isEqualTo(absent.getMessage().replace(missing, "X"));
    }
  }

  @Test
  void parametersOfTheWrongTypeAreInvalidParameterValue() throws Exception {
    assertThat(errorOf(tenantA, "DescribeInstance", new JsonObject().put("InstanceId", 42)).getErrorCode())
        .isEqualTo("InvalidParameterValue");
    assertThat(errorOf(tenantA, "KickOutClient", new JsonObject().put("InstanceId", demoInstance).put("ClientId", "c")
        .put("DeleteSession", "yes")).getErrorCode()).isEqualTo("InvalidParameterValue");
    assertThat(errorOf(tenantA, "DescribeClientList", new JsonObject().put("InstanceId", demoInstance)
        .put("Number", "many")).getErrorCode()).isEqualTo("InvalidParameterValue");
    assertThat(errorOf(tenantA, "DescribeClientList", new JsonObject().put("InstanceId", demoInstance)
        .put("OnlineStatus", 3)).getErrorCode()).isEqualTo("InvalidParameterValue");
    assertThat(errorOf(tenantA, "AddClientSubscription", new JsonObject().put("InstanceId", demoInstance)
        .put("ClientId", "c").put("TopicFilter", "a/#").put("Qos", 1)).getErrorCode()).isEqualTo("InvalidParameterValue");
    assertThat(errorOf(tenantA, "AddClientSubscription", new JsonObject().put("InstanceId", demoInstance)
        .put("ClientId", "c").put("TopicFilter", "a/#/b").put("Qos", "1")).getErrorCode()).isEqualTo("InvalidParameterValue");
    assertThat(errorOf(tenantA, "DescribeUserList", new JsonObject().put("InstanceId", demoInstance)
        .put("Filters", new JsonArray().add(filter("Password", "x")))).getErrorCode()).isEqualTo("InvalidParameterValue");
    assertThat(errorOf(tenantA, "DescribeTopicList", new JsonObject().put("InstanceId", demoInstance)
        .put("Colour", "red")).getErrorCode()).isEqualTo("UnknownParameter");
    assertThat(errorOf(tenantA, "KickOutClient", new JsonObject().put("InstanceId", demoInstance)).getErrorCode())
        .isEqualTo("MissingParameter");
  }

  @Test
  void publishMessageRejectsBadEncodingTopicsAndTargets() throws Exception {
    JsonObject base = new JsonObject().put("InstanceId", demoInstance).put("Payload", "x");
    assertThat(errorOf(tenantA, "PublishMessage", base.copy().put("TargetTopic", "a").put("Encoding", "hex"))
        .getErrorCode()).isEqualTo("InvalidParameterValue");
    assertThat(errorOf(tenantA, "PublishMessage", base.copy().put("TargetTopic", "a").put("Encoding", "base64")
        .put("Payload", "not base64!")).getErrorCode()).isEqualTo("InvalidParameterValue");
    assertThat(errorOf(tenantA, "PublishMessage", base.copy().put("TargetTopic", "a/+")).getErrorCode())
        .isEqualTo("InvalidParameterValue");
    assertThat(errorOf(tenantA, "PublishMessage", base.copy().put("TargetTopic", "a").put("Qos", 3)).getErrorCode())
        .isEqualTo("InvalidParameterValue");
    assertThat(errorOf(tenantA, "PublishMessage", base.copy()).getErrorCode()).isEqualTo("MissingParameter");
    assertThat(errorOf(tenantA, "PublishMessage", base.copy().put("TargetClientId", "c")).getErrorCode())
        .isEqualTo("UnsupportedOperation");
  }

  @Test
  void theTrocketVersionDoesNotServeTheseActions() throws Exception {
    CommonClient trocket = it.sdk(it.credentialA, "2023-03-08");
    TencentCloudSDKException e = catchThrowableOfType(TencentCloudSDKException.class,
        () -> trocket.call("KickOutClient", new JsonObject().put("InstanceId", demoInstance).put("ClientId", "c").encode()));
    assertThat(e.getErrorCode()).isEqualTo("NoSuchVersion");
  }

  // ---- helpers --------------------------------------------------------------------------------------------------

  static JsonObject validBody(String action, String instanceId) {
    JsonObject body = new JsonObject().put("InstanceId", instanceId);
    return switch (action) {
      case "KickOutClient" -> body.put("ClientId", "c1");
      case "CreateUser" -> body.put("Username", "u1").put("Password", "p1");
      case "DeleteUser" -> body.put("Username", "u1");
      case "CreateTopic", "DeleteTopic" -> body.put("Topic", "topic1");
      case "PublishMessage" -> body.put("Payload", "x").put("TargetTopic", "t");
      case "AddClientSubscription" -> body.put("ClientId", "c1").put("TopicFilter", "t/#").put("Qos", "1");
      case "DeleteClientSubscription" -> body.put("ClientId", "c1").put("TopicFilter", "t/#");
      default -> body;
    };
  }

  static JsonObject onlyClient(String clientId) throws TencentCloudSDKException {
    return it.demoClient(clientId);
  }

  static List<String> listed(JsonObject parameters) throws TencentCloudSDKException {
    return it.demoClientIds(parameters);
  }

  Mqtt5BlockingClient mqtt5(String clientId) {
    Mqtt5BlockingClient client = it.mqtt5(clientId);
    mqtt5.add(client);
    return client;
  }

  static String newInstance(String name, String remark) {
    return it.newInstance(name, remark);
  }
}
