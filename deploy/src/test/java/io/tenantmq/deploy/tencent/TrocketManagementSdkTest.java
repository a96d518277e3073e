package io.tenantmq.deploy.tencent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tencentcloudapi.common.CommonClient;
import io.tenantmq.control.credential.IssuedCredential;
import io.tenantmq.control.tenant.Instance;
import io.tenantmq.control.topic.TopicKey;
import io.tenantmq.control.user.UserKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The trocket 2023-03-08 instance, user, topic and endpoint actions through the official SDK, against the whole
 * product, each on a tenant of its own.
 */
class TrocketManagementSdkTest {

  static ProductNode product;

  @BeforeAll
  static void start() throws Exception {
    product = ProductNode.shared();
  }

  /** A fresh tenant (no instance) and an SDK client of its credential. */
  static CommonClient newTenant() {
    String tenantId = "tenant-" + UUID.randomUUID().toString().substring(0, 8);
    ProductNode.join(product.control().tenants().createTenantIfAbsent(
        new io.tenantmq.control.tenant.Tenant(tenantId, tenantId, 0)));
    IssuedCredential credential = product.credential(tenantId);
    return product.sdk(credential);
  }

  static String createInstance(CommonClient sdk, String name) {
    JsonNode created = Sdk.call(sdk, "CreateMQTTInstance", Map.of("InstanceType", "BASIC", "Name", name,
        "Remark", "r-" + name, "SkuCode", "basic_2k", "TagList", List.of(Map.of("TagKey", "k", "TagValue", "v"))));
    return created.get("InstanceId").asText();
  }

  @Test
  void instanceLifecycleCreateDescribeListModifyDelete() {
    CommonClient sdk = newTenant();
    long before = System.currentTimeMillis();
    String id = createInstance(sdk, "plant-a");
    assertThat(id).matches("mqtt-[a-z0-9]{8}");
    String other = createInstance(sdk, "office-b");
    Sdk.call(sdk, "CreateMQTTTopic", Map.of("InstanceId", id, "Topic", "t1"));

    JsonNode described = Sdk.call(sdk, "DescribeMQTTInstance", Map.of("InstanceId", id));
    assertThat(described.get("InstanceId").asText()).isEqualTo(id);
    assertThat(described.get("InstanceName").asText()).isEqualTo("plant-a");
    assertThat(described.get("Remark").asText()).isEqualTo("r-plant-a");
    assertThat(described.get("TopicNum").asLong()).isEqualTo(1);
    assertThat(described.get("InstanceStatus").asText()).isEqualTo("RUNNING");
    assertThat(described.get("InstanceType").asText()).isEqualTo("PRO");
    assertThat(described.get("SkuCode").asText()).isEqualTo("pro_tenantmq");
    assertThat(described.get("TopicNumLimit").asLong()).isEqualTo(10_000);
    assertThat(described.get("TpsLimit").asLong()).isEqualTo(10_000);
    assertThat(described.get("SubscriptionNumLimit").asLong()).isEqualTo(100_000);
    assertThat(described.get("ClientNumLimit").asLong()).isEqualTo(100_000);
    assertThat(described.get("CreatedTime").asLong()).isBetween(before / 1000, System.currentTimeMillis() / 1000);

    JsonNode all = Sdk.call(sdk, "DescribeMQTTInstanceList", Map.of());
    assertThat(all.get("TotalCount").asLong()).isEqualTo(2);
    assertThat(ids(all.get("Data"), "InstanceId")).containsExactlyInAnyOrder(id, other);
    JsonNode item = find(all.get("Data"), "InstanceId", id);
    assertThat(item.get("CreateTime").asLong()).isBetween(before, System.currentTimeMillis()); // ms in the list
    assertThat(item.get("TopicNum").asLong()).isEqualTo(1);
    assertThat(item.get("Version").asText()).isEqualTo("5.0");
    assertThat(item.get("Remark").asText()).isEqualTo("r-plant-a");

    JsonNode fuzzy = Sdk.call(sdk, "DescribeMQTTInstanceList", Map.of("Filters",
        List.of(Map.of("Name", "InstanceName", "Values", List.of("PLANT")))));
    assertThat(ids(fuzzy.get("Data"), "InstanceId")).containsExactly(id);
    JsonNode byId = Sdk.call(sdk, "DescribeMQTTInstanceList", Map.of("Filters", List.of(
        Map.of("Name", "InstanceId", "Values", List.of(other)),
        Map.of("Name", "InstanceStatus", "Values", List.of("RUNNING")))));
    assertThat(ids(byId.get("Data"), "InstanceId")).containsExactly(other);
    JsonNode noneOfType = Sdk.call(sdk, "DescribeMQTTInstanceList", Map.of("Filters",
        List.of(Map.of("Name", "InstanceType", "Values", List.of("BASIC")))));
    assertThat(noneOfType.get("TotalCount").asLong()).isZero();
    JsonNode page = Sdk.call(sdk, "DescribeMQTTInstanceList", Map.of("Offset", 1, "Limit", 1));
    assertThat(page.get("TotalCount").asLong()).isEqualTo(2);
    assertThat(page.get("Data").size()).isEqualTo(1);

    Sdk.call(sdk, "ModifyMQTTInstance", Map.of("InstanceId", id, "Name", "plant-renamed"));
    JsonNode modified = Sdk.call(sdk, "DescribeMQTTInstance", Map.of("InstanceId", id));
    assertThat(modified.get("InstanceName").asText()).isEqualTo("plant-renamed");
    assertThat(modified.get("Remark").asText()).isEqualTo("r-plant-a");

    Sdk.call(sdk, "CreateMQTTUser", Map.of("InstanceId", id, "Username", "u1", "Password", "p1", "PermRead", true,
        "PermWrite", true));
    Sdk.call(sdk, "DeleteMQTTInstance", Map.of("InstanceId", id));
    assertThat(Sdk.error(sdk, "DescribeMQTTInstance", Map.of("InstanceId", id)).getErrorCode())
        .isEqualTo("ResourceNotFound.Instance");
    // the cascade: the instance's users and topics are gone with it
    assertThat(ProductNode.join(product.control().users().get(new UserKey(id, "u1")))).isEmpty();
    assertThat(ProductNode.join(product.control().topics().get(new TopicKey(id, "t1")))).isEmpty();
    assertThat(Sdk.call(sdk, "DescribeMQTTInstanceList", Map.of()).get("TotalCount").asLong()).isEqualTo(1);
  }

