package io.tenantmq.control.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantmq.control.ControlPlane;
import io.tenantmq.control.cluster.MapNames;
import io.tenantmq.control.credential.Credential;
import io.tenantmq.control.credential.CredentialKind;
import io.tenantmq.control.credential.IssuedCredential;
import io.tenantmq.control.credential.SecretCipher;
import io.tenantmq.control.tenant.Instance;
import io.tenantmq.control.tenant.Tenant;
import io.tenantmq.control.testing.EmbeddedMember;
import io.tenantmq.control.topic.MqttTopic;
import io.tenantmq.control.topic.TopicKey;
import io.tenantmq.control.user.MqttUser;
import io.tenantmq.control.user.UserKey;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A Hazelcast member whose durable maps write through to a database dies; a new member of a new cluster on the same
 * database finds everything, through gets and through the predicate queries the lists use. Subclasses say which
 * database.
 */
abstract class DurableClusterContract {

  abstract String newDatabaseUrl() throws Exception;

  @Test
  void aNewMemberOnTheSameDatabaseFindsEverythingTheDeadOneWrote() throws Exception {
    String url = newDatabaseUrl();
    SecretCipher cipher = new SecretCipher(SecretCipher.newKey());
    IssuedCredential tencent;
    IssuedCredential emqx;
    try (DurableStore store = DurableStore.open(url)) {
      EmbeddedMember first = new EmbeddedMember("durable-1", store, cipher);
      ControlPlane c = first.control;
      await(c.tenants().createTenantIfAbsent(new Tenant("tenant-a", "A", 1)));
      await(c.tenants().createTenantIfAbsent(new Tenant("tenant-b", "B", 2)));
      await(c.tenants().createInstanceIfAbsent(new Instance("mqtt-a1", "tenant-a", "a1", true, 3)));
      await(c.tenants().createInstanceIfAbsent(new Instance("mqtt-a2", "tenant-a", "a2", false, 4)));
      await(c.tenants().createInstanceIfAbsent(new Instance("mqtt-b1", "tenant-b", "b1", false, 5)));
      await(c.tenants().updateInstance(new Instance("mqtt-a2", "tenant-a", "renamed", "r", false, 4)));
      tencent = await(c.credentials().issue("tenant-a", CredentialKind.TENCENT, null, "ci"));
      emqx = await(c.credentials().issue("tenant-a", CredentialKind.EMQX, "mqtt-a1", null));
      IssuedCredential revoked = await(c.credentials().issue("tenant-a", CredentialKind.ALIYUN, null, null));
      await(c.credentials().revoke(revoked.credential().credentialId()));
      await(c.users().create(MqttUser.create("mqtt-a1", "dev1", "pw-1", true, false, null, 6)));
      await(c.users().create(MqttUser.create("mqtt-a1", "dev2", "pw-2", true, true, null, 7)));
      await(c.users().create(MqttUser.create("mqtt-a1", "gone", "pw-3", true, true, null, 8)));
      await(c.users().create(MqttUser.create("mqtt-b1", "dev1", "other", true, true, null, 9)));
      await(c.users().delete(new UserKey("mqtt-a1", "gone")));
      await(c.topics().create(new MqttTopic("mqtt-a1", "sensors/temp", "t", 10, 10)));
      await(c.topics().create(new MqttTopic("mqtt-a1", "sensors/hum", null, 11, 11)));
      first.crash();
    }

    try (DurableStore store = DurableStore.open(url);
         EmbeddedMember second = new EmbeddedMember("durable-2", store, cipher)) {
      ControlPlane c = second.control;
      assertThat(await(c.tenants().tenants())).extracting(Tenant::tenantId).containsExactly("tenant-a", "tenant-b");
      assertThat(await(c.tenants().instances("tenant-a"))).extracting(Instance::name).containsExactly("a1", "renamed");
      assertThat(await(c.tenants().instance("mqtt-b1"))).hasValueSatisfying(i -> assertThat(i.tenantId())
          .isEqualTo("tenant-b"));
      assertThat(await(c.credentials().list("tenant-a"))).extracting(Credential::credentialId)
          .containsExactlyInAnyOrder(tencent.credential().credentialId(), emqx.credential().credentialId());
      Credential sealed = await(c.credentials().get(tencent.credential().credentialId())).orElseThrow();
      assertThat(c.credentials().secretOf(sealed)).isEqualTo(tencent.secret());
      Credential hashed = await(c.credentials().get(emqx.credential().credentialId())).orElseThrow();
      assertThat(c.credentials().secretMatches(hashed, emqx.secret())).isTrue();
      assertThat(await(c.users().list("mqtt-a1"))).extracting(MqttUser::username).containsExactly("dev1", "dev2");
      assertThat(await(c.users().list("mqtt-b1"))).extracting(MqttUser::username).containsExactly("dev1");
      assertThat(await(c.users().authenticate("mqtt-a1", "dev1", "pw-1"))).hasValueSatisfying(u ->
          assertThat(u.permWrite()).isFalse());
      assertThat(await(c.users().authenticate("mqtt-a1", "dev1", "other"))).isEmpty();
      assertThat(await(c.topics().list("mqtt-a1"))).extracting(MqttTopic::topic)
          .containsExactly("sensors/hum", "sensors/temp");
      assertThat(await(c.topics().get(new TopicKey("mqtt-a1", "sensors/temp")))).hasValueSatisfying(t ->
          assertThat(t.remark()).isEqualTo("t"));
    }
  }

  @Test
  void membersOfOneClusterShareTheDatabaseAndAFullRestartLosesNothing() throws Exception {
    String url = newDatabaseUrl();
    SecretCipher cipher = new SecretCipher(SecretCipher.newKey());
    String cluster = "durable-" + UUID.randomUUID();
    int count = 200; // spread over the partitions of both members, so both write to the database
    try (DurableStore store = DurableStore.open(url)) {
      EmbeddedMember one = new EmbeddedMember("shared-1", cluster, store, cipher);
      EmbeddedMember two = new EmbeddedMember("shared-2", cluster, store, cipher);
      assertThat(two.hazelcast.getCluster().getMembers()).hasSize(2);
      await(one.control.tenants().createTenantIfAbsent(new Tenant("tenant-s", "S", 1)));
      for (int i = 0; i < count; i++) {
        ControlPlane via = (i % 2 == 0 ? one : two).control;
        await(via.tenants().createInstanceIfAbsent(new Instance("mqtt-s" + i, "tenant-s", "s" + i, false, i)));
        await(via.topics().create(new MqttTopic("mqtt-s0", "t/" + i, null, i, i)));
      }
      // each member owns some of the entries, so each has written to the database
      assertThat(one.hazelcast.getMap(MapNames.INSTANCES).localKeySet()).isNotEmpty();
      assertThat(two.hazelcast.getMap(MapNames.INSTANCES).localKeySet()).isNotEmpty();
      two.crash();
      one.crash();
    }
    try (DurableStore store = DurableStore.open(url);
         EmbeddedMember again = new EmbeddedMember("shared-3", store, cipher)) {
      assertThat(await(again.control.tenants().instances("tenant-s"))).hasSize(count);
      assertThat(await(again.control.topics().list("mqtt-s0"))).hasSize(count);
    }
  }

  private static <T> T await(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
