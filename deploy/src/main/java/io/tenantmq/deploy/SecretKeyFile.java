package io.tenantmq.deploy;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.tenantmq.control.cluster.MapNames;
import io.tenantmq.control.cluster.PutIfAbsent;
import io.tenantmq.control.credential.SecretCipher;
import io.tenantmq.deploy.config.TenantMqConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key that seals stored secrets: from configuration when given, else {@code secret.key} in the data directory,
 * created (owner-only) at first start. Every member of a cluster must seal with the same key, or a secret issued
 * through one node could not be checked on another: without a configured key the members agree on one at start (the
 * first member's file wins and the others rewrite theirs), through a map that is never written to the database.
 */
final class SecretKeyFile {

  static final String FILE_NAME = "secret.key";
  static final String CLUSTER_KEY = "secret-encryption-key";

  private static final Logger LOG = LoggerFactory.getLogger(SecretKeyFile.class);

  private SecretKeyFile() {
  }

  /** The key in force on this member. Blocking; call at start-up. */
  static byte[] agree(TenantMqConfig config, HazelcastInstance hazelcast) throws Exception {
    if (config.secretEncryptionKey() != null) {
      return config.secretEncryptionKey().bytes();
    }
    byte[] local = loadOrCreate(config);
    IMap<String, String> runtime = hazelcast.getMap(MapNames.CLUSTER_RUNTIME);
    String agreed = runtime.submitToKey(CLUSTER_KEY, new PutIfAbsent<String, String>(encode(local)))
        .toCompletableFuture().get(30, TimeUnit.SECONDS);
    byte[] key = Base64.getDecoder().decode(agreed);
    if (!Arrays.equals(key, local)) {
      LOG.warn("{} differs from the key the cluster seals secrets with; adopting the cluster's key and rewriting it"
          + " (configure secretEncryptionKey on every member to choose the key yourself)",
          config.dataDir().resolve(FILE_NAME));
      write(config.dataDir(), key);
    }
    return key;
  }

  private static byte[] loadOrCreate(TenantMqConfig config) throws IOException {
    Path file = config.dataDir().resolve(FILE_NAME);
    if (Files.isRegularFile(file)) {
      return Base64.getDecoder().decode(Files.readString(file).trim());
    }
    byte[] key = SecretCipher.newKey();
    write(config.dataDir(), key);
    return key;
  }

  private static void write(Path dataDir, byte[] key) throws IOException {
    Files.createDirectories(dataDir);
    Path tmp = dataDir.resolve(FILE_NAME + ".tmp");
    Files.deleteIfExists(tmp);
    Files.createFile(tmp);
    try {
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // best effort on file systems without POSIX permissions
    }
    Files.writeString(tmp, encode(key) + "\n");
    Files.move(tmp, dataDir.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static String encode(byte[] key) {
    return Base64.getEncoder().encodeToString(key);
  }
}