  @Test
  void userLifecycleWithChosenAndGeneratedPasswords() {
    CommonClient sdk = newTenant();
    String id = createInstance(sdk, "users");
    long before = System.currentTimeMillis() / 1000;
    JsonNode chosen = Sdk.call(sdk, "CreateMQTTUser", Map.of("InstanceId", id, "Username", "sensor",
        "Password", "s3cret!", "PermRead", false, "PermWrite", true, "Remark", "field sensors"));
    assertThat(chosen.has("Password")).isFalse(); // a chosen password is never echoed
    JsonNode generated = Sdk.call(sdk, "CreateMQTTUser", Map.of("InstanceId", id, "Username", "dashboard",
        "Password", "", "PermRead", true, "PermWrite", false));
    String password = generated.get("Password").asText();
    assertThat(password).hasSize(24);
    // the passwords that came back are the ones stored (as hashes)
    assertThat(ProductNode.join(product.control().users().authenticate(id, "dashboard", password))).isPresent();
    assertThat(ProductNode.join(product.control().users().authenticate(id, "sensor", "s3cret!"))).isPresent();

    JsonNode list = Sdk.call(sdk, "DescribeMQTTUserList", Map.of("InstanceId", id));
    assertThat(list.get("TotalCount").asLong()).isEqualTo(2);
    assertThat(ids(list.get("Data"), "Username")).containsExactly("dashboard", "sensor");
    JsonNode sensor = find(list.get("Data"), "Username", "sensor");
    assertThat(sensor.get("Password").asText()).isEmpty();
    assertThat(sensor.get("PermRead").asBoolean()).isFalse();
    assertThat(sensor.get("PermWrite").asBoolean()).isTrue();
    assertThat(sensor.get("Remark").asText()).isEqualTo("field sensors");
    assertThat(sensor.get("CreatedTime").asLong()).isBetween(before, System.currentTimeMillis() / 1000);
    assertThat(sensor.get("ModifiedTime").asLong()).isEqualTo(sensor.get("CreatedTime").asLong());

    JsonNode filtered = Sdk.call(sdk, "DescribeMQTTUserList", Map.of("InstanceId", id, "Filters",
        List.of(Map.of("Name", "Username", "Values", List.of("SENS")))));
    assertThat(ids(filtered.get("Data"), "Username")).containsExactly("sensor");
    assertThat(Sdk.error(sdk, "CreateMQTTUser", Map.of("InstanceId", id, "Username", "sensor", "PermRead", true,
        "PermWrite", true)).getErrorCode()).isEqualTo("UnsupportedOperation.ResourceAlreadyExists");

    Sdk.call(sdk, "ModifyMQTTUser", Map.of("InstanceId", id, "Username", "sensor", "PermRead", true,
        "PermWrite", false, "Remark", "changed"));
    JsonNode after = find(Sdk.call(sdk, "DescribeMQTTUserList", Map.of("InstanceId", id)).get("Data"), "Username",
        "sensor");
    assertThat(after.get("PermRead").asBoolean()).isTrue();
    assertThat(after.get("PermWrite").asBoolean()).isFalse();
    assertThat(after.get("Remark").asText()).isEqualTo("changed");
    // the password survives a change of permissions
    assertThat(ProductNode.join(product.control().users().authenticate(id, "sensor", "s3cret!"))).isPresent();

    Sdk.call(sdk, "DeleteMQTTUser", Map.of("InstanceId", id, "Username", "sensor"));
    assertThat(Sdk.call(sdk, "DescribeMQTTUserList", Map.of("InstanceId", id)).get("TotalCount").asLong()).isEqualTo(1);
    assertThat(Sdk.error(sdk, "DeleteMQTTUser", Map.of("InstanceId", id, "Username", "sensor")).getErrorCode())
        .isEqualTo("ResourceNotFound.Username");
    assertThat(Sdk.error(sdk, "ModifyMQTTUser", Map.of("InstanceId", id, "Username", "ghost", "PermRead", true))
        .getErrorCode()).isEqualTo("ResourceNotFound.Username");
  }

