package io.tenantmq.control;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.tenantmq.control.acl.HazelcastTopicAcl;
import io.tenantmq.control.acl.TopicAcl;
import io.tenantmq.control.ban.BanList;
import io.tenantmq.control.ban.HazelcastBanList;
import io.tenantmq.control.cluster.MapNames;
import io.tenantmq.control.cluster.ScopedRecords;
import io.tenantmq.control.command.HazelcastNodeCommands;
import io.tenantmq.control.command.NodeCommands;
import io.tenantmq.control.credential.AliyunAccessKeys;
import io.tenantmq.control.credential.CredentialService;
import io.tenantmq.control.credential.HazelcastCredentialService;
import io.tenantmq.control.credential.SecretCipher;
import io.tenantmq.control.event.EventConsumers;
import io.tenantmq.control.event.EventStream;
import io.tenantmq.control.event.HazelcastEventConsumers;
import io.tenantmq.control.event.HazelcastEventStream;
import io.tenantmq.control.quota.HazelcastQuotaDirectory;
import io.tenantmq.control.quota.QuotaDirectory;
import io.tenantmq.control.registry.ClientQuery;
import io.tenantmq.control.registry.ClientRecord;
import io.tenantmq.control.registry.ClientRegistry;
import io.tenantmq.control.registry.HazelcastClientRegistry;
import io.tenantmq.control.tenant.HazelcastTenantDirectory;
import io.tenantmq.control.tenant.TenantDirectory;
import io.tenantmq.control.token.HazelcastTokenService;
import io.tenantmq.control.token.TokenService;
import io.tenantmq.control.topic.HazelcastTopicDirectory;
import io.tenantmq.control.topic.TopicDirectory;
import io.tenantmq.control.user.HazelcastMqttUserDirectory;
import io.tenantmq.control.user.MqttUserDirectory;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Every domain service of one member, built once over its Hazelcast instance and handed to the MQTT node and the
 * gateway.
 *
 * @param workerExecutor where blocking Hazelcast queries and password hashing run; never an event loop
 * @param retained       the brokers' retained messages, of every instance (values of mqtt-node's types)
 * @param sessions       the brokers' stored persistent sessions, of every instance (values of mqtt-node's types)
 * @param bans           who may not connect to which instance
 * @param tokens         Aliyun-style access tokens for Token-mode connections
 * @param events         each instance's online/offline event stream
 * @param consumers      the consumer groups that read the event streams, with their committed offsets
 * @param acl            each instance's topic ACL rules
 * @param quotas         each instance's configured quotas
 */
public record ControlPlane(TenantDirectory tenants, ClientRegistry registry, CredentialService credentials,
                           MqttUserDirectory users, TopicDirectory topics, NodeCommands commands,
                           Executor workerExecutor, IMap<Object, Object> retained, IMap<Object, Object> sessions,
                           BanList bans, TokenService tokens, EventStream events,
                           EventConsumers consumers, TopicAcl acl, QuotaDirectory quotas) {

  /** The Aliyun dialect's AccessKey lookups, over {@link #credentials} and {@link #tenants}. */
  public AliyunAccessKeys aliyunKeys() {
    return new AliyunAccessKeys(credentials, tenants);
  }

  public static ControlPlane create(HazelcastInstance hazelcast, SecretCipher cipher, Executor workerExecutor) {
    ClientRegistry registry = new HazelcastClientRegistry(hazelcast, workerExecutor);
    EventStream events = new HazelcastEventStream(hazelcast, workerExecutor);
    return new ControlPlane(
        new HazelcastTenantDirectory(hazelcast, workerExecutor),
        registry,
        new HazelcastCredentialService(hazelcast, cipher, workerExecutor),
        new HazelcastMqttUserDirectory(hazelcast, workerExecutor),
        new HazelcastTopicDirectory(hazelcast, workerExecutor),
        new HazelcastNodeCommands(hazelcast, registry),
        workerExecutor,
        hazelcast.getMap(MapNames.RETAINED),
        hazelcast.getMap(MapNames.SESSIONS),
        new HazelcastBanList(hazelcast, workerExecutor),
        new HazelcastTokenService(hazelcast, workerExecutor),
        events,
        new HazelcastEventConsumers(hazelcast, events, workerExecutor),
        new HazelcastTopicAcl(hazelcast),
        new HazelcastQuotaDirectory(hazelcast));
  }

  /**
   * Deletes an instance with its MQTT users, declared topics, ACL rules, retained messages, stored sessions, bans, tokens, event stream and its consumer groups, quotas, then closes its live connections; false when there
   * was no such instance. The children go first, so a failure half-way leaves the instance in place and the delete can
   * simply be repeated (an instance re-created with the same id never inherits old users). Connections close last,
   * when no client can connect to the instance any more; failing to reach one does not fail the delete.
   */
  public CompletionStage<Boolean> deleteInstance(String instanceId) {
    return users.deleteAll(instanceId)
        .thenCompose(removed -> topics.deleteAll(instanceId))
        .thenCompose(removed -> acl.deleteAll(instanceId))
        // what the brokers keep for the instance: an instance re-created with the same id starts empty
        .thenCompose(removed -> ScopedRecords.deleteAll(retained, instanceId, workerExecutor))
        .thenCompose(removed -> ScopedRecords.deleteAll(sessions, instanceId, workerExecutor))
        .thenCompose(removed -> bans.deleteAll(instanceId))
        .thenCompose(removed -> tokens.deleteAll(instanceId))
        .thenCompose(removed -> consumers.delete(instanceId))
        .thenCompose(removed -> events.delete(instanceId))
        .thenCompose(removed -> quotas.delete(instanceId))
        .thenCompose(removed -> tenants.deleteInstance(instanceId))
        .thenCompose(deleted -> disconnectAll(instanceId).handle((done, failure) -> deleted));
  }

  private CompletionStage<Void> disconnectAll(String instanceId) {
    return registry.list(instanceId, ClientQuery.all()).thenCompose(records -> CompletableFuture.allOf(records.stream()
        .filter(ClientRecord::connected)
        .map(r -> commands.kick(r.key()).toCompletableFuture())
        .toArray(CompletableFuture[]::new)));
  }

  /**
   * Deletes a tenant with its instances (each as {@link #deleteInstance}) and its credentials; false when there was no
   * such tenant. Children first, as for instances.
   */
  public CompletionStage<Boolean> deleteTenant(String tenantId) {
    CompletionStage<?> instancesGone = tenants.instances(tenantId).thenCompose(found -> CompletableFuture.allOf(
        found.stream().map(i -> deleteInstance(i.instanceId()).toCompletableFuture()).toArray(CompletableFuture[]::new)));
    CompletionStage<?> credentialsGone = credentials.list(tenantId).thenCompose(found -> CompletableFuture.allOf(
        found.stream().map(c -> credentials.revoke(c.credentialId()).toCompletableFuture())
            .toArray(CompletableFuture[]::new)));
    return instancesGone.thenCombine(credentialsGone, (a, b) -> null)
        .thenCompose(ignored -> tenants.deleteTenant(tenantId));
  }
}
