package io.tenantmq.deploy.demo;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.tenantmq.control.ControlPlane;
import io.tenantmq.control.cluster.MapNames;
import io.tenantmq.control.cluster.PutIfAbsent;
import io.tenantmq.control.credential.Credential;
import io.tenantmq.control.credential.CredentialKind;
import io.tenantmq.control.tenant.Instance;
import io.tenantmq.control.tenant.NewIds;
import io.tenantmq.control.tenant.Tenant;
import io.tenantmq.control.user.MqttUser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo tenant with one instance that accepts anonymous MQTT from loopback, a Tencent-style credential, an EMQX
 * API key of the instance, an Aliyun-style AccessKey, an MQTT user, and the operator token. Created once per cluster:
 * the first member to ask stores its ids and secrets in the cluster settings map and every member uses those, writing
 * the same {@code demo-credentials.json} into its own data directory. A restarted node proposes what its file holds,
 * so the file stays the same across restarts.
 */
public final class DemoTenant {

  static final String SETTINGS_KEY = "demo";
  /** The operator token agreed by the cluster when none is configured. */
  static final String ADMIN_TOKEN_KEY = "admin-token";
  public static final String FILE_NAME = DemoFile.FILE_NAME;
  static final String MQTT_USERNAME = "demo";
  static final int ADMIN_TOKEN_LENGTH = 40;
  static final int PASSWORD_LENGTH = 24;

  private static final Logger LOG = LoggerFactory.getLogger(DemoTenant.class);
  private static final long TIMEOUT_SECONDS = 30;

  private DemoTenant() {
  }

  /**
   * Blocking; call at start-up, not on an event loop.
   *
   * @param configuredAdminToken the operator's token from configuration, or null to use the cluster's
   */
  public static DemoCredentials ensure(HazelcastInstance hazelcast, ControlPlane control, Path dataDir,
                                       String configuredAdminToken) throws Exception {
    DemoCredentials previous = DemoFile.read(dataDir);
    DemoCredentials proposal = previous == null ? fresh() : previous.withAdmin(null).completedWith(fresh());
    // one settings map, values of several types: a typed view per key
    IMap<String, DemoCredentials> demos = hazelcast.getMap(MapNames.CLUSTER_SETTINGS);
    IMap<String, String> tokens = hazelcast.getMap(MapNames.CLUSTER_SETTINGS);
    DemoCredentials demo = await(demos.submitToKey(SETTINGS_KEY, new CompleteDemo(proposal)));
    String token = configuredAdminToken;
    if (token == null) {
      String proposedToken = previous != null && previous.admin() != null
          ? previous.admin().token() : NewIds.alphanumeric(ADMIN_TOKEN_LENGTH);
      token = await(tokens.submitToKey(ADMIN_TOKEN_KEY, new PutIfAbsent<String, String>(proposedToken)));
    }
    demo = demo.withAdmin(new DemoCredentials.Admin(token));

    long now = System.currentTimeMillis();
    await(control.tenants().createTenantIfAbsent(new Tenant(demo.tenantId(), "demo", now)));
    await(control.tenants().createInstanceIfAbsent(new Instance(demo.instanceId(), demo.tenantId(), "demo", true, now)));
    ensureCredential(control, demo.tenantId(), CredentialKind.TENCENT, null, demo.tencent().secretId(),
        demo.tencent().secretKey());
    ensureCredential(control, demo.tenantId(), CredentialKind.EMQX, demo.instanceId(), demo.emqx().apiKey(),
        demo.emqx().apiSecret());
    ensureCredential(control, demo.tenantId(), CredentialKind.ALIYUN, null, demo.aliyun().accessKeyId(),
        demo.aliyun().accessKeySecret());
    ensureUser(control, demo, now);
    DemoFile.write(dataDir, demo);
    return demo;
  }

  public static String toJson(DemoCredentials demo) throws IOException {
    return DemoFile.toJson(demo);
  }

  private static DemoCredentials fresh() {
    CredentialKind tc3 = CredentialKind.TENCENT;
    CredentialKind emqx = CredentialKind.EMQX;
    CredentialKind aliyun = CredentialKind.ALIYUN;
    return new DemoCredentials(NewIds.tenantId(), NewIds.instanceId(),
        new DemoCredentials.Tencent(tc3.idPrefix() + NewIds.alphanumeric(tc3.idRandomLength()),
            NewIds.alphanumeric(tc3.secretLength()), DemoCredentials.TENCENT_REGION),
        new DemoCredentials.Mqtt(MQTT_USERNAME, NewIds.alphanumeric(PASSWORD_LENGTH)),
        null,
        new DemoCredentials.Emqx(emqx.idPrefix() + NewIds.alphanumeric(emqx.idRandomLength()),
            NewIds.alphanumeric(emqx.secretLength())),
        new DemoCredentials.Aliyun(aliyun.idPrefix() + NewIds.alphanumeric(aliyun.idRandomLength()),
            NewIds.alphanumeric(aliyun.secretLength())));
  }

  /**
   * Imports an agreed demo credential (the Tencent SecretId/SecretKey, the EMQX API key, the Aliyun AccessKey). A
   * stored credential with that id but another tenant, kind, scope or secret (a store that outlived the cluster
   * settings) is replaced: the cluster's agreement wins.
   */
  private static void ensureCredential(ControlPlane control, String tenantId, CredentialKind kind, String instanceId,
                                       String id, String secret) throws Exception {
    for (int attempt = 0; attempt < 2; attempt++) {
      if (await(control.credentials().importCredential(id, secret, tenantId, kind, instanceId, "demo"))) {
        return;
      }
      Optional<Credential> stored = await(control.credentials().get(id));
      if (stored.isPresent() && stored.get().tenantId().equals(tenantId) && stored.get().kind() == kind
          && java.util.Objects.equals(stored.get().instanceId(), instanceId) && opensTo(control, stored.get(), secret)) {
        return;
      }
      LOG.warn("demo credential {} in the store differs from the cluster's; replacing it", id);
      await(control.credentials().revoke(id));
    }
    throw new IllegalStateException("could not store the demo credential " + id);
  }

  /** Whether the stored credential's secret is {@code secret}; false when this node's key cannot open it. */
  private static boolean opensTo(ControlPlane control, Credential stored, String secret) {
    try {
      return control.credentials().secretMatches(stored, secret);
    } catch (IllegalStateException wrongKey) {
      LOG.warn("the stored demo credential {} was sealed with another key than this node's; stored credentials can"
          + " only be checked with the key that sealed them (configure secretEncryptionKey)", stored.credentialId());
      return false;
    }
  }

  /** Creates the demo MQTT user, or resets it to the agreed password and full permissions. */
  private static void ensureUser(ControlPlane control, DemoCredentials demo, long now) throws Exception {
    DemoCredentials.Mqtt mqtt = demo.mqtt();
    MqttUser user = MqttUser.create(demo.instanceId(), mqtt.username(), mqtt.password(), true, true, "demo", now);
    if (await(control.users().create(user))) {
      return;
    }
    Optional<MqttUser> stored = await(control.users().get(user.key()));
    if (stored.isPresent() && stored.get().permRead() && stored.get().permWrite()
        && stored.get().passwordMatches(mqtt.password())) {
      return;
    }
    await(control.users().update(user));
  }

  private static <T> T await(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }
}
