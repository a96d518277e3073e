package io.tenantmq.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.map.IMap;
import io.tenantmq.control.cluster.MapNames;
import io.tenantmq.control.tenant.Instance;
import io.tenantmq.control.tenant.Tenant;
import io.tenantmq.control.testing.EmbeddedMember;
import io.tenantmq.control.topic.MqttTopic;
import io.tenantmq.control.user.MqttUser;
import java.io.Serializable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ControlPlaneDeleteTest {

  /** Stands in for the brokers' values (retained messages, stored sessions): all the purge needs is the instance id. */
  record BrokerValue(String instanceId, String data) implements Serializable {
  }

  static EmbeddedMember member;

  @BeforeAll
  static void start() {
    member = new EmbeddedMember("delete-test");
  }

  @AfterAll
  static void stop() {
    member.close();
  }

  @Test
  void deletedInstanceTakesItsUsersTopicsRetainedMessagesAndSessionsAndNothingElse() throws Exception {
    ControlPlane control = member.control;
    control.tenants().createTenantIfAbsent(new Tenant("t-del", "t", 0)).toCompletableFuture().get();
    for (String id : new String[] {"gone", "kept"}) {
      control.tenants().createInstanceIfAbsent(new Instance(id, "t-del", id, false, 0)).toCompletableFuture().get();
      control.users().create(MqttUser.create(id, "u", "pw", true, true, null, 0)).toCompletableFuture().get();
      control.topics().create(new MqttTopic(id, "a/b", null, 0, 0)).toCompletableFuture().get();
    }
    IMap<String, BrokerValue> retained = member.hazelcast.getMap(MapNames.RETAINED);
    IMap<String, BrokerValue> sessions = member.hazelcast.getMap(MapNames.SESSIONS);
    retained.put("gone/a", new BrokerValue("gone", "r1"));
    retained.put("kept/a", new BrokerValue("kept", "r2"));
    sessions.put("gone/c1", new BrokerValue("gone", "s1"));
    sessions.put("kept/c1", new BrokerValue("kept", "s2"));

    assertThat(control.deleteInstance("gone").toCompletableFuture().get(30, TimeUnit.SECONDS)).isTrue();

    assertThat(control.tenants().instance("gone").toCompletableFuture().get()).isEmpty();
    assertThat(control.users().list("gone").toCompletableFuture().get()).isEmpty();
    assertThat(control.topics().list("gone").toCompletableFuture().get()).isEmpty();
    assertThat(retained.keySet()).containsExactly("kept/a");
    assertThat(sessions.keySet()).containsExactly("kept/c1");
    assertThat(control.users().list("kept").toCompletableFuture().get()).hasSize(1);
    assertThat(control.topics().list("kept").toCompletableFuture().get()).hasSize(1);
    assertThat(control.deleteInstance("gone").toCompletableFuture().get(30, TimeUnit.SECONDS)).isFalse();
  }
}
