package io.tenantmq.deploy.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.tenantmq.control.cluster.MapNames;
import io.tenantmq.control.cluster.PutIfAbsent;
import io.tenantmq.control.tenant.Instance;
import io.tenantmq.control.tenant.Tenant;
import io.tenantmq.control.tenant.TenantDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;

/**
 * The demo tenant with one instance that accepts anonymous MQTT from loopback. Created once per cluster: the first
 * member to ask stores its ids in the cluster settings map and every member uses those, writing the same
 * {@code demo-credentials.json} into its own data directory. A restarted single node reuses the ids of its file.
 */
public final class DemoTenant {

  static final String SETTINGS_KEY = "demo";
  public static final String FILE_NAME = "demo-credentials.json";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final SecureRandom RANDOM = new SecureRandom();

  private DemoTenant() {
  }

  /** Blocking; call at start-up, not on an event loop. */
  public static DemoCredentials ensure(HazelcastInstance hazelcast, TenantDirectory tenants, Path dataDir)
      throws Exception {
    DemoCredentials proposal = readFile(dataDir);
    if (proposal == null) {
      proposal = new DemoCredentials("tenant-" + randomId(8), "mqtt-" + randomId(8));
    }
    IMap<String, DemoCredentials> settings = hazelcast.getMap(MapNames.CLUSTER_SETTINGS);
    DemoCredentials demo = settings.submitToKey(SETTINGS_KEY, new PutIfAbsent<String, DemoCredentials>(proposal))
        .toCompletableFuture().get(30, TimeUnit.SECONDS);
    long now = System.currentTimeMillis();
    tenants.createTenantIfAbsent(new Tenant(demo.tenantId(), "demo", now)).toCompletableFuture().get(30, TimeUnit.SECONDS);
    tenants.createInstanceIfAbsent(new Instance(demo.instanceId(), demo.tenantId(), "demo", true, now))
        .toCompletableFuture().get(30, TimeUnit.SECONDS);
    writeFile(dataDir, demo);
    return demo;
  }

  public static String toJson(DemoCredentials demo) throws IOException {
    return JSON.writeValueAsString(demo);
  }

  private static DemoCredentials readFile(Path dataDir) {
    Path file = dataDir.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      DemoCredentials d = new ObjectMapper()
          .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
          .readValue(file.toFile(), DemoCredentials.class);
      return d.tenantId() != null && d.instanceId() != null && Instance.ID_PATTERN.matcher(d.instanceId()).matches() ? d : null;
    } catch (IOException e) {
      return null; // a damaged file is replaced
    }
  }

  private static void writeFile(Path dataDir, DemoCredentials demo) throws IOException {
    Files.createDirectories(dataDir);
    Path tmp = dataDir.resolve(FILE_NAME + ".tmp");
    Files.writeString(tmp, toJson(demo));
    Files.move(tmp, dataDir.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static String randomId(int length) {
    String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return sb.toString();
  }
}
