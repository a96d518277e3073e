package io.tenantmq.deploy.demo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tenantmq.control.tenant.Instance;
import io.tenantmq.control.tenant.Tenant;
import io.tenantmq.control.user.MqttUser;
import io.tenantmq.gateway.GatewayOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Pattern;

/**
 * {@code demo-credentials.json} in a data directory. It holds secrets, so it is written owner-only; a damaged file or
 * section reads as missing and is replaced.
 */
public final class DemoFile {

  public static final String FILE_NAME = "demo-credentials.json";

  private static final Pattern ALPHANUMERIC = Pattern.compile("[A-Za-z0-9]{1,128}");
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private DemoFile() {
  }

  /** The file's content with every malformed section dropped, or null when there is no usable file. */
  public static DemoCredentials read(Path dataDir) {
    Path file = dataDir.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    DemoCredentials d;
    try {
      d = JSON.readValue(file.toFile(), DemoCredentials.class);
    } catch (IOException e) {
      return null;
    }
    if (d.tenantId() == null || !Tenant.ID_PATTERN.matcher(d.tenantId()).matches()
        || d.instanceId() == null || !Instance.ID_PATTERN.matcher(d.instanceId()).matches()) {
      return null;
    }
    DemoCredentials.Tencent tencent = d.tencent() != null && matches(ALPHANUMERIC, d.tencent().secretId())
        && matches(ALPHANUMERIC, d.tencent().secretKey()) ? d.tencent() : null;
    DemoCredentials.Mqtt mqtt = d.mqtt() != null && matches(MqttUser.USERNAME_PATTERN, d.mqtt().username())
        && matches(ALPHANUMERIC, d.mqtt().password()) ? d.mqtt() : null;
    DemoCredentials.Admin admin = d.admin() != null && validToken(d.admin().token()) ? d.admin() : null;
    DemoCredentials.Emqx emqx = d.emqx() != null && matches(ALPHANUMERIC, d.emqx().apiKey())
        && matches(ALPHANUMERIC, d.emqx().apiSecret()) ? d.emqx() : null;
    DemoCredentials.Aliyun aliyun = d.aliyun() != null && matches(ALPHANUMERIC, d.aliyun().accessKeyId())
        && matches(ALPHANUMERIC, d.aliyun().accessKeySecret()) ? d.aliyun() : null;
    return new DemoCredentials(d.tenantId(), d.instanceId(), tencent, mqtt, admin, emqx, aliyun);
  }

  public static void write(Path dataDir, DemoCredentials demo) throws IOException {
    Files.createDirectories(dataDir);
    Path tmp = dataDir.resolve(FILE_NAME + ".tmp");
    Files.deleteIfExists(tmp);
    Files.createFile(tmp);
    try {
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // best effort on file systems without POSIX permissions
    }
    Files.writeString(tmp, toJson(demo));
    Files.move(tmp, dataDir.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  public static String toJson(DemoCredentials demo) throws IOException {
    return JSON.writeValueAsString(demo);
  }

  private static boolean matches(Pattern pattern, String value) {
    return value != null && pattern.matcher(value).matches();
  }

  private static boolean validToken(String token) {
    try {
      new GatewayOptions().setAdminToken(token);
      return token != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