  @Test
  void topicLifecycleCreateDescribeListModifyDelete() {
    CommonClient sdk = newTenant();
    String id = createInstance(sdk, "topics");
    long before = System.currentTimeMillis() / 1000;
    JsonNode created = Sdk.call(sdk, "CreateMQTTTopic", Map.of("InstanceId", id, "Topic", "factory/line1",
        "Remark", "first line"));
    assertThat(created.get("InstanceId").asText()).isEqualTo(id);
    assertThat(created.get("Topic").asText()).isEqualTo("factory/line1");
    Sdk.call(sdk, "CreateMQTTTopic", Map.of("InstanceId", id, "Topic", "office/door"));
    assertThat(Sdk.error(sdk, "CreateMQTTTopic", Map.of("InstanceId", id, "Topic", "factory/line1")).getErrorCode())
        .isEqualTo("UnsupportedOperation.ResourceAlreadyExists");
    assertThat(Sdk.error(sdk, "CreateMQTTTopic", Map.of("InstanceId", id, "Topic", "factory/+")).getErrorCode())
        .isEqualTo("InvalidParameterValue");

    JsonNode topic = Sdk.call(sdk, "DescribeMQTTTopic", Map.of("InstanceId", id, "Topic", "factory/line1"));
    assertThat(topic.get("InstanceId").asText()).isEqualTo(id);
    assertThat(topic.get("Topic").asText()).isEqualTo("factory/line1");
    assertThat(topic.get("Remark").asText()).isEqualTo("first line");
    assertThat(topic.get("CreatedTime").asLong()).isBetween(before, System.currentTimeMillis() / 1000);

    JsonNode list = Sdk.call(sdk, "DescribeMQTTTopicList", Map.of("InstanceId", id));
    assertThat(list.get("TotalCount").asLong()).isEqualTo(2);
    assertThat(ids(list.get("Data"), "Topic")).containsExactly("factory/line1", "office/door");
    assertThat(find(list.get("Data"), "Topic", "office/door").get("InstanceId").asText()).isEqualTo(id);
    JsonNode filtered = Sdk.call(sdk, "DescribeMQTTTopicList", Map.of("InstanceId", id, "Filters",
        List.of(Map.of("Name", "TopicName", "Values", List.of("DOOR")))));
    assertThat(ids(filtered.get("Data"), "Topic")).containsExactly("office/door");
    JsonNode paged = Sdk.call(sdk, "DescribeMQTTTopicList", Map.of("InstanceId", id, "Offset", 1, "Limit", 5));
    assertThat(ids(paged.get("Data"), "Topic")).containsExactly("office/door");
    assertThat(paged.get("TotalCount").asLong()).isEqualTo(2);

    Sdk.call(sdk, "ModifyMQTTTopic", Map.of("InstanceId", id, "Topic", "factory/line1", "Remark", "renamed line"));
    assertThat(Sdk.call(sdk, "DescribeMQTTTopic", Map.of("InstanceId", id, "Topic", "factory/line1"))
        .get("Remark").asText()).isEqualTo("renamed line");

    Sdk.call(sdk, "DeleteMQTTTopic", Map.of("InstanceId", id, "Topic", "factory/line1"));
    assertThat(Sdk.error(sdk, "DescribeMQTTTopic", Map.of("InstanceId", id, "Topic", "factory/line1")).getErrorCode())
        .isEqualTo("ResourceNotFound.Topic");
    assertThat(Sdk.error(sdk, "DeleteMQTTTopic", Map.of("InstanceId", id, "Topic", "factory/line1")).getErrorCode())
        .isEqualTo("ResourceNotFound.Topic");
  }

