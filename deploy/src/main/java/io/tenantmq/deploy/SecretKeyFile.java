package io.tenantmq.deploy;

import io.tenantmq.control.credential.SecretCipher;
import io.tenantmq.deploy.config.TenantMqConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

/**
 * The key that seals stored secrets: from configuration when given, else {@code secret.key} in the data directory,
 * created (owner-only) at first start. Every member of a cluster that shares one database needs the same key.
 */
final class SecretKeyFile {

  static final String FILE_NAME = "secret.key";

  private SecretKeyFile() {
  }

  static byte[] loadOrCreate(TenantMqConfig config) throws IOException {
    if (config.secretEncryptionKey() != null) {
      return config.secretEncryptionKey().bytes();
    }
    Path file = config.dataDir().resolve(FILE_NAME);
    if (Files.isRegularFile(file)) {
      return Base64.getDecoder().decode(Files.readString(file).trim());
    }
    Files.createDirectories(config.dataDir());
    byte[] key = SecretCipher.newKey();
    Path tmp = config.dataDir().resolve(FILE_NAME + ".tmp");
    Files.writeString(tmp, Base64.getEncoder().encodeToString(key) + "\n");
    try {
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // best effort on file systems without POSIX permissions
    }
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    return key;
  }
}