  @Test
  void publicEndpointsAreTheListenersTheNodeBound() {
    CommonClient sdk = newTenant();
    String id = createInstance(sdk, "endpoints");
    JsonNode r = Sdk.call(sdk, "DescribeMQTTInsPublicEndpoints", Map.of("InstanceId", id));
    assertThat(r.get("InstanceId").asText()).isEqualTo(id);
    assertThat(r.get("Status").asText()).isEqualTo("NORMAL");
    assertThat(r.get("Rules").size()).isZero();
    assertThat(r.get("Endpoints").size()).isEqualTo(2); // no TLS listener in this version
    JsonNode tcp = find(r.get("Endpoints"), "Type", "mqtt-tcp");
    assertThat(tcp.get("Host").asText()).isEqualTo("127.0.0.1");
    assertThat(tcp.get("Ip").asText()).isEqualTo("127.0.0.1");
    assertThat(tcp.get("Port").asInt()).isEqualTo(product.mqttPort);
    assertThat(tcp.get("Url").asText()).isEqualTo("127.0.0.1:" + product.mqttPort);
    JsonNode ws = find(r.get("Endpoints"), "Type", "mqtt-ws");
    assertThat(ws.get("Port").asInt()).isEqualTo(product.wsPort);
    assertThat(ws.get("Url").asText()).isEqualTo("127.0.0.1:" + product.wsPort + "/mqtt");
  }

  @Test
  void credentialOfOneInstanceCannotCreateInstancesAndListsOnlyItsOwn() {
    String tenantId = "tenant-" + UUID.randomUUID().toString().substring(0, 8);
    product.tenantWithInstance(tenantId, "mqtt-" + tenantId.substring(7));
    product.tenantWithInstance(tenantId, "mqtt-x" + tenantId.substring(8));
    Instance mine = ProductNode.join(product.control().tenants().instances(tenantId)).get(0);
    IssuedCredential scoped = ProductNode.join(product.control().credentials().issue(tenantId,
        io.tenantmq.control.credential.CredentialKind.TENCENT, mine.instanceId(), "scoped"));
    CommonClient sdk = product.sdk(scoped);
    assertThat(Sdk.error(sdk, "CreateMQTTInstance", Map.of("InstanceType", "PRO", "Name", "x")).getErrorCode())
        .isEqualTo("UnauthorizedOperation");
    JsonNode list = Sdk.call(sdk, "DescribeMQTTInstanceList", Map.of());
    assertThat(ids(list.get("Data"), "InstanceId")).containsExactly(mine.instanceId());
  }

  static List<String> ids(JsonNode data, String field) {
    List<String> ids = new ArrayList<>();
    data.forEach(d -> ids.add(d.get(field).asText()));
    return ids;
  }

  static JsonNode find(JsonNode data, String field, String value) {
    for (JsonNode d : data) {
      if (d.get(field).asText().equals(value)) {
        return d;
      }
    }
    throw new AssertionError("no item with " + field + "=" + value + " in " + data);
  }
}
